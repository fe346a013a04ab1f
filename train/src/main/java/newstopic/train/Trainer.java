package newstopic.train;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import newstopic.article.Article;
import newstopic.features.Featurizer;
import newstopic.features.FeaturizerConfig;
import newstopic.features.HashingFeaturizer;
import newstopic.features.NearDuplicates;
import newstopic.features.SparseVector;
import newstopic.features.TfIdfFeaturizer;
import newstopic.features.TfIdfFitter;
import newstopic.features.Workspace;
import newstopic.model.Calibration;
import newstopic.model.FeatureWeight;
import newstopic.model.Mode;
import newstopic.model.ModelHeader;
import newstopic.model.Provenance;
import newstopic.model.TopicModel;
import newstopic.train.learn.BinaryLearner;
import newstopic.train.learn.LinearSvm;
import newstopic.train.learn.Ensemble;
import newstopic.train.learn.LinearWeights;
import newstopic.train.learn.MultinomialNb;
import newstopic.train.learn.NbSvm;
import newstopic.train.learn.SmileLearners;
import newstopic.train.learn.TrainingSet;
import smile.classification.DiscreteNaiveBayes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains a topic model: checks the labels, groups near-duplicate articles, cross-validates
 * (choosing the learner when asked), calibrates each label on out-of-fold margins, tunes its
 * threshold for F1, fits the final model on everything and records how it was made. Not
 * thread-safe (one training at a time); it uses {@code threads} workers inside.
 */
final class Trainer {

    private final TrainSettings settings;
    private final Progress progress;
    private final PrintWriter log;

    Trainer(TrainSettings settings, Progress progress, PrintWriter log) {
        this.settings = settings;
        this.progress = progress;
        this.log = log;
    }

    /** What training produced: the model and its cross-validation report. */
    record Result(TopicModel model, CvReport cv) {
    }

