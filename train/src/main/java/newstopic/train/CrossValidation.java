package newstopic.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import newstopic.article.Article;
import newstopic.features.Featurizer;
import newstopic.features.FeaturizerCodec;
import newstopic.features.FeaturizerConfig;
import newstopic.features.SparseVector;
import newstopic.model.Mode;
import newstopic.model.SentenceWeights;
import newstopic.text.Sentences;
import newstopic.train.learn.BinaryLearner;
import newstopic.train.learn.Learners;
import newstopic.train.learn.LinearWeights;
import newstopic.train.learn.TrainingSet;

/**
 * Out-of-fold margins: each article scored by the model of the fold that did not see it, with a
 * featurizer fitted without that fold. Where the headline rule may apply (multi-label, a headline,
 * a long text), the headline alone is scored too, and where the sentence rule may apply (enough
 * sentences), each sentence alone, so the rules are validated as they are served. Not
 * thread-safe (one training at a time); it runs its work on the given pool.
 */
final class CrossValidation {

    /**
     * Margins {@code [article][label]}; {@code headline[i]} is null where the headline rule cannot
     * apply; {@code sentence[i][label]} holds the margins of article {@code i}'s best and second-best
     * sentences, and {@code sentence[i]} is null where the sentence rule cannot apply.
     */
    record Margins(double[][] full, double[][] headline, double[][][] sentence) {

        /** The rows of every run, one run after the other. */
        static Margins concat(List<Margins> runs) {
            return new Margins(
                    runs.stream().flatMap(m -> Arrays.stream(m.full())).toArray(double[][]::new),
                    runs.stream().flatMap(m -> Arrays.stream(m.headline())).toArray(double[][]::new),
                    runs.stream().flatMap(m -> Arrays.stream(m.sentence())).toArray(double[][][]::new));
        }

        /** The given rows, in that order. */
        Margins rows(int[] rows) {
            return new Margins(Arrays.stream(rows).mapToObj(i -> full[i]).toArray(double[][]::new),
                    Arrays.stream(rows).mapToObj(i -> headline[i]).toArray(double[][]::new),
                    Arrays.stream(rows).mapToObj(i -> sentence[i]).toArray(double[][][]::new));
        }
    }

    /** One fold's featurizer (fitted without the fold) and every article's vectors under it. */
    private record FoldFeatures(Featurizer featurizer, SparseVector[] x, SparseVector[] headline,
                                SparseVector[][] sentences) {
    }

    private final List<Article> articles;
    private final int[] fold;
    private final boolean[][] truth;
    private final TrainOptions options;
    private final ExecutorService pool;
    private final TrainingListener listener;
    private FoldFeatures[] folds;
    private boolean[] sentenceEligible;

    CrossValidation(List<Article> articles, int[] fold, boolean[][] truth, TrainOptions options, ExecutorService pool,
                    TrainingListener listener) {
        this.articles = articles;
        this.fold = fold;
        this.truth = truth;
        this.options = options;
        this.pool = pool;
        this.listener = listener;
    }

    /** Whether the headline rule could apply to article {@code i}. */
    boolean headlineEligible(int i) {
        return headlineEligible(articles.get(i), options);
    }

    /** Whether the headline rule could apply to an article: as {@code DecisionPolicy.needsHeadline} serves it. */
    static boolean headlineEligible(Article a, TrainOptions options) {
        return options.mode() == Mode.MULTI && options.headlineRule() > 0 && !a.title().isBlank()
                && a.text().length() >= options.headlineRule();
    }

    /** Whether the sentence rule could apply to an article: as {@code DecisionPolicy.needsSentences} serves it. */
    static boolean sentenceEligible(Article a, TrainOptions options) {
        return options.mode() == Mode.MULTI && options.sentenceRule() > 0 && Sentences.atLeast(a.text(), options.sentenceRule());
    }

