#!/usr/bin/env bash
# Short interleavable throughput run of one checkout's server, for A/B comparisons on a busy machine.
# Usage: benchmarks/scripts/ab_servers.sh NAME CHECKOUT PORT MODEL BODIES_DIR
#   BODIES_DIR holds single.jsonl and batch.jsonl (benchmarks/load/make_bodies.py data/corpus DIR 100).
# Warms up 10 s, then two 10 s runs of one article per request (32 connections) and one of batches
# of 100 (4 connections); prints wrk's summary lines. Run two checkouts alternately and compare ratios.
set -u
NAME=$1; ROOT=$2; PORT=$3; MODEL=$4; BODIES=$5
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/newstopic" serve --model "$MODEL" --port "$PORT" 2>"$BODIES/$NAME.log" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$PORT/v2/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
L="$HERE/load/post.lua"
wrk -t1 -c32 -d10s -s "$L" "http://127.0.0.1:$PORT/v1/classify" -- "$BODIES/single.jsonl" >/dev/null
for _ in 1 2; do echo "$NAME single $(wrk -t1 -c32 -d10s --latency -s "$L" "http://127.0.0.1:$PORT/v1/classify" -- "$BODIES/single.jsonl" | grep requests=)"; done
echo "$NAME batch $(wrk -t1 -c4 -d10s --latency -s "$L" "http://127.0.0.1:$PORT/v1/classify" -- "$BODIES/batch.jsonl" | grep requests=)"
