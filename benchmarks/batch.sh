#!/usr/bin/env bash
# End-to-end batch scoring: `newstopic predict` against `fasttext predict` on the same N
# AG-News-sized articles (default 1,140,000), model load and output included, peak memory by
# /usr/bin/time, and how soon `predict big.jsonl | head -1` returns.
#
# Usage: benchmarks/batch.sh [--count N] [--runs R] [--work DIR]
# Needs ../shared/corpora/agnews/test.csv (the articles are stitched from it, outside the
# repository) and fastText (apt-get install fasttext); skips cleanly without them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AGNEWS="$(dirname "$ROOT")/shared/corpora/agnews/test.csv"
COUNT=1140000
RUNS=3
WORK=/tmp/newstopic-batch
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "batch.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$AGNEWS" ] || { echo "batch.sh: skipped: $AGNEWS is not there"; exit 0; }
command -v fasttext >/dev/null || { echo "batch.sh: skipped: fastText is missing (apt-get install fasttext)"; exit 0; }
[ -x /usr/bin/time ] || { echo "batch.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$WORK"

JSONL="$WORK/ag-$COUNT.jsonl"
TOKENS="$WORK/ag-$COUNT.tok.txt"
if [ ! -f "$JSONL" ] || [ ! -f "$TOKENS" ]; then
  echo "batch.sh: writing $COUNT articles to $JSONL and, pre-tokenized for fastText, $TOKENS" >&2
  python3 "$ROOT/benchmarks/scripts/make_large_corpus.py" "$AGNEWS" "$WORK/ag-$COUNT.csv" "$COUNT" 7
  python3 - "$WORK/ag-$COUNT.csv" "$JSONL" "$TOKENS" <<'PY'
import csv, json, re, sys
token = re.compile(r"[a-z0-9]+")
with open(sys.argv[1], newline="", encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as j, \
        open(sys.argv[3], "w", encoding="utf-8") as t:
    for i, (cls, title, text) in enumerate(csv.reader(f), 1):
        j.write(json.dumps({"id": f"ag{i}", "title": title, "text": text}, ensure_ascii=False) + "\n")
        t.write(" ".join(token.findall((title + " " + text).lower())) + "\n")
PY
  rm -f "$WORK/ag-$COUNT.csv"
fi

# both tools learn the same bundled corpus; fastText as the issue set it: dim 10, 200k buckets
FT="$WORK/fasttext"
if [ ! -f "$FT.bin" ]; then
  python3 - "$ROOT/data/corpus" "$WORK/ft-train.txt" <<'PY'
import csv, glob, re, sys
token = re.compile(r"[a-z0-9]+")
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in sorted(glob.glob(sys.argv[1] + "/*.csv")):
        for r in csv.DictReader(open(path, encoding="utf-8")):
            labels = [l for l in r["labels"].split(";") if l] or ["none"]
            out.write(" ".join("__label__" + l for l in labels) + " "
                      + " ".join(token.findall((r["title"] + " " + r["text"]).lower())) + "\n")
PY
  fasttext supervised -input "$WORK/ft-train.txt" -output "$FT" -dim 10 -bucket 200000 -wordNgrams 2 \
    -loss ova -epoch 25 -thread 2 -verbose 0
fi
MODEL="$WORK/newstopic.model"
[ -f "$MODEL" ] || "$ROOT/newstopic" train --model "$MODEL" --quiet

DOCS=$(wc -l < "$JSONL")
BYTES=$(stat -c %s "$JSONL")
echo "batch.sh: $DOCS articles, $BYTES bytes of JSON Lines; $(nproc) cores; $(date -u +%F)"
printf '| run | tool | seconds | docs/s | peak RSS MB |\n| --- | --- | --- | --- | --- |\n'
for r in $(seq 1 "$RUNS"); do
  for tool in fasttext newstopic; do
    if [ "$tool" = fasttext ]; then
      stats=$( { /usr/bin/time -f '%e %M' fasttext predict "$FT.bin" "$TOKENS" > /dev/null; } 2>&1 | tail -n 1)
    else
      stats=$( { /usr/bin/time -f '%e %M' "$ROOT/newstopic" predict --model "$MODEL" "$JSONL" > /dev/null; } 2>&1 | tail -n 1)
    fi
    read -r secs kb <<< "$stats"
    printf '| %d | %s | %.1f | %.0f | %.0f |\n' "$r" "$tool" "$secs" "$(echo "$DOCS / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  done
done
start=$(date +%s.%N)
# predict stops with exit code 4 once head has its line and closes the pipe: that is the point
"$ROOT/newstopic" predict --model "$MODEL" "$JSONL" 2>/dev/null | head -n 1 > /dev/null || true
echo "predict | head -1 returned after $(printf '%.2f' "$(echo "$(date +%s.%N) - $start" | bc -l)") s"
