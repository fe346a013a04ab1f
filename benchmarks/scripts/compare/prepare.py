#!/usr/bin/env python3
"""Reads a labeled corpus and writes seeded, stratified K-fold train/test files for every tool.

Usage: prepare.py CORPUS OUTDIR --folds K --seed S [--limit N] [--throughput-mb MB] [--train-corpus PATH]

Layouts (detected from the first row):
  - AG News: no header, columns class(1-4),title,description, a backslash stands for a line break
    (read exactly as newstopic's --layout agnews does); single-label, classes named
    world/sports/business/scitech.
  - standard: header id,title,text,labels; labels separated by ';', an empty field means no label;
    multi-label.

OUTDIR gets, per fold k (1..K), fold<k>/:
  train.csv, test.csv  newstopic's standard layout (id,title,text,labels), decoded text
  train.ft, test.ft    fastText: '__label__x ... text' / text only, fastText's usual normalization
  one.ft               the first test line alone (fastText's load-only run)
  test.ids, gold.tsv   the test ids in file order, and 'id<TAB>label;label'
throughput/ with the throughput file in every tool's input format (tp.csv, tp.ft, one.ft): the
test texts of fold 1, cycled in order until their title+text reach --throughput-mb MB (10^6 UTF-8
bytes), with fresh ids; and meta.json (layout, mode, labels, sizes, UTF-8 bytes of title+text per
test fold, the throughput file's size).

--train-corpus PATH: instead of folds, one "fold" whose training set is PATH (a CSV in the standard
layout, or a folder whose *.csv files, in name order, are read as one corpus) and whose test set is
the whole of CORPUS (--folds is ignored; --limit applies to CORPUS only). Both must be in the
standard layout (multi-label).
Only the standard library is used. Corpus text goes to OUTDIR only, never elsewhere.
"""
import argparse
import csv
import json
import os
import random
import re
import sys
from collections import defaultdict

AG_NAMES = {"1": "world", "2": "sports", "3": "business", "4": "scitech"}
LABEL_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def fail(msg):
    print(f"prepare.py: {msg}", file=sys.stderr)
    sys.exit(2)


def unescape_backslashes(s):
    """newstopic's LabeledRecords.unescapeBackslashes: \\$ -> $, \\\\ -> \\, any other \\ -> newline."""
    if "\\" not in s:
        return s
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out.append(c)
        elif i + 1 < len(s) and s[i + 1] == "$":
            out.append("$")
            i += 1
        elif i + 1 < len(s) and s[i + 1] == "\\":
            out.append("\\")
            i += 1
        else:
            out.append("\n")
        i += 1
    return "".join(out)


def read_corpus(path, limit):
    """Returns (layout, mode, records, truncated); a record is dict(id, title, text, labels: tuple);
    truncated tells whether --limit left rows out."""
    csv.field_size_limit(1 << 30)
    try:
        f = open(path, encoding="utf-8", newline="")
    except OSError as e:
        fail(f"{path}: cannot read: {e.strerror}")
    records = []
    skipped = 0
    truncated = False
    with f:
        reader = csv.reader(f)
        try:
            first = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as e:
            fail(f"{path}:1: not readable as UTF-8 CSV: {e}")
        if first is None:
            fail(f"{path}: empty file")
        header = [h.strip().lower() for h in first]
        if all(h in header for h in ("id", "title", "text", "labels")):
            layout, mode = "standard", "multi"
            col = {h: header.index(h) for h in ("id", "title", "text", "labels")}
            rows = reader
            ncols = len(first)
        elif len(first) == 3 and first[0].strip() in AG_NAMES:
            layout, mode = "agnews", "single"
            rows = _chain([first], reader)
            ncols = 3
        else:
            fail(f"{path}:1: unknown layout: expected AG News rows (class 1-4,title,description; no header) "
                 f"or a header with id,title,text,labels; found {first[:4]!r}")
        n = 0
        try:
            for row in rows:
                line = reader.line_num
                if limit is not None and n >= limit:
                    truncated = True
                    break
                n += 1
                if len(row) != ncols:
                    fail(f"{path}:{line}: expected {ncols} columns, found {len(row)}")
                if layout == "agnews":
                    cls = row[0].strip()
                    if cls not in AG_NAMES:
                        fail(f"{path}:{line}: field 'class': expected 1-4, found {cls!r}")
                    rid = f"ag{n}"
                    title = unescape_backslashes(row[1].strip())
                    text = unescape_backslashes(row[2].strip())
                    labels = (AG_NAMES[cls],)
                else:
                    rid = row[col["id"]].strip()
                    title = row[col["title"]].strip()
                    text = row[col["text"]].strip()
                    raw = row[col["labels"]]
                    labels = ()
                    if raw.strip():
                        parts = [p.strip() for p in raw.split(";")]
                        for p in parts:
                            if not LABEL_RE.match(p):
                                fail(f"{path}:{line}: field 'labels': bad label {p!r} in {raw!r}")
                        labels = tuple(sorted(set(parts)))
                    if not rid:
                        fail(f"{path}:{line}: field 'id': empty id")
                if not title and not text:
                    skipped += 1
                    continue
                records.append({"id": rid, "title": title, "text": text, "labels": labels})
        except (csv.Error, UnicodeDecodeError) as e:
            fail(f"{path}:{reader.line_num}: malformed CSV: {e}")
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        fail(f"{path}: id {dup!r} occurs more than once")
    if skipped:
        print(f"prepare.py: {path}: skipped {skipped} row(s) with neither title nor text", file=sys.stderr)
    return layout, mode, records, truncated


