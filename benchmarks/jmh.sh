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
JAR="$ROOT/benchmarks/target/benchmarks.jar"
OUT="${JMH_OUT:-$ROOT/reports/jmh}"
REQUIRED=25

die() { printf 'jmh.sh: %s\n' "$*" >&2; exit 2; }

# The Java feature version of a JDK folder, read from its release file (no JVM start).
jdk_version() {
  local release="$1/release" v
  [ -x "$1/bin/java" ] && [ -f "$release" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  [ -n "$v" ] && printf '%s\n' "$v"
}

find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    if v=$(jdk_version "$candidate") && [ "$v" -ge "$REQUIRED" ]; then printf '%s\n' "$candidate"; return 0; fi
  done
  return 1
}

JDK=$(find_jdk) || die "no JDK $REQUIRED or newer found (looked at JAVA_HOME and the usual JDK folders)"

# the jar is rebuilt when any main source or build file is newer (as the newstopic launcher does)
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/core" "$ROOT/train" "$ROOT/serve" "$ROOT/benchmarks/pom.xml" \
        "$ROOT/benchmarks/src" \( -path '*/target' -o -path '*/src/test' \) -prune -o \( -type f -newer "$JAR" -print \) \
        2>/dev/null | head -n 1)" ]; then
  echo "jmh.sh: building benchmarks/target/benchmarks.jar..." >&2
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests -pl benchmarks -am package >&2) || die "the build failed"
  touch "$JAR"
fi

mkdir -p "$OUT"
cd "$ROOT" # the benchmarks read data/corpus by a relative path
"$JDK/bin/java" -jar "$JAR" -t 1 -rf json -rff "$OUT/t1.json" "$@" | tee "$OUT/t1.txt"
"$JDK/bin/java" -jar "$JAR" 'FeaturizeBenchmark|ScoringBenchmark|ClassifyBenchmark' -t 2 \
  -rf json -rff "$OUT/t2.json" "$@" | tee "$OUT/t2.txt"
echo "jmh.sh: results in $OUT (t1 = one thread, t2 = two threads; per-thread = score / 2)" >&2
