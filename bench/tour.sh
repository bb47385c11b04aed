#!/usr/bin/env bash
# Screenshots of a running Dailies as each demo role sees it (Debian's Chromium): target/tour/<role>-<page>.png.
# Usage: bench/tour.sh [base-url]   (default http://localhost:8080; start the app with ./mvnw first)
exec "$(dirname "$0")/run-main.sh" studio.dailies.bench.ScreenTour "$@"
