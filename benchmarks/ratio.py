#!/usr/bin/env python3
"""Prints ClassifyBenchmark's classify MB/s as a ratio to its wordScan peer (tr) from JMH JSON
result files: per thread count and size, the median ratio over the files that hold both (each
file is one round; see ratio.sh), with the lowest and highest. Benchmarks other than
ClassifyBenchmark's are ignored. Usage: ratio.py RESULT.json..."""
import json
import statistics
import sys

rounds = {}  # (threads, size, params) -> [(classify MB/s, word scan MB/s)]
for path in sys.argv[1:]:
    found = {}
    with open(path) as f:
        for r in json.load(f):
            bench = r["benchmark"]
            if ".ClassifyBenchmark." not in bench:
                continue
            params = dict(r.get("params", {}))
            size = params.pop("size", "?")
            other = ",".join(f"{k}={v}" for k, v in sorted(params.items()) if k != "corpus" and v)
            b = r.get("secondaryMetrics", {}).get("bytes")
            if b:
                found.setdefault((r["threads"], size, other), {})[bench.rsplit(".", 1)[1]] = b["score"] / 1e6
    for key, m in found.items():
        if "classify" in m and "wordScan" in m:
            rounds.setdefault(key, []).append((m["classify"], m["wordScan"]))

if not rounds:
    sys.exit("ratio.py: no classify and wordScan pair in " + " ".join(sys.argv[1:]))
print("| threads | size | rounds | classify MB/s | word scan MB/s | ratio (median) | ratio (low-high) |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
for (threads, size, other), pairs in sorted(rounds.items(), key=lambda kv: (kv[0][0], kv[0][1] != "short", kv[0][2])):
    ratios = [c / w for c, w in pairs]
    label = size + (f" ({other})" if other else "")
    print(f"| {threads} | {label} | {len(pairs)} | {statistics.median(c for c, _ in pairs):.1f} | "
          f"{statistics.median(w for _, w in pairs):.1f} | {statistics.median(ratios):.3f} | "
          f"{min(ratios):.3f}-{max(ratios):.3f} |")
print("MB/s are medians of totals over the threads; ratio = classify / word scan in the same round.")
