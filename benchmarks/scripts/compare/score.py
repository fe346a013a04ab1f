#!/usr/bin/env python3
"""Scores and reports a compare.sh run: one scorer for every tool's predictions on every test fold.

Usage: score.py RUN_INFO OUTDIR CORPUS_WORKDIR...

RUN_INFO holds 'key<TAB>value' lines written by compare.sh (command, versions, settings).
Each CORPUS_WORKDIR (one table) holds data/meta.json, data/fold<k>/gold.tsv and runs/<tool>/ with an
'info' file ('key<TAB>value') and per-fold measurements: status, train.wall_ns, train.time (GNU time
-v), train.err, predict.wall_ns/.time/.err (the test fold, classified once), pred.raw or pred.tsv.
fold1/ also holds the throughput runs on the throughput file: tp.status, tp<i>.wall_ns/.time/.err,
tp<i>.lines (output lines, one per article) and for fastText tpone<i>.wall_ns (a one-line file).

Writes OUTDIR/results.json, OUTDIR/results.md and OUTDIR/chart.svg, and prints the Markdown.
Metrics: single-label accuracy; multi-label micro-F1 and macro-F1 over the corpus's labels (a
label's F1 is 0 when it has no gold and no predicted positives in a fold, as in scikit-learn).
Mean ± sample standard deviation over folds; speed is the fastest throughput run. Only the standard
library is used.
"""
import glob
import html
import json
import math
import os
import platform
import re
import statistics
import sys
from datetime import datetime, timezone

TIMING_RE = re.compile(r"^timing: (.*)$", re.M)
RSS_RE = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


def read_kv(path):
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if "\t" in line:
                    k, v = line.split("\t", 1)
                    out[k] = v
    return out


