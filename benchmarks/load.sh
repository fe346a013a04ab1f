#!/usr/bin/env bash
# Load test of `newstopic serve` with wrk on loopback: one short article per request, batches of
# 100, a 60 s soak with resident memory sampled, and model reloads under load.
# Usage: benchmarks/load.sh [--model FILE] [--port N] [--duration S] [--soak S] [--connections N]
# Writes reports/load/results.md (and prints it). Needs wrk (Debian: apt-get install wrk) and curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODEL="$ROOT/models/newstopic.model"
PORT=18080
DURATION=30
SOAK=60
CONNECTIONS=32
while [ $# -gt 0 ]; do
  case "$1" in
    --model) MODEL="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --soak) SOAK="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "load.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is needed (Debian: apt-get install $tool)" >&2; exit 2; }
done

OUT="$ROOT/reports/load"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$OUT"

if [ ! -f "$MODEL" ]; then
  echo "load.sh: no model at $MODEL; training one on the bundled corpus" >&2
  "$ROOT/newstopic" train -q --model "$MODEL"
fi
python3 "$ROOT/benchmarks/load/make_bodies.py" "$ROOT/data/corpus" "$WORK" 100 >&2

URL="http://127.0.0.1:$PORT"
"$ROOT/newstopic" serve --model "$MODEL" --port "$PORT" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$URL/v2/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "load.sh: the server did not start" >&2; exit 1; }
  sleep 0.5
done
# the launcher execs java, so SERVER_PID is the JVM
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }

run_wrk() { # name connections seconds bodies
  wrk -t1 -c"$2" -d"$3"s --latency -s "$ROOT/benchmarks/load/post.lua" "$URL/v1/classify" -- "$4" > "$WORK/$1.txt"
  grep '^requests=' "$WORK/$1.txt"
}
field() { sed -n "s/.*$2=\([^ ]*\).*/\1/p" <<<"$1"; }

echo "warming up (20 s)..." >&2
run_wrk warmup "$CONNECTIONS" 20 "$WORK/single.jsonl" >/dev/null
echo "single articles (${DURATION} s)..." >&2
SINGLE=$(run_wrk single "$CONNECTIONS" "$DURATION" "$WORK/single.jsonl")
echo "batches of 100 (${DURATION} s)..." >&2
BATCH=$(run_wrk batch 4 "$DURATION" "$WORK/batch.jsonl")

echo "soak (${SOAK} s) with resident memory sampled every 5 s..." >&2
RSS_SERIES="$(rss_mb)"
run_wrk soak "$CONNECTIONS" "$SOAK" "$WORK/single.jsonl" > "$WORK/soak.line" &
WRK_PID=$!
for _ in $(seq 5 5 "$SOAK"); do sleep 5; RSS_SERIES="$RSS_SERIES $(rss_mb)"; done
wait "$WRK_PID"
SOAKED=$(cat "$WORK/soak.line")

echo "reloads under load (20 s, one reload a second)..." >&2
run_wrk reload "$CONNECTIONS" 20 "$WORK/single.jsonl" > "$WORK/reload.line" &
WRK_PID=$!
RELOADS_OK=0
RELOADS_FAILED=0
for _ in $(seq 1 18); do
  sleep 1
  if curl -fs -X POST -H "Content-Type: application/json" "$URL/admin/reload" >/dev/null; then RELOADS_OK=$((RELOADS_OK + 1)); else RELOADS_FAILED=$((RELOADS_FAILED + 1)); fi
done
wait "$WRK_PID"
RELOADED=$(cat "$WORK/reload.line")

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
{
  echo "# Load test of newstopic serve"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($CPU), wrk with 1 thread on the same machine, loopback."
  echo "Command: \`benchmarks/load.sh --duration $DURATION --soak $SOAK --connections $CONNECTIONS\`; model $(basename "$MODEL")."
  echo
  echo "| run | requests/s | articles/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for row in "one short article per request ($CONNECTIONS connections)|$SINGLE|1" "batch of 100 articles (4 connections)|$BATCH|100" \
             "soak, ${SOAK} s|$SOAKED|1" "$RELOADS_OK reloads under load ($RELOADS_FAILED failed)|$RELOADED|1"; do
    IFS='|' read -r name line per <<<"$row"
    rps=$(field "$line" rps)
    echo "| $name | $rps | $((rps * per)) | $(field "$line" p50_ms) | $(field "$line" p90_ms) | $(field "$line" p99_ms) | $(field "$line" non2xx) | $(field "$line" socket_errors) |"
  done
  echo
  echo "Resident memory of the server during the soak, every 5 s (MB): $RSS_SERIES"
} | tee "$OUT/results.md"
