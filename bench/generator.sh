#!/usr/bin/env bash
# Generator benchmark at the show's default size (640x360, 36 frames): the current procedural renderer
# against the frozen 1.0 renderer (src/test/java/studio/dailies/bench/procedural1), 1 variant and 4
# batched, alternating in one run.
# Usage: bench/generator.sh [runs] [width] [height] [frames] [prompt]
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.GeneratorBenchmark "$@"