def read_text(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def wall_s(path):
    t = read_text(path)
    return int(t.strip()) / 1e9 if t and t.strip() else None


def rss_mb(path):
    t = read_text(path)
    m = RSS_RE.search(t) if t else None
    return int(m.group(1)) / 1024 if m else None


def timing_fields(path):
    t = read_text(path)
    m = TIMING_RE.findall(t) if t else []
    if not m:
        return None
    out = {}
    for part in m[-1].split():
        k, _, v = part.partition("=")
        out[k] = float(v)
    return out


def read_gold(path):
    gold = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            i, _, labels = line.rstrip("\n").partition("\t")
            gold[i] = frozenset(l for l in labels.split(";") if l)
            order.append(i)
    return gold, order


def read_predictions(fmt, rundir, order, labels):
    """Predicted label sets by id, in each tool's output format."""
    if fmt == "newstopic-jsonl":
        preds = {}
        with open(os.path.join(rundir, "pred.raw"), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    o = json.loads(line)
                    preds[o["id"]] = frozenset(o["labels"])
        return preds
    if fmt == "fasttext":
        with open(os.path.join(rundir, "pred.raw"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) != len(order):
            raise ValueError(f"{len(lines)} prediction lines for {len(order)} test articles")
        # __label__none is the pseudo-label of an empty label set: it is dropped here
        return {i: frozenset(t[len("__label__"):] for t in line.split()
                             if t.startswith("__label__") and t[len("__label__"):] in labels)
                for i, line in zip(order, lines)}
    if fmt == "tsv":
        preds = {}
        with open(os.path.join(rundir, "pred.tsv"), encoding="utf-8") as f:
            for line in f:
                i, _, ls = line.rstrip("\n").partition("\t")
                preds[i] = frozenset(l for l in ls.split(";") if l)
        return preds
    raise ValueError(f"unknown prediction format {fmt!r}")


def score(mode, labels, gold, preds):
    missing = [i for i in gold if i not in preds]
    if missing:
        raise ValueError(f"no prediction for {len(missing)} test article(s), e.g. {missing[0]!r}")
    if mode == "single":
        correct = sum(1 for i, g in gold.items() if preds[i] == g)
        return {"accuracy": correct / len(gold)}
    tp = {l: 0 for l in labels}
    fp = dict(tp)
    fn = dict(tp)
    for i, g in gold.items():
        p = preds[i]
        for l in labels:
            if l in p and l in g:
                tp[l] += 1
            elif l in p:
                fp[l] += 1
            elif l in g:
                fn[l] += 1

    def f1(t, f_p, f_n):
        return 2 * t / (2 * t + f_p + f_n) if t + f_p + f_n else 0.0

    per = {l: f1(tp[l], fp[l], fn[l]) for l in labels}
    return {"micro_f1": f1(sum(tp.values()), sum(fp.values()), sum(fn.values())),
            "macro_f1": sum(per.values()) / len(labels),
            **{f"f1_{l}": v for l, v in per.items()}}


def mean_std(values):
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    return {"mean": statistics.fmean(vals), "std": statistics.stdev(vals) if len(vals) > 1 else 0.0, "n": len(vals)}


def fold_result(tool, info, rundir, golddir, meta, fi):
    """Quality, training time and memory of one fold (or of the single train-corpus run)."""
    gold, order = read_gold(os.path.join(golddir, "gold.tsv"))
    status = read_text(os.path.join(rundir, "status"))
    r = {"fold": fi["fold"], "test_docs": fi["test_docs"], "test_bytes": fi["test_bytes"]}
    if not status or status.strip() != "ok":
        r["error"] = status.strip() if status else "not run"
        return r
    preds = read_predictions(info["pred_format"], rundir, order, set(meta["labels"]))
    r.update(score(meta["mode"], meta["labels"], gold, preds))
    r["train_s"] = wall_s(os.path.join(rundir, "train.wall_ns"))
    r["train_rss_mb"] = rss_mb(os.path.join(rundir, "train.time"))
    fit = read_text(os.path.join(rundir, "train.err")) or ""
    m = re.search(r"fit: fit_s=([\d.]+)", fit)
    if m:
        r["fit_s"] = float(m.group(1))
    r["predict_wall_s"] = wall_s(os.path.join(rundir, "predict.wall_ns"))
    r["predict_rss_mb"] = rss_mb(os.path.join(rundir, "predict.time"))
    t = timing_fields(os.path.join(rundir, "predict.err"))
    if t and int(t["docs"]) != fi["test_docs"]:
        raise ValueError(f"{tool} classified {int(t['docs'])} articles, the test set has {fi['test_docs']}")
    size = read_text(os.path.join(rundir, "model.size"))
    if size and size.strip().isdigit():
        r["model_mb"] = int(size) / 1e6
    return r


def throughput_result(tool, info, rundir, tp):
    """Speed on the throughput file with the fold-1 model: the fastest of the repeated runs.
    Returns (result, error or None)."""
    status = read_text(os.path.join(rundir, "tp.status"))
    if not status:  # not run: when fold 1 failed, that error already says why
        fold_ok = (read_text(os.path.join(rundir, "status")) or "").strip() == "ok"
        return None, "not run" if fold_ok else None
    if status.strip() != "ok":
        return None, status.strip()
    walls, classify, ones, rss = [], [], [], []
    for i in range(1, 1000):
        w = wall_s(os.path.join(rundir, f"tp{i}.wall_ns"))
        if w is None:
            break
        lines = read_text(os.path.join(rundir, f"tp{i}.lines"))
        if not lines or int(lines.strip()) != tp["docs"]:
            raise ValueError(f"throughput run {i}: {lines.strip() if lines else 'no'} output lines "
                             f"for {tp['docs']} articles")
        walls.append(w)
        t = timing_fields(os.path.join(rundir, f"tp{i}.err"))
        if t:
            if int(t["docs"]) != tp["docs"]:
                raise ValueError(f"throughput run {i}: {tool} classified {int(t['docs'])} articles, "
                                 f"the file has {tp['docs']}")
            classify.append(t["classify_s"])
        rss.append(rss_mb(os.path.join(rundir, f"tp{i}.time")))
        o = wall_s(os.path.join(rundir, f"tpone{i}.wall_ns"))
        if o is not None:
            ones.append(o)
    if not walls:
        raise ValueError("no throughput run was recorded")
    docs, mb = tp["docs"], tp["bytes"] / 1e6
    r = {"docs": docs, "mb": mb, "runs": len(walls), "wall_s": min(walls), "walls_s": walls,
         "docs_s_incl": docs / min(walls), "mb_s_incl": mb / min(walls)}
    if info.get("load_excluded") == "timing" and classify:
        r["classify_s"] = min(classify)
        r["classify_runs_s"] = classify
    elif info.get("load_excluded") == "subtract" and ones:
        r["one_line_wall_s"] = min(ones)
        diff = min(walls) - min(ones)
        r["classify_s"] = diff if diff > 0 else None
    if r.get("classify_s"):
        r["docs_s_excl"] = docs / r["classify_s"]
        r["mb_s_excl"] = mb / r["classify_s"]
    rss = [x for x in rss if x is not None]
    r["rss_mb"] = max(rss) if rss else None
    return r, None


FOLD_KEYS = ["accuracy", "micro_f1", "macro_f1", "train_s", "fit_s", "train_rss_mb", "predict_rss_mb", "model_mb"]
THROUGHPUT_KEYS = ["docs_s_excl", "mb_s_excl", "docs_s_incl", "mb_s_incl"]


def corpus_results(workdir):
    meta = json.load(open(os.path.join(workdir, "data", "meta.json"), encoding="utf-8"))
    tools = []
    for rundir in sorted(glob.glob(os.path.join(workdir, "runs", "*", "info")), key=lambda p: read_kv(p).get("order", "")):
        tooldir = os.path.dirname(rundir)
        info = read_kv(rundir)
        folds = []
        for fi in meta["fold_info"]:
            fdir = os.path.join(tooldir, f"fold{fi['fold']}")
            if not os.path.isdir(fdir):
                continue
            try:
                folds.append(fold_result(info["tool"], info, fdir, os.path.join(workdir, "data", f"fold{fi['fold']}"), meta, fi))
            except (OSError, ValueError, KeyError) as e:
                folds.append({"fold": fi["fold"], "error": f"scoring failed: {e}"})
        ok = [f for f in folds if "error" not in f]
        errors = [(f"fold {f['fold']}: " if meta["protocol"] == "cv" else "") + f["error"] for f in folds if "error" in f]
        summary = {k: mean_std([f.get(k) for f in ok]) for k in FOLD_KEYS}
        try:
            tput, tp_error = throughput_result(info["tool"], info, os.path.join(tooldir, "fold1"), meta["throughput"])
        except (OSError, ValueError, KeyError) as e:
            tput, tp_error = None, f"scoring failed: {e}"
        if tp_error:
            errors.append(f"throughput: {tp_error}")
        for k in THROUGHPUT_KEYS:  # one measurement (the fastest run), kept in the summary's shape
            summary[k] = mean_std([tput.get(k)]) if tput else None
        status = "failed" if not ok else "ok" if len(ok) == len(folds) and tput else "partly failed"
        tools.append({"tool": info["tool"], "name": info.get("name", info["tool"]), "short": info.get("short", info["tool"]),
                      "setting": info.get("setting", ""), "load_excluded": info.get("load_excluded"), "status": status,
                      "errors": errors, "folds": folds, "throughput": tput,
                      "summary": {k: v for k, v in summary.items() if v}})
    out = {"corpus": meta["corpus"], "name": display_name(meta["corpus"]), "protocol": meta["protocol"],
           "layout": meta["layout"], "mode": meta["mode"], "labels": meta["labels"], "docs": meta["docs"],
           "label_counts": meta["label_counts"], "no_label": meta["no_label"], "folds": meta["folds"],
           "seed": meta["seed"], "limit": meta["limit"], "fold_sizes": [f["test_docs"] for f in meta["fold_info"]],
           "test_bytes_per_doc": sum(f["test_bytes"] for f in meta["fold_info"]) / max(1, meta["docs"]),
           "throughput_file": meta["throughput"], "tools": tools}
    if meta["protocol"] == "train-corpus":
        out.update({"train_corpus": meta["train_corpus"], "train_name": display_name(meta["train_corpus"]),
                    "train_files": meta["train_files"], "train_docs": meta["train_docs"],
                    "train_label_counts": meta["train_label_counts"], "train_no_label": meta["train_no_label"],
                    "overlap": meta["overlap"]})
    return out

def display_name(path):
    parts = os.path.normpath(path).split(os.sep)
    return "/".join(parts[-2:])


def machine():
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return {"nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "cpu": model, "ram_gib": round(ram, 1) if ram else None, "os": platform.platform()}


# ---------------------------------------------------------------------------------------------- Markdown


def fmt_q(s):
    if not s:
        return "n/a"
    return f"{s['mean']:.3f}" if s.get("n", 0) < 2 else f"{s['mean']:.3f} ± {s['std']:.3f}"


def fmt_n(s, digits=0):
    if not s:
        return "n/a"
    v = s["mean"]
    return f"{v:,.{digits}f}"


def fmt_auto(s):
    if not s:
        return "n/a"
    v = s["mean"]
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}" if v >= 10 else f"{v:.2f}"


def table_title(c):
    if c["protocol"] == "train-corpus":
        return f"{c['name']}: trained on {c['train_name']}, tested on {os.path.basename(c['corpus'])}"
    return f"{c['name']}: {c['folds']}-fold cross-validation"


def label_counts(counts, no_label, single):
    text = ", ".join(f"{l} {n:,}" for l, n in counts.items())
    return text if single else text + f", none {no_label:,}"


def markdown(run, corpora):
    m = run["machine"]
    info = run["info"]
    lines = ["# newstopic, fastText and scikit-learn side by side", "",
             f"- Date: {run['date']}",
             f"- Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB RAM, {m['os']}; "
             f"load average at start {info.get('loadavg_start', '?')}, at end {info.get('loadavg_end', '?')}",
             f"- Command: `{info.get('command', '?')}`",
             f"- Versions: {info.get('newstopic_version', 'newstopic n/a')} "
             f"({info.get('newstopic_revision', '?')}) on {info.get('java_version', 'n/a')}; "
             f"fastText {info.get('fasttext_version', 'n/a')}; {info.get('sklearn_version', 'scikit-learn n/a')}",
             f"- Training threads: {info.get('train_threads', '?')} for every tool. Classification: one thread, "
             f"{info.get('pin', 'not pinned')}; BLAS/OpenMP limited to 1 thread.",
             f"- Speed: every tool's fold-1 model classifies each table's throughput file of about "
             f"{info.get('throughput_mb', '?')} MB (below); the fastest of {info.get('repeat', '?')} run(s) counts. "
             f"Quality comes from the test folds (or the one test set).",
             ]
    skipped = [v for k, v in sorted(info.items()) if k.startswith("skipped_")]
    for s in skipped:
        lines.append(f"- Skipped: {s}")
    lines.append("")
    for c in corpora:
        single = c["mode"] == "single"
        kind = "AG News layout, single-label" if c["layout"] == "agnews" else "multi-label"
        limit = f" (first {c['limit']:,} rows)" if c["limit"] else ""
        counts = label_counts(c["label_counts"], c["no_label"], single)
        lines += [f"## {table_title(c)}", ""]
        if c["protocol"] == "train-corpus":
            overlap = (f"{c['overlap']:,} test article(s) also occur in the training corpus (same title and text, "
                       f"ignoring case and spacing)." if c["overlap"] else
                       "No test article occurs in the training corpus (same title and text, ignoring case and spacing).")
            lines += [f"Every tool is trained once on {c['train_name']} ({c['train_docs']:,} articles from "
                      f"{c['train_files']} CSV file(s); {label_counts(c['train_label_counts'], c['train_no_label'], False)}) "
                      f"and tested on all {c['docs']:,} articles{limit} of {c['name']} ({kind}; {counts}; "
                      f"{c['test_bytes_per_doc']:.0f} bytes of title+text on average). No folds: one run, so quality has "
                      f"no spread. {overlap}", ""]
        else:
            lines += [f"{c['docs']:,} articles{limit}, {kind} ({counts}); "
                      f"{c['folds']}-fold cross-validation, stratified by {'label' if single else 'label set'}, seed {c['seed']}; "
                      f"test folds of {min(c['fold_sizes']):,}-{max(c['fold_sizes']):,} articles, "
                      f"{c['test_bytes_per_doc']:.0f} bytes of title+text on average.", ""]
        tp = c["throughput_file"]
        source = ("all the test articles" if c["protocol"] == "train-corpus"
                  else "the test articles of fold 1")
        lines += [f"Speed: a throughput file of {tp['bytes'] / 1e6:.1f} MB, {tp['docs']:,} articles "
                  f"({tp['bytes'] / max(1, tp['docs']):.0f} bytes of title+text on average): {source} "
                  f"({tp['distinct_docs']:,} distinct), repeated in order, in each tool's input format, classified by "
                  f"each tool's {'only' if c['protocol'] == 'train-corpus' else 'fold-1'} model.", ""]
        qual = ["accuracy"] if single else ["micro-F1", "macro-F1"]
        head = ["tool / setting", *qual, "train s", "docs/s excl. load", "MB/s excl. load", "docs/s incl. load",
                "MB/s incl. load", "peak RSS train MB", "peak RSS predict MB"]
        lines.append("| " + " | ".join(head) + " |")
        lines.append("| " + " | ".join(["---"] + ["---:"] * (len(head) - 1)) + " |")
        for t in c["tools"]:
            s = t["summary"]
            if t["status"] == "failed":
                lines.append("| " + " | ".join([t["name"], "failed"] + [""] * (len(head) - 2)) + " |")
                continue
            q = [fmt_q(s.get("accuracy"))] if single else [fmt_q(s.get("micro_f1")), fmt_q(s.get("macro_f1"))]
            name = t["name"] + (" (some runs failed)" if t["status"] != "ok" else "")
            lines.append("| " + " | ".join([name, *q, fmt_auto(s.get("train_s")), fmt_n(s.get("docs_s_excl")),
                                             fmt_auto(s.get("mb_s_excl")), fmt_n(s.get("docs_s_incl")),
                                             fmt_auto(s.get("mb_s_incl")),
                                             fmt_n(s.get("train_rss_mb")), fmt_n(s.get("predict_rss_mb"))]) + " |")
        lines.append("")
        notes = []
        if not single:
            notes.append("Multi-label: both scikit-learn pipelines use `class_weight='balanced'` in each one-vs-rest "
                         "label, as newstopic weighs each label's rarer side by default in multi-label mode; fastText "
                         "has no class weights. Single-label tables use no class weights for any tool.")
        if c["protocol"] == "train-corpus" and any(t["tool"] == "newstopic" for t in c["tools"]):
            notes.append(f"newstopic trains as `newstopic train {c['train_name']} --model FILE` does, with its "
                         f"defaults (the labels it finds in the training corpus); the harness adds only `--seed`, "
                         f"`--threads` and `--quiet`. The other tools read the same articles (the folder's CSV files "
                         f"in name order, as one file).")
        if notes:
            lines += ["Notes:"] + [f"- {n}" for n in notes] + [""]
        lines.append("Settings:")
        for t in c["tools"]:
            lines.append(f"- {t['name']}: {t['setting']}")
            for e in t["errors"]:
                lines.append(f"  - error: {e}")
        lines.append("")
    lines += ["## How to read the columns", "",
              "- Quality: mean ± sample standard deviation over the test folds; every tool is trained and tested on "
              "the same folds (same texts: title + text). Macro-F1 averages the per-label F1 of the labels the models "
              "were trained on. In a table trained on another corpus there is one test set and no spread.",
              "- train s: wall time of the training process per fold (start-up, reading, fitting, writing the model), "
              "mean over folds. newstopic's training includes its own internal cross-validation for calibration and "
              "thresholds.",
              "- Speed columns: each tool's fold-1 model on the table's throughput file (its size is given above the "
              "table), one thread, fastest of the repeated runs. Test folds of a few hundred or thousand articles "
              "would mostly time start-up and, for the JVM, JIT warm-up. MB are 10^6 UTF-8 bytes of title + text, "
              "the same count for every tool.",
              "- docs/s and MB/s excl. load: classification only. newstopic: the classify loop "
              "(`predict --timing`); scikit-learn: `transform` + `predict` in the predicting process; fastText: wall "
              "time of `fasttext predict` on the throughput file minus that on a one-line file with the same model "
              "(so it still includes reading the input and writing the output).",
              "- docs/s and MB/s incl. load: the whole prediction process on the throughput file (start-up, loading "
              "the model, reading, classifying, writing).",
              "- peak RSS: maximum resident set size from GNU `time -v`, mean over folds, of the training process and "
              "of the process that classifies the test fold (not the throughput file, whose size would dominate).",
              "- fastText reads text normalized by its usual recipe (lower case, spaces around punctuation); the "
              "harness does that when it writes the files, outside the timings.", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- SVG

COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]


def esc(s):
    return html.escape(str(s), quote=True)


def panel(x0, y0, width, title, rows, series, log=False, vmax=None, fmt=lambda v: f"{v:.3f}"):
    """A horizontal grouped bar chart. rows: [(label, [value or None per series], [err or None])]."""
    out = []
    label_w, pad_right = 130, 60
    bar_h, gap = 11, 9
    plot_w = width - label_w - pad_right
    out.append(f'<text x="{x0}" y="{y0 + 12}" class="t">{esc(title)}</text>')
    ly = y0 + 26
    for si, s in enumerate(series):
        out.append(f'<rect x="{x0 + si * 120}" y="{ly - 8}" width="9" height="9" fill="{COLORS[si % len(COLORS)]}"/>'
                   f'<text x="{x0 + si * 120 + 13}" y="{ly}" class="s">{esc(s)}</text>')
    top = ly + 10
    vals = [v for _, vs, _ in rows for v in vs if v is not None and (v > 0 or not log)]
    if not vals:
        out.append(f'<text x="{x0}" y="{top + 14}" class="s">no data</text>')
        return out, top + 24
    if log:
        lo = 10 ** math.floor(math.log10(min(vals)))
        hi = 10 ** math.ceil(math.log10(max(vals)))
        if hi <= lo:
            hi = lo * 10

        def pos(v):
            return (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * plot_w
        ticks = [10 ** e for e in range(int(round(math.log10(lo))), int(round(math.log10(hi))) + 1)]
    else:
        hi = vmax or max(vals) * 1.1

        def pos(v):
            return v / hi * plot_w
        ticks = [hi * i / 4 for i in range(5)]
    group_h = len(series) * bar_h + gap
    bottom = top + len(rows) * group_h
    for tv in ticks:
        tx = x0 + label_w + pos(tv)
        out.append(f'<line x1="{tx:.1f}" y1="{top}" x2="{tx:.1f}" y2="{bottom}" class="g"/>')
        label = (f"{tv:,.0f}" if tv >= 1 else f"{tv:g}") if log else (f"{tv:,.0f}" if hi > 10 else f"{tv:.2f}")
        out.append(f'<text x="{tx:.1f}" y="{bottom + 12}" class="s" text-anchor="middle">{label}</text>')
    for ri, (label, vs, errs) in enumerate(rows):
        gy = top + ri * group_h
        out.append(f'<text x="{x0 + label_w - 6}" y="{gy + group_h / 2 + 1}" class="s" text-anchor="end">{esc(label)}</text>')
        for si, v in enumerate(vs):
            by = gy + si * bar_h
            if v is None or (log and v <= 0):
                out.append(f'<text x="{x0 + label_w + 3}" y="{by + bar_h - 2}" class="s">n/a</text>')
                continue
            w = max(pos(v), 1)
            out.append(f'<rect x="{x0 + label_w}" y="{by}" width="{w:.1f}" height="{bar_h - 2}" '
                       f'fill="{COLORS[si % len(COLORS)]}"><title>{esc(label)} {esc(series[si])}: {esc(fmt(v))}</title></rect>')
            e = errs[si] if errs else None
            end = w
            if e and not log:
                x1, x2 = x0 + label_w + pos(max(v - e, 0)), x0 + label_w + pos(min(v + e, hi))
                yc = by + (bar_h - 2) / 2
                out.append(f'<line x1="{x1:.1f}" y1="{yc:.1f}" x2="{x2:.1f}" y2="{yc:.1f}" class="e"/>')
                end = pos(min(v + e, hi))
            out.append(f'<text x="{x0 + label_w + end + 3:.1f}" y="{by + bar_h - 2}" class="s">{esc(fmt(v))}</text>')
    return out, bottom + 20


def svg(corpora):
    width, panel_w = 1200, 400
    parts = []
    y = 10
    for c in corpora:
        parts.append(f'<text x="10" y="{y + 16}" class="h">{esc(table_title(c))} ({c["docs"]:,} '
                     f'{"test " if c["protocol"] == "train-corpus" else ""}articles, '
                     f'{"single" if c["mode"] == "single" else "multi"}-label)</text>')
        y += 28
        tools = [t for t in c["tools"] if t["summary"]]

        def get(t, k):
            s = t["summary"].get(k)
            return s["mean"] if s else None

        def err(t, k):
            s = t["summary"].get(k)
            return s["std"] if s else None
        qk = ["accuracy"] if c["mode"] == "single" else ["micro_f1", "macro_f1"]
        qn = ["accuracy"] if c["mode"] == "single" else ["micro-F1", "macro-F1"]
        qt = "quality (one test set)" if c["protocol"] == "train-corpus" else "quality (mean ± std over folds)"
        p1, h1 = panel(10, y, panel_w, qt,
                       [(t["short"], [get(t, k) for k in qk], [err(t, k) for k in qk]) for t in tools], qn, vmax=1.0)
        p2, h2 = panel(10 + panel_w, y, panel_w,
                       "throughput, MB/s, one thread (log scale)",
                       [(t["short"], [get(t, "mb_s_excl"), get(t, "mb_s_incl")], None) for t in tools],
                       ["excl. model load", "incl. load"], log=True,
                       fmt=lambda v: f"{v:.2f}" if v < 10 else f"{v:.1f}")
        p3, h3 = panel(10 + 2 * panel_w, y, panel_w,
                       "training time, s (log scale)" if c["protocol"] == "train-corpus"
                       else "training time per fold, s (log scale)",
                       [(t["short"], [get(t, "train_s")], None) for t in tools], ["train s"], log=True,
                       fmt=lambda v: f"{v:.2f}" if v < 10 else f"{v:.1f}")
        parts += p1 + p2 + p3
        y = max(h1, h2, h3) + 16
    style = ("<style>text{font-family:sans-serif;fill:#222}.h{font-size:15px;font-weight:bold}.t{font-size:13px;"
             "font-weight:bold}.s{font-size:11px}.g{stroke:#ddd;stroke-width:1}.e{stroke:#000;stroke-width:1.2}</style>")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" viewBox="0 0 {width} {y}">\n'
            f'{style}\n<rect width="100%" height="100%" fill="#fff"/>\n' + "\n".join(parts) + "\n</svg>\n")


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    info_path, outdir, workdirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    info = read_kv(info_path)
    run = {"date": datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M %Z"), "machine": machine(),
           "info": info}
    corpora = [corpus_results(w) for w in workdirs]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "results.json"), "w", encoding="utf-8") as f:
        json.dump({**run, "corpora": corpora}, f, indent=1)
    md = markdown(run, corpora)
    with open(os.path.join(outdir, "results.md"), "w", encoding="utf-8") as f:
        f.write(md)
    with open(os.path.join(outdir, "chart.svg"), "w", encoding="utf-8") as f:
        f.write(svg(corpora))
    print(md)
    failed = any(t["status"] != "ok" for c in corpora for t in c["tools"])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
