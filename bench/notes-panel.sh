#!/usr/bin/env bash
# Notes panel benchmark: the server time to open a shot page whose take has 500 notes (50 with drawings), against the
# same page of a shot without notes, in Debian's Chromium (issue 11).
# Usage: bench/notes-panel.sh [opens-per-shot] [production|development]   (production mode by default)
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.NotesPanelBenchmark "$@"
