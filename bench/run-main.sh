#!/usr/bin/env bash
# Runs a benchmark main class from the test sources on the project's classpath.
# Usage: bench/run-main.sh CLASS [args...]   (used by the other bench scripts)
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1; shift
./mvnw -B -q test-compile
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java_home=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | sort -V | tail -n 1)}
exec "$java_home/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
    -cp "target/test-classes:target/classes:$cp" "$main" "$@" 2>&1 \
    | grep -v -E '^\S+ \[main\] (INFO|DEBUG)'
