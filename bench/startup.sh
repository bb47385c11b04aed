#!/usr/bin/env bash
# Start-up benchmark: time until /login answers, and the live heap after start with the demo data.
# Two modes in the same run, so the ratio between them is robust to a noisy machine:
#   first   - empty ./data: Flyway migrations + demo seeding (what a newcomer's first ./mvnw does)
#   restart - the same data directory again (what every later start does)
# Usage: bench/startup.sh [runs]   (default 5; builds the production jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${BENCH_PORT:-18080}

jar=$(ls target/dailies-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q package -DskipTests
  jar=$(ls target/dailies-*.jar | grep -v original | head -n 1)
fi
java_home=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | sort -V | tail -n 1)}
java="$java_home/bin/java"
jcmd="$java_home/bin/jcmd"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# Prints "<ms until /login answered 200> <live heap MiB after a full GC> <ms Spring reports as started>"
measure() {
  local dir=$1
  local start end pid heap
  start=$(now_ms)
  (cd "$dir" && exec "$java" --enable-native-access=ALL-UNNAMED -jar "$OLDPWD/$jar" --server.port="$port" \
      > "$dir/app.log" 2>&1) &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" 2>/dev/null | grep -q 200; do
    sleep 0.05
    kill -0 "$pid" 2>/dev/null || { echo "app died; see $dir/app.log" >&2; cat "$dir/app.log" >&2; exit 1; }
  done
  end=$(now_ms)
  "$jcmd" "$pid" GC.run > /dev/null
  heap=$("$jcmd" "$pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub("K,?", "", v); print int(v / 1024); exit } }')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local spring
  spring=$(sed -n 's/.*Started DailiesApplication in \([0-9.]*\) seconds.*/\1/p' "$dir/app.log" | awk '{ printf "%d", $1 * 1000 }')
  echo "$((end - start)) $heap $spring"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -a first_ms first_heap first_spring restart_ms restart_heap restart_spring
for i in $(seq "$runs"); do
  dir="$work/run$i"; mkdir -p "$dir"
  read -r ms heap spring < <(measure "$dir"); first_ms+=("$ms"); first_heap+=("$heap"); first_spring+=("$spring")
  read -r ms heap spring < <(measure "$dir"); restart_ms+=("$ms"); restart_heap+=("$heap"); restart_spring+=("$spring")
  echo "run $i: first ${first_ms[-1]} ms / ${first_heap[-1]} MiB, restart ${restart_ms[-1]} ms / ${restart_heap[-1]} MiB" >&2
done

fm=$(printf '%s\n' "${first_ms[@]}" | median)
rm_=$(printf '%s\n' "${restart_ms[@]}" | median)
fh=$(printf '%s\n' "${first_heap[@]}" | median)
rh=$(printf '%s\n' "${restart_heap[@]}" | median)
fs=$(printf '%s\n' "${first_spring[@]}" | median)
rs=$(printf '%s\n' "${restart_spring[@]}" | median)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$java" -version 2>&1 | head -n 1), $(date -u +%F)"
echo "| mode | process start to /login 200 (median of $runs) | Spring 'Started in' (median) | live heap after start and a full GC (median) |"
echo "|---|---|---|---|"
echo "| first start (migrate + seed demo) | $fm ms | $fs ms | $fh MiB |"
echo "| restart (data present) | $rm_ ms | $rs ms | $rh MiB |"
echo "ratio first / restart: $(awk -v a="$fm" -v b="$rm_" 'BEGIN { printf "%.2f", a / b }')"
