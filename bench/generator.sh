#!/usr/bin/env bash
# Generator benchmark: 1 variant vs 4 batched at the show's default size (640x360, 36 frames).
# Usage: bench/generator.sh [runs] [width] [height] [frames]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java_home=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | sort -V | tail -n 1)}
exec "$java_home/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
    -cp "target/test-classes:target/classes:$cp" studio.dailies.bench.GeneratorBenchmark "$@" 2>&1 \
    | grep -v -E '^\S+ \[main\] (INFO|DEBUG)'
