#!/usr/bin/env bash
# Generator benchmark: 1 variant vs 4 batched at the show's default size (640x360, 36 frames).
# Usage: bench/generator.sh [runs] [width] [height] [frames]
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.GeneratorBenchmark "$@"
