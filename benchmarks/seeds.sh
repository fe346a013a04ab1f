#!/usr/bin/env bash
# The default model's accuracy on the real labeled sets, over several training seeds: one seed's
# figure moves with its folds (the F1-best threshold sits on a flat curve), so compare means and
# ranges, not single runs. Trains `newstopic train --seed S [TRAIN OPTIONS]` for each seed, then
# scores ../shared/corpora/agnews-topics/dev.csv with `eval` and NYT-CAP's clean.csv with
# scripts/nyt_eval.py (its per-label protocol). A set that is absent is skipped.
#
# Usage: [SEEDS="42 1 2 3"] [SHARED=DIR] benchmarks/seeds.sh [TRAIN OPTIONS...]
#   e.g. benchmarks/seeds.sh --sentence-rule 0    Prints one line per seed and the means.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
SEEDS="${SEEDS:-42 1 2 3}"
DEV="$SHARED/corpora/agnews-topics/dev.csv"
NYT="$SHARED/corpora/nyt-cap/clean.csv"
die() { printf 'seeds.sh: %s\n' "$*" >&2; exit 2; }

[ -f "$DEV" ] || [ -f "$NYT" ] || { echo "seeds.sh: neither $DEV nor $NYT is here; nothing to measure" >&2; exit 0; }
[ ! -f "$NYT" ] || command -v python3 >/dev/null || die "python3 is needed for NYT-CAP's evaluation"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-6s %20s %20s\n' seed dev.csv NYT-CAP
dev_all=() nyt_all=()
for seed in $SEEDS; do
  "$ROOT/newstopic" train --quiet --seed "$seed" --model "$work/m.model" "$@" || die "training with seed $seed failed"
  dev=- nyt=-
  if [ -f "$DEV" ]; then
    # the micro average line of eval's table: label, precision, recall, F1, support
    dev=$("$ROOT/newstopic" eval --model "$work/m.model" "$DEV" | awk '$1 == "micro" { print $5 }')
    [ -n "$dev" ] || die "no micro-F1 in eval's output (seed $seed)"
    dev_all+=("$dev")
  fi
  if [ -f "$NYT" ]; then
    "$ROOT/newstopic" predict --model "$work/m.model" "$NYT" > "$work/nyt.jsonl" || die "predict on $NYT failed"
    nyt=$(python3 "$ROOT/benchmarks/scripts/nyt_eval.py" "$work/nyt.jsonl" "$NYT" | awk '$1 == "micro" { print $3 }')
    [ -n "$nyt" ] || die "no micro-F1 in nyt_eval.py's output (seed $seed)"
    nyt_all+=("$nyt")
  fi
  printf '%-6s %20s %20s\n' "$seed" "$dev" "$nyt"
done
summary() { # mean (min-max) of the arguments, or - when there are none
  [ $# -gt 0 ] || { echo -; return; }
  printf '%s\n' "$@" | awk '{ s += $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1 }
    END { printf "%.3f (%s-%s)", s / NR, lo, hi }'
}
printf '%-6s %20s %20s\n' mean "$(summary "${dev_all[@]+"${dev_all[@]}"}")" "$(summary "${nyt_all[@]+"${nyt_all[@]}"}")"