    Result train(List<Article> articles, List<Provenance.InputFile> inputs, String command) {
        List<String> labels = labelsOf(articles);
        int n = articles.size();
        int l = labels.size();
        boolean[][] truth = truth(articles, labels);
        checkLabels(articles, labels, truth);

        int[] group = groups(articles, truth, labels);
        int groupCount = countGroups(group);
        String[] signature = articles.stream().map(a -> String.join(";", a.labels())).toArray(String[]::new);
        int[] fold = Folds.assign(group, signature, settings.folds(), settings.seed());

        List<BinaryLearner> candidates = candidates();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            FoldFeatures[] folds = featurizeFolds(articles, fold, pool);
            Map<String, Double> scores = new LinkedHashMap<>();
            double[][] bestOof = null;
            BinaryLearner best = null;
            double bestScore = -1;
            for (BinaryLearner learner : candidates) {
                double[][] oof = outOfFold(learner, folds, truth, fold, pool);
                if (candidates.size() == 1) {
                    best = learner; // nothing to choose between: the report scores it once, below
                    bestOof = oof;
                    break;
                }
                double score = settings.mode() == Mode.SINGLE ? accuracy(oof, truth, fold, labels).mean()
                        : foldF1(oof, truth, fold, labels).micro.mean();
                scores.put(describe(learner), score);
                if (candidates.size() > 1) {
                    log.printf("  %-12s %s %.4f%n", describe(learner),
                            settings.mode() == Mode.SINGLE ? "accuracy" : "micro-F1", score);
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = learner;
                    bestOof = oof;
                }
            }
            folds = null; // the fold features are no longer needed: let the final fit use the memory

            List<Calibration> calibration = new ArrayList<>();
            List<Double> thresholds = new ArrayList<>();
            for (int k = 0; k < l; k++) {
                Calibration c = Platt.fit(column(bestOof, k), truth[k]);
                calibration.add(c);
                double[] probabilities = column(bestOof, k);
                for (int i = 0; i < n; i++) {
                    probabilities[i] = c.probability(probabilities[i]);
                }
                thresholds.add(settings.mode() == Mode.SINGLE ? 0.5 : Thresholds.bestF1(probabilities, truth[k]));
            }
            CvReport cv = report(best, scores, bestOof, truth, fold, labels, groupCount);

            Featurizer featurizer = fitFeaturizer(articles, null);
            SparseVector[] x = featurize(featurizer, articles, pool);
            LinearWeights[] weights = fitLabels(best, x, truth, featurizer.dimension(), pool);
            TopicModel model = assemble(labels, featurizer, weights, calibration, thresholds, best, cv, articles, x,
                    inputs, command, truth);
            return new Result(model, cv);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- labels and duplicates -------------------------------------------------------------

    private List<String> labelsOf(List<Article> articles) {
        for (Article a : articles) {
            if (!a.isLabeled()) {
                throw new UserException(a.source() + ": article \"" + a.title()
                        + "\" has no labels (give a labels column, or a labels.csv beside raw pages)");
            }
        }
        if (settings.labels() != null) {
            return List.copyOf(settings.labels());
        }
        Set<String> found = new TreeSet<>();
        articles.forEach(a -> found.addAll(a.labels()));
        if (found.isEmpty()) {
            throw new UserException("no article carries any label: nothing to learn");
        }
        return List.copyOf(found);
    }

    private static boolean[][] truth(List<Article> articles, List<String> labels) {
        boolean[][] truth = new boolean[labels.size()][articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            for (String label : articles.get(i).labels()) {
                int k = labels.indexOf(label);
                if (k < 0) {
                    throw new UserException(articles.get(i).source() + ": unknown label \"" + label
                            + "\" (known: " + String.join(", ", labels) + ")");
                }
                truth[k][i] = true;
            }
        }
        return truth;
    }

    private void checkLabels(List<Article> articles, List<String> labels, boolean[][] truth) {
        int n = articles.size();
        if (n < settings.folds()) {
            throw new UserException("only " + n + " labeled articles: need at least " + settings.folds()
                    + " for " + settings.folds() + "-fold cross-validation");
        }
        for (int k = 0; k < labels.size(); k++) {
            int pos = 0;
            for (boolean t : truth[k]) {
                if (t) {
                    pos++;
                }
            }
            if (pos == 0) {
                throw new UserException("label \"" + labels.get(k) + "\" has no positive examples");
            }
            if (pos == n) {
                throw new UserException("label \"" + labels.get(k) + "\" is on every article: nothing to tell apart");
            }
        }
        if (settings.mode() == Mode.SINGLE) {
            for (Article a : articles) {
                if (a.labels().size() != 1) {
                    throw new UserException(a.source() + ": single-label mode needs exactly one label per article, found "
                            + (a.labels().isEmpty() ? "none" : String.join(";", a.labels())));
                }
            }
        }
    }

    /** Near-copies share a group (so a fold); identical texts with different labels are an error. */
    private int[] groups(List<Article> articles, boolean[][] truth, List<String> labels) {
        progress.start("finding near-duplicates", 0);
        List<String> texts = articles.stream().map(a -> a.title() + "\n" + a.text()).toList();
        NearDuplicates.Result result = NearDuplicates.find(texts, settings.nearDuplicate());
        for (NearDuplicates.Pair p : result.pairs()) {
            Article a = articles.get(p.first());
            Article b = articles.get(p.second());
            boolean same = normalized(texts.get(p.first())).equals(normalized(texts.get(p.second())));
            if (same && !a.labels().equals(b.labels())) {
                throw new UserException(b.source() + ": same text as " + a.source() + " but labeled "
                        + String.join(";", b.labels()) + " instead of " + String.join(";", a.labels()));
            }
        }
        progress.done();
        if (!result.groups().isEmpty()) {
            int copies = result.groups().stream().mapToInt(g -> g.length).sum();
            log.printf("note: %d group(s) of near-duplicate articles (%d articles) are kept within single folds%n",
                    result.groups().size(), copies);
        }
        return result.groupOf();
    }

    private static String normalized(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static int countGroups(int[] group) {
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int g : group) {
            sizes.merge(g, 1, Integer::sum);
        }
        return (int) sizes.values().stream().filter(s -> s > 1).count();
    }

    // ---- learners --------------------------------------------------------------------------

    private List<BinaryLearner> candidates() {
        return switch (settings.learner()) {
            case "svm" -> List.of(svm(settings.c()));
            case "nbsvm" -> List.of(new NbSvm(svm(settings.c()), 1.0));
            // for one label against the rest, complement and multinomial naive Bayes coincide
            case "svm+cnb", "svm+nb" -> List.of(new Ensemble(List.of(svm(settings.c()), new MultinomialNb(settings.nbAlpha()))));
            case "logreg" -> List.of(SmileLearners.logistic(0.1));
            case "maxent" -> List.of(SmileLearners.maxent(0.1));
            case "nb" -> List.of(SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.MULTINOMIAL, settings.nbAlpha()));
            case "cnb" -> List.of(SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.CNB, settings.nbAlpha()));
            case "auto" -> List.of(svm(0.3), svm(1.0), svm(3.0),
                    SmileLearners.logistic(0.1), SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.MULTINOMIAL, settings.nbAlpha()),
                    SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.CNB, settings.nbAlpha()));
            default -> throw new IllegalStateException(settings.learner());
        };
    }

    private LinearSvm svm(double c) {
        return new LinearSvm(c, settings.balanced(), 0.1, 200);
    }

    private static String describe(BinaryLearner learner) {
        Object c = learner.hyperparameters().get("C");
        return c == null ? learner.name() : learner.name() + " C=" + c;
    }

    // ---- features --------------------------------------------------------------------------

    /** One fold's featurizer (fitted without the fold's articles) and every article's vector. */
    private record FoldFeatures(Featurizer featurizer, SparseVector[] x) {
    }

    private FoldFeatures[] featurizeFolds(List<Article> articles, int[] fold, ExecutorService pool) {
        int k = settings.folds();
        FoldFeatures[] out = new FoldFeatures[k];
        if (settings.featurizer().kind() == FeaturizerConfig.Kind.HASHING) {
            // hashing learns nothing from the data: one set of vectors serves every fold
            Featurizer f = new HashingFeaturizer(settings.featurizer());
            FoldFeatures shared = new FoldFeatures(f, featurize(f, articles, pool));
            java.util.Arrays.fill(out, shared);
            return out;
        }
        for (int f = 0; f < k; f++) {
            int held = f;
            Featurizer featurizer = fitFeaturizer(articles, i -> fold[i] != held);
            out[f] = new FoldFeatures(featurizer, featurize(featurizer, articles, pool));
        }
        return out;
    }

    private Featurizer fitFeaturizer(List<Article> articles, java.util.function.IntPredicate include) {
        if (settings.featurizer().kind() == FeaturizerConfig.Kind.HASHING) {
            return new HashingFeaturizer(settings.featurizer());
        }
        List<Article> fitOn = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            if (include == null || include.test(i)) {
                fitOn.add(articles.get(i));
            }
        }
        return TfIdfFitter.fit(settings.featurizer(), fitOn);
    }

    /** Every article's vector, computed in parallel chunks (one workspace per chunk). */
    private SparseVector[] featurize(Featurizer featurizer, List<Article> articles, ExecutorService pool) {
        int n = articles.size();
        SparseVector[] x = new SparseVector[n];
        int chunks = Math.min(n, settings.threads() * 4);
        progress.start("featurizing", n);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks.add(() -> {
                Workspace ws = featurizer.newWorkspace();
                SparseVector v = new SparseVector();
                for (int i = from; i < to; i++) {
                    featurizer.featurize(articles.get(i), ws, v);
                    x[i] = v.copy();
                }
                progress.advance(to - from);
                return null;
            });
        }
        runAll(pool, tasks);
        progress.done();
        return x;
    }

    // ---- cross-validation ------------------------------------------------------------------

    /** Margins of each article from the model of the fold that did not see it: {@code [article][label]}. */
    private double[][] outOfFold(BinaryLearner learner, FoldFeatures[] folds, boolean[][] truth, int[] fold,
                                 ExecutorService pool) {
        int n = fold.length;
        int l = truth.length;
        double[][] oof = new double[n][l];
        progress.start("cross-validating " + describe(learner), (long) folds.length * l);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int f = 0; f < folds.length; f++) {
            for (int k = 0; k < l; k++) {
                int held = f;
                int label = k;
                tasks.add(() -> {
                    FoldFeatures ff = folds[held];
                    List<Integer> train = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (fold[i] != held) {
                            train.add(i);
                        }
                    }
                    SparseVector[] x = new SparseVector[train.size()];
                    boolean[] y = new boolean[train.size()];
                    for (int j = 0; j < x.length; j++) {
                        x[j] = ff.x()[train.get(j)];
                        y[j] = truth[label][train.get(j)];
                    }
                    LinearWeights w = fitOrConstant(learner, new TrainingSet(x, y, ff.featurizer().dimension()),
                            settings.seed() + 31L * held + label);
                    for (int i = 0; i < n; i++) {
                        if (fold[i] == held) {
                            oof[i][label] = w.margin(ff.x()[i]);
                        }
                    }
                    progress.advance(1);
                    return null;
                });
            }
        }
        runAll(pool, tasks);
        progress.done();
        return oof;
    }

    /** A fold whose training part lacks one class still gets a (constant) model. */
    private static LinearWeights fitOrConstant(BinaryLearner learner, TrainingSet data, long seed) {
        int pos = data.positives();
        if (pos == 0 || pos == data.size()) {
            return new LinearWeights(new float[data.dimension()], pos == 0 ? -1f : 1f);
        }
        return learner.fit(data, seed);
    }

    private LinearWeights[] fitLabels(BinaryLearner learner, SparseVector[] x, boolean[][] truth, int dim,
                                      ExecutorService pool) {
        LinearWeights[] out = new LinearWeights[truth.length];
        progress.start("fitting " + describe(learner), truth.length);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int k = 0; k < truth.length; k++) {
            int label = k;
            tasks.add(() -> {
                out[label] = learner.fit(new TrainingSet(x, truth[label], dim), settings.seed() + label);
                progress.advance(1);
                return null;
            });
        }
        runAll(pool, tasks);
        progress.done();
        return out;
    }

    /** Per-fold F1 figures, each fold judged with thresholds tuned on the other folds. */
    private record FoldF1(List<List<LabelMetrics>> perFold, CvReport.Summary micro, CvReport.Summary macro) {
    }

    private FoldF1 foldF1(double[][] oof, boolean[][] truth, int[] fold, List<String> labels) {
        int k = settings.folds();
        int l = labels.size();
        double[] thresholds = new double[l];
        List<List<LabelMetrics>> perFold = new ArrayList<>();
        List<Double> micro = new ArrayList<>();
        List<Double> macro = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int held = f;
            for (int label = 0; label < l; label++) {
                thresholds[label] = Thresholds.bestF1(select(column(oof, label), fold, held, false),
                        select(truth[label], fold, held, false));
            }
            List<LabelMetrics> metrics = new ArrayList<>();
            for (int label = 0; label < l; label++) {
                double[] m = select(column(oof, label), fold, held, true);
                boolean[] predicted = new boolean[m.length];
                for (int i = 0; i < m.length; i++) {
                    predicted[i] = m[i] >= thresholds[label];
                }
                metrics.add(LabelMetrics.of(labels.get(label), select(truth[label], fold, held, true), predicted));
            }
            perFold.add(metrics);
            micro.add(LabelMetrics.micro(metrics).f1());
            macro.add(LabelMetrics.macroF1(metrics));
        }
        return new FoldF1(perFold, CvReport.Summary.of(micro), CvReport.Summary.of(macro));
    }

    /** Single-label: per fold, the most probable label (calibrated on the other folds) against the truth. */
    private CvReport.Summary accuracy(double[][] oof, boolean[][] truth, int[] fold, List<String> labels) {
        return accuracy(singleLabelFolds(oof, truth, fold, labels));
    }

    private static CvReport.Summary accuracy(List<List<LabelMetrics>> perFold) {
        return CvReport.Summary.of(perFold.stream()
                .map(ms -> {
                    int correct = ms.stream().mapToInt(LabelMetrics::truePositives).sum();
                    int total = ms.stream().mapToInt(LabelMetrics::support).sum();
                    return (double) correct / total;
                }).toList());
    }

    private List<List<LabelMetrics>> singleLabelFolds(double[][] oof, boolean[][] truth, int[] fold, List<String> labels) {
        int l = labels.size();
        List<List<LabelMetrics>> perFold = new ArrayList<>();
        for (int f = 0; f < settings.folds(); f++) {
            int held = f;
            Calibration[] cal = new Calibration[l];
            for (int label = 0; label < l; label++) {
                cal[label] = Platt.fit(select(column(oof, label), fold, held, false), select(truth[label], fold, held, false));
            }
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == held) {
                    rows.add(i);
                }
            }
            boolean[][] predicted = new boolean[l][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                int best = 0;
                double bestP = -1;
                for (int label = 0; label < l; label++) {
                    double p = cal[label].probability(oof[rows.get(r)][label]);
                    if (p > bestP) {
                        bestP = p;
                        best = label;
                    }
                }
                predicted[best][r] = true;
            }
            List<LabelMetrics> metrics = new ArrayList<>();
            for (int label = 0; label < l; label++) {
                metrics.add(LabelMetrics.of(labels.get(label), select(truth[label], fold, held, true), predicted[label]));
            }
            perFold.add(metrics);
        }
        return perFold;
    }

    private CvReport report(BinaryLearner learner, Map<String, Double> scores, double[][] oof, boolean[][] truth,
                            int[] fold, List<String> labels, int groups) {
        List<List<LabelMetrics>> perFold;
        CvReport.Summary micro;
        CvReport.Summary macro;
        CvReport.Summary accuracy = null;
        if (settings.mode() == Mode.SINGLE) {
            perFold = singleLabelFolds(oof, truth, fold, labels);
            micro = CvReport.Summary.of(perFold.stream().map(ms -> LabelMetrics.micro(ms).f1()).toList());
            macro = CvReport.Summary.of(perFold.stream().map(LabelMetrics::macroF1).toList());
            accuracy = accuracy(perFold);
        } else {
            FoldF1 f1 = foldF1(oof, truth, fold, labels);
            perFold = f1.perFold();
            micro = f1.micro();
            macro = f1.macro();
        }
        Map<String, CvReport.LabelSummary> perLabel = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            int label = k;
            int support = 0;
            for (boolean t : truth[k]) {
                if (t) {
                    support++;
                }
            }
            perLabel.put(labels.get(k), new CvReport.LabelSummary(
                    CvReport.Summary.of(perFold.stream().map(ms -> ms.get(label).precision()).toList()),
                    CvReport.Summary.of(perFold.stream().map(ms -> ms.get(label).recall()).toList()),
                    CvReport.Summary.of(perFold.stream().map(ms -> ms.get(label).f1()).toList()), support));
        }
        Map<String, Double> candidateScores = scores.isEmpty()
                ? Map.of(describe(learner), accuracy != null ? accuracy.mean() : micro.mean()) : scores;
        return new CvReport(settings.folds(), describe(learner), candidateScores, perLabel, micro, macro, accuracy, groups);
    }

    // ---- the model -------------------------------------------------------------------------

    private TopicModel assemble(List<String> labels, Featurizer featurizer, LinearWeights[] weights,
                                List<Calibration> calibration, List<Double> thresholds, BinaryLearner learner,
                                CvReport cv, List<Article> articles, SparseVector[] x,
                                List<Provenance.InputFile> inputs, String command, boolean[][] truth) {
        int l = labels.size();
        int dim = featurizer.dimension();
        float[] w = new float[dim * l];
        float[] bias = new float[l];
        for (int k = 0; k < l; k++) {
            bias[k] = weights[k].b();
            float[] wk = weights[k].w();
            for (int f = 0; f < dim; f++) {
                w[f * l + k] = wk[f];
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < l; k++) {
            int c = 0;
            for (boolean t : truth[k]) {
                if (t) {
                    c++;
                }
            }
            counts.put(labels.get(k), c);
        }
        Map<String, Object> hyper = new LinkedHashMap<>(learner.hyperparameters());
        hyper.put("learner", describe(learner));
        hyper.put("folds", settings.folds());
        Provenance provenance = new Provenance(Instant.now().toString(), Main.toolVersion(),
                System.getProperty("java.version"), command, settings.seed(), inputs, articles.size(), counts);
        ModelHeader header = new ModelHeader(labels, settings.mode(), thresholds, calibration, featurizer.config(),
                learner.name(), hyper, provenance, JsonMapper.builder().build().valueToTree(cv),
                topFeatures(labels, featurizer, weights, articles), settings.mode() == Mode.MULTI ? settings.headlineRule() : 0);
        return new TopicModel(header, featurizer, w, bias);
    }

    /** Per label the 15 most positive and 10 most negative weights, named in words. */
    private static Map<String, List<FeatureWeight>> topFeatures(List<String> labels, Featurizer featurizer,
                                                               LinearWeights[] weights, List<Article> articles) {
        Map<Integer, String> names = new HashMap<>();
        List<int[]> chosen = new ArrayList<>();
        Set<Integer> wanted = new java.util.HashSet<>();
        for (LinearWeights lw : weights) {
            int[] top = extremes(lw.w(), 15, 10);
            chosen.add(top);
            for (int f : top) {
                wanted.add(f);
            }
        }
        if (featurizer instanceof TfIdfFeaturizer tfidf) {
            wanted.forEach(f -> names.put(f, tfidf.ngram(f)));
        } else {
            Workspace ws = featurizer.newWorkspace();
            for (Article a : articles) {
                featurizer.forEachNgram(a.title(), a.text(), ws, (index, sign, ngram, inTitle, start, end) -> {
                    if (wanted.contains(index)) {
                        names.putIfAbsent(index, ngram);
                    }
                });
                if (names.size() == wanted.size()) {
                    break;
                }
            }
        }
        Map<String, List<FeatureWeight>> out = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            List<FeatureWeight> list = new ArrayList<>();
            for (int f : chosen.get(k)) {
                list.add(new FeatureWeight(names.getOrDefault(f, "#" + f), weights[k].w()[f]));
            }
            out.put(labels.get(k), list);
        }
        return out;
    }

    /** Indices of the {@code top} largest then the {@code bottom} smallest values. */
    private static int[] extremes(float[] w, int top, int bottom) {
        Integer[] idx = new Integer[w.length];
        for (int i = 0; i < w.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Float.compare(w[b], w[a]));
        int t = Math.min(top, w.length);
        int b = Math.min(bottom, w.length - t);
        int[] out = new int[t + b];
        for (int i = 0; i < t; i++) {
            out[i] = idx[i];
        }
        for (int i = 0; i < b; i++) {
            out[t + i] = idx[w.length - 1 - i];
        }
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static double[] column(double[][] m, int k) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][k];
        }
        return c;
    }

    private static double[] select(double[] values, int[] fold, int f, boolean inFold) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> (fold[i] == f) == inFold)
                .mapToDouble(i -> values[i]).toArray();
    }

    private static boolean[] select(boolean[] values, int[] fold, int f, boolean inFold) {
        int[] rows = java.util.stream.IntStream.range(0, values.length).filter(i -> (fold[i] == f) == inFold).toArray();
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) {
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
