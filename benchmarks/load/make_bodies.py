#!/usr/bin/env python3
"""Writes request bodies for the load test from the project's own corpus (data/corpus/*.csv).

single.jsonl: one short article per line, {"title": ..., "body": ...}
batch.jsonl:  one batch of BATCH articles per line, {"articles": [...]}
"""
import csv
import glob
import json
import os
import random
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: make_bodies.py DATA_CORPUS_DIR OUT_DIR [BATCH]")
    corpus, out = sys.argv[1], sys.argv[2]
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    items = []
    for path in sorted(glob.glob(os.path.join(corpus, "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                text = row["text"]
                # AG-News-size: the briefs (roughly 150-400 bytes with the headline)
                if len((row["title"] + text).encode("utf-8")) <= 400:
                    items.append({"title": row["title"], "body": text})
    if not items:
        sys.exit(corpus + ": no short articles found")
    random.Random(7).shuffle(items)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "single.jsonl"), "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "batch.jsonl"), "w", encoding="utf-8") as f:
        for start in range(0, len(items) - batch + 1, batch):
            f.write(json.dumps({"articles": items[start:start + batch]}, ensure_ascii=False) + "\n")
    sizes = [len((i["title"] + i["body"]).encode("utf-8")) for i in items]
    print(f"{len(items)} short articles, mean {sum(sizes) / len(sizes):.0f} bytes; batches of {batch}: {len(items) // batch}")


if __name__ == "__main__":
    main()
