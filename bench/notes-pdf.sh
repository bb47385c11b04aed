#!/usr/bin/env bash
# Notes PDF benchmark: the PDF export of an episode with 200 noted frames, against the CSV export of the same notes
# and against reading the frames alone (issue 11).
# Usage: bench/notes-pdf.sh [runs]
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.NotesPdfBenchmark "$@"
