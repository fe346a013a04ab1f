#!/usr/bin/env bash
# Side-by-side comparison of newstopic, fastText and scikit-learn on the same cross-validation folds,
# or trained on one corpus and tested on another (--train-corpus).
#
# Usage: benchmarks/compare.sh [--folds K] [--limit N] [--out DIR] [options] [CORPUS...]
#
# With no CORPUS it runs ../shared/corpora/agnews/test.csv (AG News, single-label) and
# ../shared/corpora/agnews-topics/dev.csv (multi-label) in cross-validation, those that are present,
# and dev.csv and NYT-CAP trained on data/corpus. See --help and benchmarks/README.md ("Comparison with
# fastText and scikit-learn").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$ROOT/benchmarks/scripts/compare"
SHARED="$(dirname "$ROOT")/shared/corpora"
COMMAND="$(printf '%q ' "$0" "$@")"
COMMAND="${COMMAND% }"

usage() {
  cat <<EOF
Usage: benchmarks/compare.sh [OPTIONS] [CORPUS...]

Runs newstopic, fastText and scikit-learn on the same seeded, stratified cross-validation folds of
each CORPUS (or, with --train-corpus, trains once and tests on the whole CORPUS), measures their
classification throughput on a large file, and writes OUT/results.md, OUT/results.json and
OUT/chart.svg.

CORPUS is an AG News file (class,title,description; no header; single-label) or a CSV with the
header id,title,text,labels (labels separated by ';', possibly empty; multi-label).
Default: $SHARED/agnews/test.csv and
         $SHARED/agnews-topics/dev.csv (those present) in cross-validation, plus dev.csv trained on
         $ROOT/data/corpus (an extra table).

Options:
  --folds K           cross-validation folds (default 5)
  --train-corpus PATH train every tool once on PATH and test it on the whole of each CORPUS (no folds;
                      --folds is ignored). PATH is a CSV in the standard layout (id,title,text,labels,
                      ';' between labels) or a folder whose *.csv files are read as one corpus, such as
                      data/corpus. CORPUS must be in the standard layout too. With no CORPUS: the shared dev.csv
  --throughput-mb MB  size of the throughput file (default 20): the test texts of fold 1, cycled until
                      they reach MB x 10^6 bytes of title+text; every tool's fold-1 model classifies it
  --limit N           use only the first N rows of each CORPUS (quick runs; not of --train-corpus)
  --out DIR           output folder (default: reports/compare in the repository, which git ignores)
  --seed S            seed for the folds and every learner (default 42)
  --tools LIST        comma-separated subset of: newstopic,fasttext,fasttext-paper,sklearn-svm,sklearn-logreg
                      (default: all)
  --train-threads T   threads for training, every tool (default 1)
  --repeat R          runs on the throughput file per tool; the fastest counts (default 3)
  --cpu N|none        pin every prediction process to CPU N with taskset (default 0; none: no pinning)
  --keep-work         keep the fold files and raw outputs in OUT/work.XXXXXX (they hold corpus text:
                      do not commit them); by default they live in a temporary folder that is removed
  -h, --help          this help

Nothing is installed: a missing tool is reported with how to get it, and skipped.
EOF
}

die() { printf 'compare.sh: %s\n' "$*" >&2; exit 2; }
note() { printf 'compare.sh: %s\n' "$*" >&2; }

FOLDS=5 LIMIT="" OUT="$ROOT/reports/compare" SEED=42 TOOLS="all" TRAIN_THREADS=1 REPEAT=3 CPU=0 KEEP=0
TP_MB=20 TRAIN_CORPUS=""
CORPORA=()
while (($#)); do
  opt="$1" val=""
  case "$opt" in
    --*=*) val="${opt#*=}"; opt="${opt%%=*}"; shift ;;
    --folds|--limit|--out|--seed|--tools|--train-threads|--repeat|--cpu|--throughput-mb|--train-corpus)
      (($# >= 2)) || die "$opt needs a value (see --help)"
      val="$2"; shift 2 ;;
    *) shift ;;
  esac
  case "$opt" in
    --folds) FOLDS="$val" ;;
    --limit) LIMIT="$val" ;;
    --out) OUT="$val" ;;
    --seed) SEED="$val" ;;
    --tools) TOOLS="$val" ;;
    --train-threads) TRAIN_THREADS="$val" ;;
    --repeat) REPEAT="$val" ;;
    --cpu) CPU="$val" ;;
    --throughput-mb) TP_MB="$val" ;;
    --train-corpus) TRAIN_CORPUS="$val" ;;
    --keep-work) KEEP=1 ;;
    -h|--help) usage; exit 0 ;;
    --) CORPORA+=("$@"); break ;;
    -*) die "unknown option '$opt' (see --help)" ;;
    *) CORPORA+=("$opt") ;;
  esac
