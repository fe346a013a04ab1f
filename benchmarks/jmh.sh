#!/usr/bin/env bash
# Runs the whole JMH suite: every benchmark on one thread, then the throughput benchmarks
# (featurize, scoring, classify) again on two threads.
#
# Usage: benchmarks/jmh.sh [JMH OPTIONS...]
#   JMH OPTIONS go to both runs, e.g. -p corpus=PATH (never a benchmark name: that would widen the
#   second run). Results: reports/jmh/t1.json and t2.json (JMH's JSON) with the printed tables in
#   t1.txt and t2.txt; JMH_OUT=DIR writes elsewhere. reports/ is ignored by git.
# The full suite takes about 25 minutes on 2 cores; most of it is TrainBenchmark at 100,000 articles.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${JMH_OUT:-$ROOT/reports/jmh}"
# shellcheck source=benchmarks/common.sh
. "$ROOT/benchmarks/common.sh"

mkdir -p "$OUT"
cd "$ROOT" # the benchmarks read data/corpus by a relative path
"$JDK/bin/java" -jar "$JAR" -t 1 -rf json -rff "$OUT/t1.json" "$@" | tee "$OUT/t1.txt"
"$JDK/bin/java" -jar "$JAR" 'FeaturizeBenchmark|ScoringBenchmark|ClassifyBenchmark' -t 2 \
  -rf json -rff "$OUT/t2.json" "$@" | tee "$OUT/t2.txt"
"$ROOT/benchmarks/ratio.py" "$OUT/t1.json" "$OUT/t2.json" || true # classify / word scan
echo "jmh.sh: results in $OUT (t1 = one thread, t2 = two threads; per-thread = score / 2)" >&2
