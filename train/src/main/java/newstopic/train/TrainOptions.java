package newstopic.train;

import java.util.List;

import newstopic.features.FeaturizerConfig;
import newstopic.model.Mode;
import newstopic.text.AnalyzerConfig;
import newstopic.train.learn.Learners;

/**
 * Everything {@link TopicTrainer} needs besides the articles, checked when built. Start from
 * {@link #builder()}: every setting has a default, and some defaults follow the mode (see the
 * builder's methods). Immutable and thread-safe.
 *
 * @param labels        the label vocabulary, or {@code null} to take the labels found in the data
 * @param mode          multi-label (one-vs-rest with tuned thresholds) or single-label (argmax)
 * @param featurizer    text to features
 * @param learner       a name from {@link Learners#names()}
 * @param c             the SVM's regularization constant
 * @param nbAlpha       naive Bayes additive smoothing
 * @param balanced      weigh each label's positive and negative examples inversely to their frequency
 * @param folds         cross-validation folds for calibration, thresholds and metrics (2 or more)
 * @param repeats       cross-validation runs, each with other folds, pooled for calibration,
 *                      thresholds and metrics: one run's thresholds move with its folds (1 or more)
 * @param seed          makes folds and learners repeatable
 * @param threads       worker threads
 * @param nearDuplicate Jaccard similarity of word 3-shingles from which two articles count as copies
 * @param headlineRule  multi-label: text length from which the headline alone may also assign a
 *                      label, kept per label only where cross-validation says it helps (0 = off)
 * @param sentenceRule  multi-label: sentences from which a label's probability may come from the
 *                      article's margin and its two best sentences' margins, kept per label only
 *                      where cross-validation says it helps (0 = off)
 * @param shortText     multi-label: texts of fewer characters get thresholds of their own, the
 *                      lowest of the thresholds whose out-of-fold F1 is within the plateau of the
 *                      best, where the others get the middle one (0 = one threshold for all)
 * @param longLearner   multi-label with short-text thresholds: a learner name from {@link Learners#names()}
 *                      that gives one learner, whose model decides the texts that are not short when
 *                      cross-validation says it decides them better than {@code learner}'s
 *                      ({@value #NO_LONG_LEARNER}: one model for every text)
 * @param command       how training was invoked, for the model's provenance ("" from Java)
 */