def _chain(first, rest):
    yield from first
    yield from rest


def stratified_folds(records, k, seed):
    """Fold index per record: shuffle each stratum (label, or label set) and deal it round-robin,
    continuing where the previous stratum stopped so that fold sizes stay within one of each other."""
    strata = defaultdict(list)
    for i, r in enumerate(records):
        strata[";".join(r["labels"])].append(i)
    rng = random.Random(seed)
    fold = [0] * len(records)
    pos = 0
    for key in sorted(strata, key=lambda s: (-len(strata[s]), s)):
        members = strata[key]
        rng.shuffle(members)
        for i in members:
            fold[i] = pos % k
            pos += 1
    return fold


_FT_RULES = [(re.compile(p), r) for p, r in [
    (r"'", " ' "), (r'"', ""), (r"\.", " . "), (r"<br />", " "), (r",", " , "), (r"\(", " ( "),
    (r"\)", " ) "), (r"!", " ! "), (r"\?", " ? "), (r";", " "), (r":", " ")]]


def fasttext_text(title, text):
    """fastText's own recipe (normalize_text in its classification-example.sh): lower-case, spaces
    around punctuation, one line."""
    s = (title + " " + text).lower()
    for pattern, repl in _FT_RULES:
        s = pattern.sub(repl, s)
    return " ".join(s.split())


def utf8_bytes(r):
    return len(r["title"].encode("utf-8")) + len(r["text"].encode("utf-8"))


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "title", "text", "labels"])
        for r in rows:
            w.writerow([r["id"], r["title"], r["text"], ";".join(r["labels"])])


def read_train_corpus(path):
    """The training corpus of --train-corpus: one standard-layout CSV, or a folder of them (its *.csv
    files in name order, read as one corpus). Returns (files, records)."""
    if os.path.isdir(path):
        files = sorted(os.path.join(path, n) for n in os.listdir(path)
                       if n.endswith(".csv") and os.path.isfile(os.path.join(path, n)))
        if not files:
            fail(f"{path}: --train-corpus is a folder without *.csv files")
    elif os.path.isfile(path):
        files = [path]
    else:
        fail(f"{path}: --train-corpus: no such file or folder")
    records, seen = [], {}
    for p in files:
        layout, _, recs, _ = read_corpus(p, None)
        if layout != "standard":
            fail(f"{p}: --train-corpus needs the standard layout (header id,title,text,labels), found {layout}")
        for r in recs:
            if r["id"] in seen:
                fail(f"{p}: id {r['id']!r} also occurs in {seen[r['id']]}: ids must be unique across the training corpus")
            seen[r["id"]] = p
        records += recs
    return files, records


def text_key(r):
    return " ".join((r["title"] + " " + r["text"]).lower().split())


