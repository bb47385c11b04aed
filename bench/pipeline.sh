#!/usr/bin/env bash
# Pipeline benchmark: generator, encode+persist and executor overhead per job, on the real application.
# Usage: bench/pipeline.sh [jobs]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java_home=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | sort -V | tail -n 1)}
exec "$java_home/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
    -cp "target/test-classes:target/classes:$cp" studio.dailies.generation.PipelineBenchmark "$@" 2>&1 \
    | grep -v -E '^\S+ \[main\] (INFO|DEBUG)'
