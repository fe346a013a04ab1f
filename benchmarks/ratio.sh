#!/usr/bin/env bash
# Classification speed as a ratio to a bare word scan of the same texts: ClassifyBenchmark's
# classify and its wordScan peer (tr -cs 'A-Za-z0-9' '\n' over the same texts), on one thread and
# on two, short and long texts, and a table of classify MB/s / word scan MB/s. On a shared machine
# the absolute MB/s move with the load; the ratio much less, the more so as the two are measured
# close together: each round runs one size (classify, then wordScan) at a time, and the table
# gives the median over ROUNDS rounds (default 3) with the lowest and highest ratio.
#
# Usage: [ROUNDS=N] benchmarks/ratio.sh [JMH OPTIONS...]   e.g. -p model=models/newstopic.model
#   (not -p size: the script sets it). Results: reports/jmh/ratio-*.json (JMH_OUT=DIR elsewhere).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${JMH_OUT:-$ROOT/reports/jmh}"
ROUNDS="${ROUNDS:-3}"
# shellcheck source=benchmarks/common.sh
. "$ROOT/benchmarks/common.sh"

mkdir -p "$OUT"
rm -f "$OUT"/ratio-t*.json
cd "$ROOT" # the benchmarks read data/corpus by a relative path
files=()
for t in 1 2; do
  for r in $(seq 1 "$ROUNDS"); do
    for size in short long; do
      f="$OUT/ratio-t$t-$size-r$r.json"
      "$JDK/bin/java" -jar "$JAR" 'ClassifyBenchmark' -p size="$size" -t "$t" -rf json -rff "$f" "$@" \
        >"${f%.json}.txt" || die "JMH failed: see ${f%.json}.txt"
      files+=("$f")
    done
  done
done
"$ROOT/benchmarks/ratio.py" "${files[@]}"