    /** The best and second-best margin of {@code sentences} under {@code w}. */
    static double[] bestTwo(LinearWeights w, SparseVector[] sentences) {
        double[] best = {Double.NEGATIVE_INFINITY};
        double[] second = {Double.NEGATIVE_INFINITY};
        for (SparseVector v : sentences) {
            SentenceWeights.offer(w.margin(v), best, second, 0);
        }
        return new double[] {best[0], second[0]};
    }

    /** Fits every fold's featurizer and featurizes the articles under each. */
    void featurizeFolds() {
        sentenceEligible = new boolean[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            sentenceEligible[i] = sentenceEligible(articles.get(i), options);
        }
        int k = options.folds();
        folds = new FoldFeatures[k];
        listener.stepStarted("featurizing folds", (long) k * articles.size());
        if (!FeaturizerCodec.of(options.featurizer().kind()).learnsFromData()) {
            // a featurizer that learns nothing from the data: one set of vectors serves every fold
            FoldFeatures shared = featurize(fitFeaturizer(articles, null, options.featurizer()));
            Arrays.fill(folds, shared);
        } else {
            for (int f = 0; f < k; f++) {
                int held = f;
                folds[f] = featurize(fitFeaturizer(articles, i -> fold[i] != held, options.featurizer()));
            }
        }
        listener.stepFinished();
    }

    private FoldFeatures featurize(Featurizer featurizer) {
        SparseVector[] x = Parallel.featurize(featurizer, articles, false, null, options.threads(), pool, listener);
        SparseVector[] h = Parallel.featurize(featurizer, articles, true, this::headlineEligible, options.threads(), pool,
                TrainingListener.NONE);
        SparseVector[][] s = Parallel.featurizeSentences(featurizer, articles, i -> sentenceEligible[i], options.threads(), pool);
        return new FoldFeatures(featurizer, x, h, s);
    }

    /** Fits the featurizer on the articles {@code include} accepts (all when null). */
    static Featurizer fitFeaturizer(List<Article> articles, java.util.function.IntPredicate include, FeaturizerConfig config) {
        List<Article> fitOn = include == null ? articles : new ArrayList<>();
        for (int i = 0; include != null && i < articles.size(); i++) {
            if (include.test(i)) {
                fitOn.add(articles.get(i));
            }
        }
        return FeaturizerCodec.of(config.kind()).fit(config, fitOn);
    }

    /** Frees the fold features, for the final fit. */
    void release() {
        folds = null;
    }

    Margins outOfFold(BinaryLearner learner) {
        int n = fold.length;
        int l = truth.length;
        double[][] full = new double[n][l];
        double[][] headline = new double[n][];
        double[][][] sentence = new double[n][][];
        for (int i = 0; i < n; i++) {
            if (folds[fold[i]].headline()[i] != null) {
                headline[i] = new double[l];
            }
            if (folds[fold[i]].sentences()[i] != null) {
                sentence[i] = new double[l][];
            }
        }
        listener.stepStarted("cross-validating " + Learners.describe(learner), (long) folds.length * l);
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
                            options.seed() + 31L * held + label);
                    for (int i = 0; i < n; i++) {
                        if (fold[i] == held) {
                            full[i][label] = w.margin(ff.x()[i]);
                            if (headline[i] != null) {
                                headline[i][label] = w.margin(ff.headline()[i]);
                            }
                            if (sentence[i] != null) {
                                sentence[i][label] = bestTwo(w, ff.sentences()[i]);
                            }
                        }
                    }
                    listener.advanced(1);
                    return null;
                });
            }
        }
        Parallel.runAll(pool, tasks);
        listener.stepFinished();
        return new Margins(full, headline, sentence);
    }

    /** A fold whose training part lacks one class still gets a (constant) model. */
    private static LinearWeights fitOrConstant(BinaryLearner learner, TrainingSet data, long seed) {
        int pos = data.positives();
        if (pos == 0 || pos == data.size()) {
            return new LinearWeights(new float[data.dimension()], pos == 0 ? -1f : 1f);
        }
        return learner.fit(data, seed);
    }
}
