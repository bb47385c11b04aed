#!/usr/bin/env bash
# Soak: the app as a new user runs it (fresh ./data-like folder, production mode, demo, executor, default pool
# settings) under light use by a producer, an artist and a director in Debian's Chromium, for N minutes (45 by
# default). Prints a summary; also in target/soak/summary.txt, with the server log in target/soak/server.log.
# The compiled classes are copied first, so that building the project meanwhile cannot change the running server.
# Usage: bench/soak.sh [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
snapshot=$(mktemp -d /tmp/dailies-soak-classes.XXXXXX)
cp -r target/classes "$snapshot/classes"
cp -r target/test-classes "$snapshot/test-classes"
java_home=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | sort -V | tail -n 1)}
exec "$java_home/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
    -cp "$snapshot/test-classes:$snapshot/classes:$cp" studio.dailies.bench.SoakRun "$@"
