#!/usr/bin/env bash
# Review latency benchmark: approve → every other open review page shows it, with 1, 10 and 50 viewers in
# Debian's Chromium, and the retained heap per open review UI.
# Usage: bench/review-latency.sh [trials-per-step] [production|development]   (production mode by default)
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.ReviewLatencyBenchmark "$@"
