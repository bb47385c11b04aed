#!/usr/bin/env bash
# Pipeline benchmark: generator, encode+persist and executor overhead per job, on the real application.
# Usage: bench/pipeline.sh [jobs]
exec "$(dirname "$0")/run-main.sh" studio.dailies.generation.PipelineBenchmark "$@"
