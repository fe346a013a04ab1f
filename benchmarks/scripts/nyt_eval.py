#!/usr/bin/env python3
"""Per-label evaluation on the NYT-CAP clean set, as its SOURCE.md asks.

For label L, positives are the rows labeled L and negatives are the rows with no label only
(a row labeled with another topic is not a reliable negative for L: the source is single-label).

Usage: nyt_eval.py PREDICTIONS.jsonl CLEAN.csv
PREDICTIONS.jsonl is `newstopic predict` output for CLEAN.csv.
"""
import csv
import json
import sys


def main(pred_path, gold_path):
    gold = {r["id"]: set(filter(None, r["labels"].split(";"))) for r in csv.DictReader(open(gold_path, encoding="utf-8"))}
    pred = {}
    for line in open(pred_path, encoding="utf-8"):
        p = json.loads(line)
        pred[p["id"]] = set(p["labels"])
    labels = ["conflict", "migration", "diplomacy"]
    f1s = []
    tp_all = fp_all = fn_all = 0
    print(f"{'label':<12}{'precision':>10}{'recall':>10}{'F1':>8}{'pos':>7}{'neg':>8}")
    for label in labels:
        tp = fp = fn = pos = neg = 0
        for i, g in gold.items():
            if label in g:
                pos += 1
                tp += label in pred[i]
                fn += label not in pred[i]
            elif not g:
                neg += 1
                fp += label in pred[i]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        print(f"{label:<12}{p:>10.3f}{r:>10.3f}{f1:>8.3f}{pos:>7}{neg:>8}")
    micro = 2 * tp_all / (2 * tp_all + fp_all + fn_all)
    print(f"{'micro F1':<12}{micro:>28.3f}")
    print(f"{'macro F1':<12}{sum(f1s) / len(f1s):>28.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
