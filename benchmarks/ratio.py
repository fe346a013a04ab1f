#!/usr/bin/env python3
"""Prints ClassifyBenchmark's classify MB/s as a ratio to its wordScan peer (tr), per size and
thread count, from JMH JSON result files (any number; benchmarks other than ClassifyBenchmark's
are ignored). Usage: ratio.py RESULT.json..."""
import json
import sys

rows = {}  # (threads, size, params) -> {method: MB/s}
for path in sys.argv[1:]:
    with open(path) as f:
        for r in json.load(f):
            bench = r["benchmark"]
            if ".ClassifyBenchmark." not in bench:
                continue
            method = bench.rsplit(".", 1)[1]
            params = dict(r.get("params", {}))
            size = params.pop("size", "?")
            other = ",".join(f"{k}={v}" for k, v in sorted(params.items()) if k != "corpus" and v)
            b = r.get("secondaryMetrics", {}).get("bytes")
            if b:
                rows.setdefault((r["threads"], size, other), {})[method] = b["score"] / 1e6

if not rows:
    sys.exit("ratio.py: no ClassifyBenchmark results in " + " ".join(sys.argv[1:]))
print("| threads | size | classify MB/s | word scan MB/s | ratio |")
print("| ---: | --- | ---: | ---: | ---: |")
for (threads, size, other), m in sorted(rows.items()):
    c, w = m.get("classify"), m.get("wordScan")
    ratio = f"{c / w:.3f}" if c and w else "-"
    label = size + (f" ({other})" if other else "")
    print(f"| {threads} | {label} | {c or 0:.1f} | {w or 0:.1f} | {ratio} |")
print("MB/s are totals over the threads; ratio = classify / word scan in the same run.")