public record TrainOptions(List<String> labels, Mode mode, FeaturizerConfig featurizer, String learner, double c,
                           double nbAlpha, boolean balanced, int folds, int repeats, long seed, int threads, double nearDuplicate,
                           int headlineRule, int sentenceRule, int shortText, String longLearner, String command) {

    /** The {@code longLearner} that keeps one model for every text. */
    public static final String NO_LONG_LEARNER = "none";

    public TrainOptions {
        labels = labels == null ? null : List.copyOf(labels);
        if (mode == null || featurizer == null || learner == null || longLearner == null || command == null) {
            throw new IllegalArgumentException("mode, featurizer, learner, long-text learner and command must be given");
        }
        if (!Learners.names().contains(learner)) {
            throw new IllegalArgumentException("unknown learner '" + learner + "' (one of "
                    + String.join(", ", Learners.names()) + ")");
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be a positive number, got " + c);
        }
        if (!(nbAlpha > 0) || Double.isInfinite(nbAlpha)) {
            throw new IllegalArgumentException("naive Bayes smoothing must be a positive number, got " + nbAlpha);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("cross-validation runs at least once, got " + repeats + " repeats");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (!(nearDuplicate > 0 && nearDuplicate <= 1)) {
            throw new IllegalArgumentException("near-duplicate similarity must be in (0, 1], got " + nearDuplicate);
        }
        if (headlineRule < 0) {
            throw new IllegalArgumentException("headline rule must be 0 (off) or a length, got " + headlineRule);
        }
        if (sentenceRule < 0 || sentenceRule == 1) {
            throw new IllegalArgumentException("sentence rule must be 0 (off) or a number of sentences from 2, got " + sentenceRule);
        }
        if (shortText < 0) {
            throw new IllegalArgumentException("short text must be 0 (off) or a length, got " + shortText);
        }
        if (!longLearner.equals(NO_LONG_LEARNER) && (!Learners.names().contains(longLearner)
                || Learners.candidates(longLearner, new Learners.Settings(c, balanced, nbAlpha)).size() != 1)) {
            throw new IllegalArgumentException("long-text learner '" + longLearner + "' is not one learner (one of "
                    + String.join(", ", Learners.names()) + " but auto, or " + NO_LONG_LEARNER + ")");
        }
    }

    /** Whether texts that are not short get a model of their own learner, when cross-validation says it helps. */
    public boolean routesLongTexts() {
        return mode == Mode.MULTI && shortText > 0 && !longLearner.equals(NO_LONG_LEARNER) && !longLearner.equals(learner);
    }

    /**
     * The featurizer training uses unless told otherwise: tf-idf over word 1-2-grams, stop words
     * dropped, Porter stems, and a headline word counting as much as a body word (weighting it
     * twice did worse on both real test sets, dev.csv and NYT-CAP).
     */
    public static final FeaturizerConfig DEFAULT_FEATURIZER = FeaturizerConfig.DEFAULT
            .withAnalyzer(AnalyzerConfig.DEFAULT.withStopWords(true).withStem(true))
            .withTitleWeight(1f);

    /** The defaults: multi-label, {@link #DEFAULT_FEATURIZER}, the svm+cnb ensemble, 5 folds run 3 times, seed 42, every core. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.labels = labels;
        b.mode = mode;
        b.featurizer = featurizer;
        b.learner = learner;
        b.c = c;
        b.nbAlpha = nbAlpha;
        b.balanced = balanced;
        b.folds = folds;
        b.repeats = repeats;
        b.seed = seed;
        b.threads = threads;
        b.nearDuplicate = nearDuplicate;
        b.headlineRule = headlineRule;
        b.sentenceRule = sentenceRule;
        b.shortText = shortText;
        b.longLearner = longLearner;
        b.command = command;
        return b;
    }

    /** Collects options; {@link #build} checks them. Not thread-safe. */
    public static final class Builder {
        private List<String> labels;
        private Mode mode = Mode.MULTI;
        private FeaturizerConfig featurizer = DEFAULT_FEATURIZER;
        private String learner = "svm+cnb";
        private Double c;
        private double nbAlpha = 0.1;
        private Boolean balanced;
        private int folds = 5;
        private int repeats = 3;
        private long seed = 42;
        private int threads = Runtime.getRuntime().availableProcessors();
        private double nearDuplicate = 0.8;
        private int headlineRule = 600;
        private int sentenceRule = 5;
        private int shortText = 600;
        private String longLearner = "nbsvm";
        private String command = "";

        private Builder() {
        }

        /** The label vocabulary; by default the labels found in the data. */
        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder featurizer(FeaturizerConfig featurizer) {
            this.featurizer = featurizer;
            return this;
        }

        public Builder learner(String learner) {
            this.learner = learner;
            return this;
        }

        /**
         * SVM regularization; by default 0.25 for multi-label (generalizes best to news unlike the
         * training set) and 0.5 for single-label.
         */
        public Builder c(double c) {
            this.c = c;
            return this;
        }

        public Builder nbAlpha(double nbAlpha) {
            this.nbAlpha = nbAlpha;
            return this;
        }

        /** Class weights; by default balanced for multi-label, none for single-label (classes compete by argmax). */
        public Builder balanced(boolean balanced) {
            this.balanced = balanced;
            return this;
        }

        public Builder folds(int folds) {
            this.folds = folds;
            return this;
        }

        public Builder repeats(int repeats) {
            this.repeats = repeats;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder nearDuplicate(double nearDuplicate) {
            this.nearDuplicate = nearDuplicate;
            return this;
        }

        public Builder headlineRule(int headlineRule) {
            this.headlineRule = headlineRule;
            return this;
        }

        public Builder sentenceRule(int sentenceRule) {
            this.sentenceRule = sentenceRule;
            return this;
        }

        /** Texts of fewer characters get thresholds of their own; 0 turns that off. Default: 600. */
        public Builder shortText(int shortText) {
            this.shortText = shortText;
            return this;
        }

        /**
         * The learner whose model decides texts that are not short, when cross-validation says it
         * decides them better; {@value TrainOptions#NO_LONG_LEARNER} keeps one model. Default: nbsvm
         * (on data/ it found the second topic of long articles that the headline or a few sentences
         * earn, where svm+cnb, better on short texts, gave the whole article's dominant vocabulary).
         */
        public Builder longLearner(String longLearner) {
            this.longLearner = longLearner;
            return this;
        }

        public Builder command(String command) {
            this.command = command;
            return this;
        }

        /** The options, checked; {@link IllegalArgumentException} names the first bad one. */
        public TrainOptions build() {
            double cValue = c != null ? c : mode == Mode.MULTI ? 0.25 : 0.5;
            boolean balancedValue = balanced != null ? balanced : mode == Mode.MULTI;
            return new TrainOptions(labels, mode, featurizer, learner, cValue, nbAlpha, balancedValue, folds, repeats, seed,
                    threads, nearDuplicate, headlineRule, sentenceRule, shortText, longLearner, command);
        }
    }
}