done

is_int() { [[ "$1" =~ ^[0-9]+$ ]]; }
is_int "$FOLDS" && ((FOLDS >= 2)) || die "--folds needs a whole number of 2 or more, got '$FOLDS'"
[ -z "$LIMIT" ] || { is_int "$LIMIT" && ((LIMIT >= 1)); } || die "--limit needs a positive whole number, got '$LIMIT'"
is_int "$SEED" || die "--seed needs a whole number, got '$SEED'"
is_int "$TRAIN_THREADS" && ((TRAIN_THREADS >= 1)) || die "--train-threads needs 1 or more, got '$TRAIN_THREADS'"
is_int "$REPEAT" && ((REPEAT >= 1)) || die "--repeat needs 1 or more, got '$REPEAT'"
[ "$CPU" = none ] || is_int "$CPU" || die "--cpu needs a CPU number or 'none', got '$CPU'"
[[ "$TP_MB" =~ ^[0-9]*\.?[0-9]+$ ]] && awk -v v="$TP_MB" 'BEGIN { exit !(v > 0) }' \
  || die "--throughput-mb needs a positive number of MB, got '$TP_MB'"
if [ -n "$TRAIN_CORPUS" ]; then
  [ -e "$TRAIN_CORPUS" ] || die "--train-corpus $TRAIN_CORPUS: no such file or folder"
  if [ -d "$TRAIN_CORPUS" ]; then
    compgen -G "$TRAIN_CORPUS/*.csv" >/dev/null || die "--train-corpus $TRAIN_CORPUS: a folder without *.csv files"
  else
    [ -r "$TRAIN_CORPUS" ] || die "--train-corpus $TRAIN_CORPUS: not readable"
  fi
fi

ALL_TOOLS=(newstopic fasttext fasttext-paper sklearn-svm sklearn-logreg)
if [ "$TOOLS" = all ]; then
  WANTED=("${ALL_TOOLS[@]}")
else
  IFS=, read -r -a WANTED <<<"$TOOLS"
  for t in "${WANTED[@]}"; do
    [[ " ${ALL_TOOLS[*]} " == *" $t "* ]] || die "unknown tool '$t' in --tools (known: ${ALL_TOOLS[*]})"
  done
fi
wanted() { [[ " ${WANTED[*]} " == *" $1 "* ]]; }

