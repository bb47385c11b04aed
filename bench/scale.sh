#!/usr/bin/env bash
# Producer tracking at scale (issue 12): server time of the board's first page, the dashboard and the queue page on
# the large seed (made by bench/seed-large.sh) against the demo show, same run, in Debian's Chromium.
# Usage: bench/scale.sh [seed-folder (default target/large-seed)] [opens-per-page] [production|development]
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.ScaleBenchmark "$@"
