#!/usr/bin/env python3
"""Builds a large AG-News-sized training set for timing `newstopic train`.

Each generated article keeps a real class and is stitched from the title words and sentences of
random articles of that class, so lengths and vocabulary match AG News while no two rows repeat.
The output is written outside the repository (the source corpus may only be read by path).

Usage: make_large_corpus.py AGNEWS_CSV OUTPUT_CSV [COUNT] [SEED]
"""
import csv
import random
import re
import sys


def main(source, output, count=100_000, seed=7):
    rng = random.Random(seed)
    by_class = {}
    with open(source, newline="", encoding="utf-8") as f:
        for cls, title, text in csv.reader(f):
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
            by_class.setdefault(cls, []).append((title.split(), sentences))
    classes = sorted(by_class)
    with open(output, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        for i in range(count):
            cls = classes[i % len(classes)]
            a, b = rng.choice(by_class[cls]), rng.choice(by_class[cls])
            cut = rng.randint(1, max(1, len(a[0]) - 1))
            title = " ".join(a[0][:cut] + b[0][cut:])
            text = " ".join(rng.sample(a[1] + b[1], k=min(len(a[1] + b[1]), rng.randint(1, 3))))
            w.writerow([cls, title, text])


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], *(int(x) for x in sys.argv[3:5]))
