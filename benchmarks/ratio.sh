#!/usr/bin/env bash
# Classification speed as a ratio to a bare word scan of the same texts, measured in the same run:
# ClassifyBenchmark (classify and its wordScan peer, tr -cs 'A-Za-z0-9' '\n') on one thread, then
# on two, and a table of classify MB/s / wordScan MB/s per text size. On a shared machine the
# absolute MB/s move with the load; the ratio moves much less.
#
# Usage: benchmarks/ratio.sh [JMH OPTIONS...]   e.g. -p model=models/newstopic.model -f 2
#   Results: reports/jmh/ratio-t1.json and ratio-t2.json (JMH_OUT=DIR writes elsewhere).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${JMH_OUT:-$ROOT/reports/jmh}"
# shellcheck source=benchmarks/common.sh
. "$ROOT/benchmarks/common.sh"

mkdir -p "$OUT"
cd "$ROOT" # the benchmarks read data/corpus by a relative path
for t in 1 2; do
  "$JDK/bin/java" -jar "$JAR" 'ClassifyBenchmark' -t "$t" -rf json -rff "$OUT/ratio-t$t.json" "$@" >"$OUT/ratio-t$t.txt"
done
"$ROOT/benchmarks/ratio.py" "$OUT/ratio-t1.json" "$OUT/ratio-t2.json"
