#!/usr/bin/env bash
# Held-out halves of the bundled corpus, for choices that cross-validation on it cannot settle:
# for each seed, trains on a random half of every data/corpus CSV file, then scores the other
# half's long articles (600+ characters, title and text) and the raw pages of data/pages and
# data/raw, which no half contains. Two models per seed: the defaults, and the defaults with the
# `train` options given. Prints micro precision, recall and F1 per set.
#
# Usage: [SEEDS="1 2 3 4"] benchmarks/halves.sh [TRAIN OPTIONS...]
#   e.g. benchmarks/halves.sh --long-learner none      About 2 minutes per seed on 2 cores.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SEEDS="${SEEDS:-1 2 3 4}"
die() { printf 'halves.sh: %s\n' "$*" >&2; exit 2; }
command -v python3 >/dev/null || die "python3 is needed to split the corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

micro() { # precision recall F1 of eval's micro average line
  "$ROOT/newstopic" eval --model "$1" "${@:2}" 2> >(grep -v ': note: ' >&2) | awk '$1 == "micro" { print $3, $4, $5 }'
}

printf '%-5s %-28s %-22s %-22s %-22s\n' seed model "other half, long (P R F)" "data/pages (P R F)" "data/raw (P R F)"
for seed in $SEEDS; do
  python3 - "$seed" "$ROOT/data/corpus" "$work" <<'PY'
import csv, glob, random, sys
seed, corpus, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(seed)
fields = ["id", "title", "text", "labels"]
with open(f"{work}/train.csv", "w", encoding="utf-8", newline="") as t, \
        open(f"{work}/long.csv", "w", encoding="utf-8", newline="") as l:
    train, held = csv.writer(t), csv.writer(l)
    train.writerow(fields)
    held.writerow(fields)
    for path in sorted(glob.glob(f"{corpus}/*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        random.shuffle(rows)
        for i, row in enumerate(rows):
            if i % 2 == 0:
                train.writerow([row[k] for k in fields])
            elif len(row["title"]) + len(row["text"]) >= 600:
                held.writerow([row[k] for k in fields])
PY
  for variant in defaults options; do
    if [ "$variant" = defaults ]; then opts=(); name=defaults; else opts=("$@"); name="${*:-defaults}"; fi
    "$ROOT/newstopic" train --quiet --seed "$seed" --model "$work/m.model" "$work/train.csv" "${opts[@]+"${opts[@]}"}" \
      || die "training with seed $seed ($name) failed"
    printf '%-5s %-28s %-22s %-22s %-22s\n' "$seed" "$name" "$(micro "$work/m.model" "$work/long.csv")" \
      "$(micro "$work/m.model" "$ROOT/data/pages")" "$(micro "$work/m.model" "$ROOT/data/raw")"
  done
done
