#!/usr/bin/env bash
# Notes latency benchmark: a note (or a note with a drawing) made on one page → its marker on 10 other open views of
# the shot, against a decision reaching the same views, in Debian's Chromium (issue 11).
# Usage: bench/notes-latency.sh [trials] [production|development]   (production mode by default)
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.NotesLatencyBenchmark "$@"