# ------------------------------------------------------------------------------------------ corpora
# A table is an evaluated corpus with its protocol: TAB_TRAIN empty means cross-validation, otherwise
# the training corpus.
TAB_CORPUS=() TAB_TRAIN=()
if ((${#CORPORA[@]} == 0)); then
  if [ -n "$TRAIN_CORPUS" ]; then
    defaults=("$SHARED/agnews-topics/dev.csv")
  else
    defaults=("$SHARED/agnews/test.csv" "$SHARED/agnews-topics/dev.csv")
  fi
  for c in "${defaults[@]}"; do
    if [ -f "$c" ]; then
      TAB_CORPUS+=("$c") TAB_TRAIN+=("$TRAIN_CORPUS")
    else
      note "default corpus $c not found; skipping it"
    fi
  done
  # the default run also tests every real labeled set present with every tool trained on the
  # project's own corpus
  if [ -z "$TRAIN_CORPUS" ]; then
    for real in "$SHARED/agnews-topics/dev.csv" "$SHARED/nyt-cap/clean.csv"; do
      [ -f "$real" ] || continue
      if [ -d "$ROOT/data/corpus" ]; then
        TAB_CORPUS+=("$real") TAB_TRAIN+=("$ROOT/data/corpus")
      else
        note "$ROOT/data/corpus not found: no table trained on it"
      fi
    done
  fi
  if ((${#TAB_CORPUS[@]} == 0)); then
    note "no corpus given and none of the shared corpora is present under $SHARED: nothing to compare."
    exit 0
  fi
else
  for c in "${CORPORA[@]}"; do TAB_CORPUS+=("$c") TAB_TRAIN+=("$TRAIN_CORPUS"); done
fi
for c in "${TAB_CORPUS[@]}"; do
  [ -f "$c" ] || die "$c: no such file"
  [ -r "$c" ] || die "$c: not readable"
done

# ------------------------------------------------------------------------------------------ tools
# Python for the harness scripts (standard library only) and a Python that can import scikit-learn.
PY=""
SKPY=""
for p in /usr/bin/python3 python3; do
  command -v "$p" >/dev/null 2>&1 || continue
  [ -n "$PY" ] || PY="$(command -v "$p")"
  if [ -z "$SKPY" ] && "$p" -c 'import sklearn, joblib' >/dev/null 2>&1; then SKPY="$(command -v "$p")"; fi
done
[ -n "$PY" ] || die "no python3 found: the harness needs Python 3 (e.g. 'apt-get install python3')"

GNU_TIME=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  GNU_TIME=/usr/bin/time
else
  note "GNU time not found at /usr/bin/time (Debian: 'apt-get install time'): peak memory will be n/a"
fi

PIN=()
PIN_TEXT="not pinned"
if [ "$CPU" != none ]; then
  if command -v taskset >/dev/null 2>&1 && taskset -c "$CPU" true 2>/dev/null; then
    PIN=(taskset -c "$CPU")
    PIN_TEXT="pinned to CPU $CPU (taskset)"
  else
    note "cannot pin to CPU $CPU (taskset missing or CPU not available; Debian: util-linux): not pinning"
  fi
fi

INFO_LINES=()
info() { INFO_LINES+=("$1"$'\t'"$2"); }
declare -A SKIP=()
skip_tool() { # TOOL REASON
  SKIP[$1]=1
  note "skipping $1: $2"
  info "skipped_$1" "$1: $2"
}

# Single-thread environment for every classification, and the training thread count for training.
THREAD_VARS=(OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS BLIS_NUM_THREADS NUMEXPR_NUM_THREADS VECLIB_MAXIMUM_THREADS)
PRED_ENV=() TRAIN_ENV=()
for v in "${THREAD_VARS[@]}"; do PRED_ENV+=("$v=1"); TRAIN_ENV+=("$v=$TRAIN_THREADS"); done

WORK=""
cleanup() { if [ "$KEEP" = 0 ] && [ -n "$WORK" ] && [ -d "$WORK" ]; then rm -rf -- "$WORK"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT" || die "$OUT: cannot create the output folder"
OUT="$(cd "$OUT" && pwd)"
if [ "$KEEP" = 1 ]; then
  WORK="$(mktemp -d "$OUT/work.XXXXXX")"
  note "keeping fold files and raw outputs in $WORK (they contain corpus text: do not commit them)"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/newstopic-compare.XXXXXX")"
fi

# newstopic: build through the launcher (it rebuilds when sources changed), then run a snapshot of
# the built jars, so that a rebuild during the run (someone editing sources) cannot change the code
# or the timings half-way.
JAVA="" NS_CP=""
if wanted newstopic; then
  if props="$(NEWSTOPIC_JAVA_OPTS="-XshowSettings:properties -version" "$ROOT/newstopic" 2>&1)"; then
    java_home="$(sed -n 's/^ *java.home = //p' <<<"$props" | head -n 1)"
    JAVA="$java_home/bin/java"
    jar="$(ls "$ROOT"/cli/target/newstopic-cli-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc\|-tests' | head -n 1 || true)"
    if [ -x "$JAVA" ] && [ -n "$jar" ] && [ -d "$ROOT/cli/target/lib" ]; then
      mkdir -p "$WORK/newstopic-jars"
      cp "$jar" "$ROOT"/cli/target/lib/*.jar "$WORK/newstopic-jars/"
      NS_CP="$WORK/newstopic-jars/*"
      info newstopic_version "$("$JAVA" -cp "$NS_CP" newstopic.cli.Main --version 2>/dev/null | head -n 1 || echo '?')"
      info java_version "$("$JAVA" -version 2>&1 | head -n 1)"
      rev="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no git')"
      if [ -n "$(git -C "$ROOT" status --porcelain -- core/src/main train/src/main pom.xml core/pom.xml train/pom.xml 2>/dev/null)" ]; then
        rev="$rev with uncommitted changes"
      fi
      info newstopic_revision "$rev"
    else
      skip_tool newstopic "the launcher ran but the built jars or java were not found under $ROOT/cli/target"
    fi
  else
    skip_tool newstopic "'$ROOT/newstopic' failed (it needs a JDK 25 and Maven: see README.md): $(sed 's/\x1b\[[0-9;]*m//g' <<<"$props" | tail -n 1)"
  fi
fi
if wanted fasttext || wanted fasttext-paper; then
  if command -v fasttext >/dev/null 2>&1; then
    info fasttext_version "$(dpkg-query -W -f='${Version}' fasttext 2>/dev/null || echo 'unknown (fasttext has no version command)')"
  else
    for t in fasttext fasttext-paper; do
      wanted "$t" && skip_tool "$t" "the fasttext command is not on PATH; install it with 'apt-get install fasttext' (Debian/Ubuntu) or build it from https://github.com/facebookresearch/fastText"
    done
  fi
fi
if wanted sklearn-svm || wanted sklearn-logreg; then
  if [ -n "$SKPY" ]; then
    note "scikit-learn: using $SKPY"
    info sklearn_version "$("$SKPY" -c 'import sklearn, numpy, scipy, platform; print(f"scikit-learn {sklearn.__version__} (numpy {numpy.__version__}, scipy {scipy.__version__}, Python {platform.python_version()})")')"
  else
    for t in sklearn-svm sklearn-logreg; do
      wanted "$t" && skip_tool "$t" "no Python with scikit-learn and joblib found (tried /usr/bin/python3, then python3 on PATH); install it with 'apt-get install python3-sklearn' (Debian/Ubuntu), or 'pip install scikit-learn' into one of those"
    done
  fi
fi
RUN_TOOLS=()
for t in "${WANTED[@]}"; do [ -n "${SKIP[$t]:-}" ] || RUN_TOOLS+=("$t"); done
((${#RUN_TOOLS[@]} > 0)) || die "none of the tools can run (see above)"

info command "$COMMAND"
info train_threads "$TRAIN_THREADS"
info repeat "$REPEAT"
info throughput_mb "$TP_MB"
info pin "$PIN_TEXT"
info loadavg_start "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# ------------------------------------------------------------------------------------------ measuring
# measure TAG STDOUT CMD...: runs CMD (stdout to STDOUT, stderr to TAG.err); writes TAG.wall_ns and,
# with GNU time, TAG.time (its -v report, for the peak RSS). Returns CMD's exit status.
measure() {
  local tag="$1" out="$2" t0 t1 rc=0
  shift 2
  t0="$(date +%s%N)"
  if [ -n "$GNU_TIME" ]; then
    "$GNU_TIME" -v -o "$tag.time" "$@" >"$out" 2>"$tag.err" || rc=$?
  else
    "$@" >"$out" 2>"$tag.err" || rc=$?
  fi
  t1="$(date +%s%N)"
  echo "$((t1 - t0))" >"$tag.wall_ns"
  return "$rc"
}

# fastText settings. "fasttext": the fastText tutorial's settings for a small data set;
# "fasttext-paper": Joulin et al. 2016 on AG News with bigrams (their classification-results.sh).
FT_TUTORIAL=(-lr 0.5 -epoch 25 -wordNgrams 2 -bucket 200000 -dim 50)
FT_PAPER=(-dim 10 -lr 0.25 -wordNgrams 2 -minCount 1 -bucket 10000000 -epoch 5)

tool_setting() { # TOOL MODE PROTOCOL
  local multi="" pred=""
  [ "$2" = multi ] && multi=" -loss one-vs-all" && pred="; predict with k=-1, threshold 0.5 (__label__none, the pseudo-label of an empty label set, is dropped)"
  case "$1" in
    newstopic) if [ "$2" = single ]; then echo "\`train --mode single --min-df 1\`, otherwise defaults (svm+cnb, tf-idf 1-2-grams, C 0.5, internal 5-fold CV run 3 times), \`--threads $TRAIN_THREADS\`";
               elif [ "$3" = train-corpus ]; then echo "\`train\` defaults (multi-label, svm+cnb, tf-idf 1-2-grams, min-df 2, C 0.25, balanced, internal 5-fold CV run 3 times, headline and sentence rules, the labels found in the training corpus), \`--threads $TRAIN_THREADS\`";
               else echo "\`train\` defaults (multi-label, svm+cnb, tf-idf 1-2-grams, min-df 2, C 0.25, balanced, internal 5-fold CV run 3 times, headline and sentence rules), \`--labels\` of the corpus, \`--threads $TRAIN_THREADS\`"; fi ;;
    fasttext) echo "\`supervised ${FT_TUTORIAL[*]}$multi -thread $TRAIN_THREADS\` (fastText tutorial settings for small data)$pred" ;;
    fasttext-paper) echo "\`supervised ${FT_PAPER[*]}$multi -thread $TRAIN_THREADS\` (Joulin et al. 2016, AG News with bigrams)$pred" ;;
    sklearn-svm) if [ "$2" = single ]; then echo "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True) + LinearSVC() (defaults, C=1, no class weights)";
                 else echo "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True) + LinearSVC(class_weight='balanced') (C=1), one-vs-rest"; fi ;;
    sklearn-logreg) if [ "$2" = single ]; then echo "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True) + LogisticRegression(max_iter=1000) (defaults, C=1, lbfgs, multinomial, no class weights)";
                    else echo "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True) + LogisticRegression(max_iter=1000, class_weight='balanced') (C=1, lbfgs), one-vs-rest"; fi ;;
  esac
}
tool_short() {
  case "$1" in
    newstopic) echo "newstopic" ;;
    fasttext) echo "fastText tutorial" ;;
    fasttext-paper) echo "fastText paper" ;;
    sklearn-svm) echo "sklearn LinearSVC" ;;
    sklearn-logreg) echo "sklearn LogReg" ;;
  esac
}
tool_name() {
  case "$1" in
    newstopic) echo "newstopic (svm+cnb)" ;;
    fasttext) echo "fastText (tutorial)" ;;
    fasttext-paper) echo "fastText (paper)" ;;
    sklearn-svm) echo "sklearn tf-idf + LinearSVC" ;;
    sklearn-logreg) echo "sklearn tf-idf + LogisticRegression" ;;
  esac
}

# run_fold TOOL FOLD_DATA_DIR RUN_DIR MODE LABELS PROTOCOL [THROUGHPUT_DIR]: trains, classifies the test
# fold once (quality, memory), then, given THROUGHPUT_DIR, classifies the throughput file REPEAT times
# with the same model (speed; its status goes to RUN_DIR/tp.status).
run_fold() {
  local tool="$1" f="$2" r="$3" mode="$4" labels="$5" proto="$6" tp="${7:-}" i model tp_result="$3/tp.out"
  local -a train_cmd pred_cmd tp_cmd one_cmd=() ft_args ns ns_args=()
  case "$tool" in
    newstopic)
      model="$r/model"
      if [ "$mode" = single ]; then
        ns_args=(--mode single --min-df 1)
      elif [ "$proto" = cv ]; then
        ns_args=(--mode multi --labels "$labels") # a fold may miss a label: name them all
      fi                                          # train-corpus: the command's defaults
      # shellcheck disable=SC2086 # NEWSTOPIC_JAVA_OPTS holds several JVM options
      ns=("$JAVA" ${NEWSTOPIC_JAVA_OPTS:-} -cp "$NS_CP" newstopic.cli.Main)
      train_cmd=("${ns[@]}" train --quiet --model "$model" --seed "$SEED" --threads "$TRAIN_THREADS" "${ns_args[@]}" "$f/train.csv")
      pred_cmd=("${ns[@]}" predict --model "$model" --timing "$f/test.csv")
      tp_cmd=("${ns[@]}" predict --model "$model" --timing "$tp/tp.csv")
      ;;
    fasttext|fasttext-paper)
      model="$r/model.bin"
      if [ "$tool" = fasttext ]; then ft_args=("${FT_TUTORIAL[@]}"); else ft_args=("${FT_PAPER[@]}"); fi
      [ "$mode" = multi ] && ft_args+=(-loss one-vs-all)
      train_cmd=(fasttext supervised -input "$f/train.ft" -output "$r/model" "${ft_args[@]}" -thread "$TRAIN_THREADS"
                 -seed "$SEED" -verbose 1)
      pred_cmd=(fasttext predict "$model" "$f/test.ft")
      tp_cmd=(fasttext predict "$model" "$tp/tp.ft")
      one_cmd=(fasttext predict "$model" "$tp/one.ft")
      if [ "$mode" = multi ]; then pred_cmd+=(-1 0.5); tp_cmd+=(-1 0.5); one_cmd+=(-1 0.5); fi
      ;;
    sklearn-svm|sklearn-logreg)
      model="$r/model.joblib"
      train_cmd=("$SKPY" "$SCRIPTS/sk.py" train --pipeline "${tool#sklearn-}" --mode "$mode" --labels "$labels"
                 --seed "$SEED" --jobs "$TRAIN_THREADS" "$f/train.csv" "$model")
      pred_cmd=("$SKPY" "$SCRIPTS/sk.py" predict "$model" "$f/test.csv" "$r/pred.tsv")
      tp_cmd=("$SKPY" "$SCRIPTS/sk.py" predict "$model" "$tp/tp.csv" "$r/tp.tsv")
      tp_result="$r/tp.tsv"
      ;;
  esac
  if ! measure "$r/train" "$r/train.out" env "${TRAIN_ENV[@]}" "${train_cmd[@]}"; then
    echo "training failed: $(grep -v '^\s*$' "$r/train.err" | grep -v 'Command exited with' | tail -n 1 | cut -c1-300)" >"$r/status"
    return 1
  fi
  stat -c %s "$model" >"$r/model.size" 2>/dev/null || true
  if ! measure "$r/predict" "$r/pred.raw" env "${PRED_ENV[@]}" "${PIN[@]}" "${pred_cmd[@]}"; then
    echo "prediction failed: $(grep -v '^\s*$' "$r/predict.err" | grep -v 'Command exited with' | tail -n 1 | cut -c1-300)" >"$r/status"
    return 1
  fi
  echo ok >"$r/status"
  if [ -n "$tp" ]; then
    for ((i = 1; i <= REPEAT; i++)); do
      if ! measure "$r/tp$i" "$r/tp.out" env "${PRED_ENV[@]}" "${PIN[@]}" "${tp_cmd[@]}"; then
        echo "throughput run failed: $(grep -v '^\s*$' "$r/tp$i.err" | grep -v 'Command exited with' | tail -n 1 | cut -c1-300)" >"$r/tp.status"
        break
      fi
      wc -l <"$tp_result" >"$r/tp$i.lines" # one output line per article: checked by score.py
      rm -f "$r/tp.out" "$r/tp.tsv"
      if ((${#one_cmd[@]})); then
        measure "$r/tpone$i" /dev/null env "${PRED_ENV[@]}" "${PIN[@]}" "${one_cmd[@]}" || true
      fi
    done
    rm -f "$r/tp.out" "$r/tp.tsv"
    [ -f "$r/tp.status" ] || echo ok >"$r/tp.status"
  fi
  rm -f "$r"/model*.bin "$r"/model*.vec "$r/model" "$r/model.joblib" # fastText's paper model is 400 MB
  [ ! -f "$r/tp.status" ] || [ "$(cat "$r/tp.status")" = ok ]
}

secs() { awk -v ns="$(cat "$1")" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

# ------------------------------------------------------------------------------------------ run
START="$(date +%s)"
WORKDIRS=()
for ((ti = 0; ti < ${#TAB_CORPUS[@]}; ti++)); do # every table's data first: a bad corpus stops the run before any training
  c="${TAB_CORPUS[ti]}" tc="${TAB_TRAIN[ti]}"
  base="$(basename "$(dirname "$c")")-$(basename "$c" .csv)"
  [ -z "$tc" ] || base="$base-on-$(basename "$tc" .csv)"
  cw="$WORK/$((ti + 1))-${base//[^A-Za-z0-9._-]/_}"
  mkdir -p "$cw/data"
  "$PY" "$SCRIPTS/prepare.py" "$c" "$cw/data" --folds "$FOLDS" --seed "$SEED" --throughput-mb "$TP_MB" \
    ${LIMIT:+--limit "$LIMIT"} ${tc:+--train-corpus "$tc"} >&2 \
    || die "$c: could not prepare the data (see the message above)"
  WORKDIRS+=("$cw")
done

FAILED=0
for cw in "${WORKDIRS[@]}"; do
  read -r mode labels proto nfolds < <("$PY" -c 'import json, sys; m = json.load(open(sys.argv[1])); print(m["mode"], ",".join(m["labels"]), m["protocol"], m["folds"])' "$cw/data/meta.json")
  order=0
  for tool in "${RUN_TOOLS[@]}"; do
    order=$((order + 1))
    td="$cw/runs/$tool"
    mkdir -p "$td"
    fmt=tsv load=timing
    case "$tool" in
      newstopic) fmt=newstopic-jsonl ;;
      fasttext*) fmt=fasttext load=subtract ;;
    esac
    printf 'tool\t%s\nname\t%s\nshort\t%s\nsetting\t%s\npred_format\t%s\nload_excluded\t%s\norder\t%02d\n' \
      "$tool" "$(tool_name "$tool")" "$(tool_short "$tool")" "$(tool_setting "$tool" "$mode" "$proto")" "$fmt" "$load" "$order" >"$td/info"
    for ((k = 1; k <= nfolds; k++)); do
      r="$td/fold$k"
      mkdir -p "$r"
      tpdir=""
      ((k > 1)) || tpdir="$cw/data/throughput"
      what="fold $k/$nfolds"
      [ "$proto" = cv ] || what="trained once"
      if run_fold "$tool" "$cw/data/fold$k" "$r" "$mode" "$labels" "$proto" "$tpdir"; then
        msg="$(basename "$cw") $what: $tool trained in $(secs "$r/train.wall_ns") s, predicted the test set in $(secs "$r/predict.wall_ns") s"
        [ -z "$tpdir" ] || msg="$msg, the throughput file in $(secs "$r/tp1.wall_ns") s (first run)"
        note "$msg"
      else
        FAILED=1
        if [ "$(cat "$r/status" 2>/dev/null)" != ok ]; then
          note "$(basename "$cw") $what: $tool: $(cat "$r/status" 2>/dev/null)"
        else
          note "$(basename "$cw") $what: $tool: $(cat "$r/tp.status" 2>/dev/null)"
        fi
      fi
    done
  done
  # the throughput file (tens of MB of corpus text) is no longer needed
  [ "$KEEP" = 1 ] || rm -rf -- "$cw/data/throughput"
done

info loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
info wall_total_s "$(($(date +%s) - START))"
printf '%s\n' "${INFO_LINES[@]}" >"$WORK/run.info"
rc=0
"$PY" "$SCRIPTS/score.py" "$WORK/run.info" "$OUT" "${WORKDIRS[@]}" || rc=$?
note "wrote $OUT/results.md, $OUT/results.json and $OUT/chart.svg in $(($(date +%s) - START)) s"
if ((rc != 0 || FAILED)); then
  note "some runs failed (see the table)"
  exit 1
fi
