#!/usr/bin/env bash
# Model cache (issue 13): the first job of a studio model (load + hash once) against the jobs after it.
# Usage: bench/model-cache.sh [later jobs]
exec "$(dirname "$0")/run-main.sh" studio.dailies.generation.ModelCacheBenchmark "$@"
