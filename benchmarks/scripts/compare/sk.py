#!/usr/bin/env python3
"""scikit-learn side of the comparison: tf-idf word 1-2-grams (sublinear tf) with LinearSVC or
LogisticRegression; multi-label: one-vs-rest with class_weight='balanced' (newstopic weighs classes
the same way in multi-label mode), single-label: no class weights.

  sk.py train --pipeline svm|logreg --mode single|multi --labels a,b,c [--seed S] [--jobs N] TRAIN.csv MODEL
  sk.py predict MODEL TEST.csv PRED.tsv

Inputs are newstopic's standard CSV (id,title,text,labels; labels split on ';'); the text is
title + ' ' + text. train prints 'fit: fit_s=...' on stderr; predict prints
'timing: load_s=... read_s=... classify_s=... docs=N bytes=B' (classify = transform + predict, one
thread), then writes 'id<TAB>label;label' lines. Needs scikit-learn (Debian: python3-sklearn).
"""
import csv
import sys
import time

T_START = time.perf_counter()  # before the heavy imports: load_s covers them and the unpickling


def read(path):
    csv.field_size_limit(1 << 30)
    ids, texts, labels, nbytes = [], [], [], 0
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            ids.append(row["id"])
            texts.append(row["title"] + " " + row["text"])
            nbytes += len(row["title"].encode("utf-8")) + len(row["text"].encode("utf-8"))
            raw = row["labels"].strip()
            labels.append([l.strip() for l in raw.split(";")] if raw else [])
    return ids, texts, labels, nbytes


def build(pipeline, mode, seed, jobs):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC
    # multi-label: each one-vs-rest binary problem weighs its rarer side up, as newstopic's default
    # --class-weight balanced does in multi-label mode; single-label keeps the defaults (no weights)
    weight = "balanced" if mode == "multi" else None
    if pipeline == "svm":
        clf = LinearSVC(random_state=seed, class_weight=weight)  # defaults: C=1, squared hinge, liblinear
    elif pipeline == "logreg":
        clf = LogisticRegression(max_iter=1000, random_state=seed, class_weight=weight)  # defaults: C=1, lbfgs
    else:
        raise SystemExit(f"sk.py: unknown --pipeline {pipeline!r} (svm or logreg)")
    if mode == "multi":
        clf = OneVsRestClassifier(clf, n_jobs=jobs if jobs > 1 else None)
    return Pipeline([("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)), ("clf", clf)])


def train(args):
    import argparse
    ap = argparse.ArgumentParser(prog="sk.py train")
    ap.add_argument("--pipeline", required=True)
    ap.add_argument("--mode", choices=["single", "multi"], required=True)
    ap.add_argument("--labels", required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("train")
    ap.add_argument("model")
    a = ap.parse_args(args)
    import joblib
    from sklearn.preprocessing import MultiLabelBinarizer
    _, texts, labels, _ = read(a.train)
    model = build(a.pipeline, a.mode, a.seed, a.jobs)
    t0 = time.perf_counter()
    if a.mode == "single":
        for i, l in enumerate(labels):
            if len(l) != 1:
                raise SystemExit(f"sk.py: {a.train}: row {i + 2}: single-label mode needs exactly one label")
        model.fit(texts, [l[0] for l in labels])
        binarizer = None
    else:
        binarizer = MultiLabelBinarizer(classes=a.labels.split(","))
        model.fit(texts, binarizer.fit_transform(labels))
    fit_s = time.perf_counter() - t0
    joblib.dump({"mode": a.mode, "model": model, "binarizer": binarizer}, a.model)
    print(f"fit: fit_s={fit_s:.6f}", file=sys.stderr)


def predict(args):
    if len(args) != 3:
        raise SystemExit("usage: sk.py predict MODEL TEST.csv PRED.tsv")
    model_path, test, out = args
    import joblib
    saved = joblib.load(model_path)
    t1 = time.perf_counter()
    ids, texts, _, nbytes = read(test)
    t2 = time.perf_counter()
    y = saved["model"].predict(texts)
    t3 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        if saved["mode"] == "single":
            for i, l in zip(ids, y):
                f.write(f"{i}\t{l}\n")
        else:
            for i, l in zip(ids, saved["binarizer"].inverse_transform(y)):
                f.write(f"{i}\t{';'.join(l)}\n")
    print(f"timing: load_s={t1 - T_START:.6f} read_s={t2 - t1:.6f} classify_s={t3 - t2:.6f} "
          f"docs={len(ids)} bytes={nbytes}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("train", "predict"):
        raise SystemExit(__doc__)
    (train if sys.argv[1] == "train" else predict)(sys.argv[2:])
