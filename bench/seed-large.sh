#!/usr/bin/env bash
# Seeds the large production of issue 12 (100 episodes x 100 shots x 30 takes, 1 000 000 notes, 20 users,
# 10 000 queued jobs, all takes sharing one tiny clip) into an H2 file database under FOLDER (default
# target/large-seed; keep it out of the repository). Then: bench/scale.sh FOLDER
# Usage: bench/seed-large.sh [folder]
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.LargeSeed "$@"