def write_throughput(d, source, mb):
    """The throughput file: SOURCE records cycled in order until title+text reach MB * 10^6 bytes."""
    os.makedirs(d, exist_ok=True)
    target = mb * 1e6
    docs = nbytes = 0
    with open(os.path.join(d, "tp.csv"), "w", encoding="utf-8", newline="") as fc, \
            open(os.path.join(d, "tp.ft"), "w", encoding="utf-8") as ff:
        w = csv.writer(fc, lineterminator="\n")
        w.writerow(["id", "title", "text", "labels"])
        ft = [fasttext_text(r["title"], r["text"]) for r in source]
        while nbytes < target:
            for r, line in zip(source, ft):
                docs += 1
                w.writerow([f"tp{docs}", r["title"], r["text"], ""])
                ff.write(line + "\n")
                nbytes += utf8_bytes(r)
                if nbytes >= target:
                    break
    with open(os.path.join(d, "one.ft"), "w", encoding="utf-8") as f:
        f.write(fasttext_text(source[0]["title"], source[0]["text"]) + "\n")
    return {"docs": docs, "bytes": nbytes, "distinct_docs": len(source), "target_mb": mb}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("outdir")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--throughput-mb", type=float, default=20.0)
    ap.add_argument("--train-corpus")
    a = ap.parse_args()
    if not a.throughput_mb > 0:
        fail("--throughput-mb needs a positive number")
    layout, mode, records, truncated = read_corpus(a.corpus, a.limit)
    labels = sorted({l for r in records for l in r["labels"]})
    meta = {"corpus": os.path.abspath(a.corpus), "layout": layout, "mode": mode, "protocol": "cv",
            "docs": len(records), "seed": a.seed, "limit": a.limit if truncated else None,
            "label_counts": {l: sum(l in r["labels"] for r in records) for l in labels},
            "no_label": sum(not r["labels"] for r in records), "fold_info": []}
    if a.train_corpus:
        if layout != "standard":
            fail(f"{a.corpus}: --train-corpus needs an evaluated corpus in the standard layout "
                 f"(header id,title,text,labels; multi-label), found the {layout} layout")
        if not records:
            fail(f"{a.corpus}: no usable rows")
        files, train_records = read_train_corpus(a.train_corpus)
        train_labels = sorted({l for r in train_records for l in r["labels"]})
        unknown = sorted(set(labels) - set(train_labels))
        if unknown:
            fail(f"{a.corpus}: label(s) {', '.join(unknown)} never occur in the training corpus {a.train_corpus}")
        labels = train_labels  # what the models can predict; scored over all of them
        train_keys = {text_key(r) for r in train_records}
        meta.update({"protocol": "train-corpus", "train_corpus": os.path.abspath(a.train_corpus),
                     "train_files": len(files), "train_docs": len(train_records), "folds": 1,
                     "train_label_counts": {l: sum(l in r["labels"] for r in train_records) for l in labels},
                     "train_no_label": sum(not r["labels"] for r in train_records),
                     "overlap": sum(text_key(r) in train_keys for r in records)})
        splits = [(train_records, records)]
    else:
        if a.folds < 2:
            fail("--folds needs 2 or more")
        if len(records) < a.folds:
            fail(f"{a.corpus}: {len(records)} usable rows, fewer than {a.folds} folds")
        fold = stratified_folds(records, a.folds, a.seed)
        meta["folds"] = a.folds
        splits = [([r for r, f in zip(records, fold) if f != k], [r for r, f in zip(records, fold) if f == k])
                  for k in range(a.folds)]
    if not labels:
        fail(f"{a.corpus}: no labels at all")
    meta["labels"] = labels
    meta["label_counts"] = {l: meta["label_counts"].get(l, 0) for l in labels}
    for k, (train, test) in enumerate(splits):
        d = os.path.join(a.outdir, f"fold{k + 1}")
        os.makedirs(d, exist_ok=True)
        write_csv(os.path.join(d, "train.csv"), train)
        write_csv(os.path.join(d, "test.csv"), test)
        with open(os.path.join(d, "train.ft"), "w", encoding="utf-8") as f:
            for r in train:
                # fastText skips lines without a label, so an empty label set trains as __label__none
                # (multi-label only); predictions drop that pseudo-label again
                tags = r["labels"] or ("none",)
                f.write(" ".join("__label__" + l for l in tags) + " " + fasttext_text(r["title"], r["text"]) + "\n")
        with open(os.path.join(d, "test.ft"), "w", encoding="utf-8") as f:
            for r in test:
                f.write(fasttext_text(r["title"], r["text"]) + "\n")
        with open(os.path.join(d, "one.ft"), "w", encoding="utf-8") as f:
            f.write(fasttext_text(test[0]["title"], test[0]["text"]) + "\n")
        with open(os.path.join(d, "test.ids"), "w", encoding="utf-8") as f:
            for r in test:
                f.write(r["id"] + "\n")
        with open(os.path.join(d, "gold.tsv"), "w", encoding="utf-8") as f:
            for r in test:
                f.write(r["id"] + "\t" + ";".join(r["labels"]) + "\n")
        meta["fold_info"].append({"fold": k + 1, "train_docs": len(train), "test_docs": len(test),
                                  "test_bytes": sum(utf8_bytes(r) for r in test),
                                  "train_bytes": sum(utf8_bytes(r) for r in train)})
    meta["throughput"] = write_throughput(os.path.join(a.outdir, "throughput"), splits[0][1], a.throughput_mb)
    with open(os.path.join(a.outdir, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1)
    how = (f"trained on {a.train_corpus} ({len(splits[0][0])} articles), tested on all of CORPUS"
           if a.train_corpus else f"{a.folds} stratified folds (seed {a.seed})")
    tp = meta["throughput"]
    print(f"{a.corpus}: {layout} layout, {mode}-label, {len(records)} articles, labels {', '.join(labels)}; {how}; "
          f"throughput file {tp['bytes'] / 1e6:.1f} MB, {tp['docs']} articles")


if __name__ == "__main__":
    main()
