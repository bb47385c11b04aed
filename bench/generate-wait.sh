#!/usr/bin/env bash
# The user's wait (issue 13): click Generate → the takes reach another viewer's shot page, procedural default and
# tiny diffusion model, with the application's own background worker.
# Usage: bench/generate-wait.sh [jobs per model]
exec "$(dirname "$0")/run-main.sh" studio.dailies.generation.GenerateWaitBenchmark "$@"
