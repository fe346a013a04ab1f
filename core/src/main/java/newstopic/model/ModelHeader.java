package newstopic.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newstopic.Version;
import newstopic.evaluation.CvReport;
import newstopic.features.FeaturizerConfig;

/**
 * The self-description at the head of a model file, stored as JSON: labels and how to decide
 * them, the featurizer settings, the learner and its hyperparameters, provenance, cross-validation
 * metrics and the strongest features of each label. Immutable and thread-safe. Build one by hand
 * with {@link #builder}.
 *
 * @param labels        label names, in the order of the weight columns
 * @param mode          multi-label or single-label decisions
 * @param thresholds    per label: the probability at or above which it is assigned (multi mode)
 * @param calibration   per label: margin to probability
 * @param featurizer    how text becomes features
 * @param learner       the learner's name
 * @param hyperparameters the learner's settings, as given and as chosen
 * @param provenance    what the model was trained on, and how
 * @param metrics       cross-validation results of the classifier as served, or {@code null}
 * @param topFeatures   per label, the n-grams with the largest positive and negative weights
 * @param headlineRule  multi-label: for articles whose text has at least this many characters, a
 *                      label also applies when the headline alone earns it (the guide's "the
 *                      headline is about it"); 0 turns it off
 * @param headlineThresholds per label, the probability the headline alone needs, or {@code null}
 *                      where the rule is off for the label (training keeps it only where
 *                      cross-validation says it helps); the list itself is {@code null} in older
 *                      files, whose rule used each label's own threshold for every label
 * @param sentenceRule  multi-label: in articles of at least this many sentences, a label's
 *                      probability comes from its {@link SentenceWeights} instead of the article's
 *                      calibration alone; 0 (and in older files, absent) turns it off
 * @param sentenceWeights per label, its sentence rule, or {@code null} where the rule is off for the
 *                      label (training keeps it only where cross-validation says it helps); the
 *                      list itself is {@code null} when the rule is off
 * @param shortText     multi-label: texts of fewer characters than this are decided with
 *                      {@code shortThresholds}; 0 (and in older files, absent) means one threshold
 *                      per label for every text
 * @param shortThresholds per label, the threshold for short texts, or {@code null} when
 *                      {@code shortText} is 0
 */
public record ModelHeader(List<String> labels, Mode mode, List<Double> thresholds, List<Calibration> calibration,
                          FeaturizerConfig featurizer, String learner, Map<String, Object> hyperparameters,
                          Provenance provenance, CvReport metrics, Map<String, List<FeatureWeight>> topFeatures,
                          int headlineRule, List<Double> headlineThresholds, int sentenceRule,
                          List<SentenceWeights> sentenceWeights, int shortText, List<Double> shortThresholds) {

    public ModelHeader {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one label");
        }
        labels = List.copyOf(labels);
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (!seen.add(label)) {
                throw new IllegalArgumentException("label '" + label + "' is listed twice");
            }
        }
        if (mode == null || featurizer == null || thresholds == null || calibration == null) {
            throw new IllegalArgumentException("mode, featurizer, thresholds and calibration are required");
        }
        thresholds = List.copyOf(thresholds);
        calibration = List.copyOf(calibration);
        hyperparameters = hyperparameters == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hyperparameters));
        topFeatures = topFeatures == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topFeatures));
        headlineThresholds = headlineThresholds == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(headlineThresholds));
        if (headlineRule < 0) {
            throw new IllegalArgumentException("headline rule must be 0 (off) or a length, got " + headlineRule);
        }
        if (sentenceRule < 0 || sentenceRule == 1) {
            throw new IllegalArgumentException("sentence rule must be 0 (off) or a number of sentences from 2, got " + sentenceRule);
        }
        sentenceWeights = sentenceWeights == null ? null : Collections.unmodifiableList(new ArrayList<>(sentenceWeights));
        if (sentenceWeights != null && sentenceWeights.size() != labels.size()) {
            throw new IllegalArgumentException("one set of sentence weights (or null) per label expected");
        }
        if (thresholds.size() != labels.size() || calibration.size() != labels.size()) {
            throw new IllegalArgumentException("one threshold and one calibration per label expected");
        }
        for (int k = 0; k < labels.size(); k++) {
            Double t = thresholds.get(k);
            if (t == null || !(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("the threshold of label '" + labels.get(k) + "' is " + t
                        + "; thresholds are probabilities from 0 to 1");
            }
            Calibration c = calibration.get(k);
            if (c == null || !Double.isFinite(c.a()) || !Double.isFinite(c.b())) {
                throw new IllegalArgumentException("the calibration of label '" + labels.get(k) + "' is " + c
                        + "; finite numbers are expected");
            }
        }
        if (shortText < 0 || (shortText > 0) != (shortThresholds != null)) {
            throw new IllegalArgumentException("short-text thresholds come with a length from 1, or neither: got "
                    + shortText + " and " + shortThresholds);
        }
        if (shortThresholds != null && shortThresholds.size() != labels.size()) {
            throw new IllegalArgumentException("one short-text threshold per label expected");
        }
        for (int k = 0; shortThresholds != null && k < labels.size(); k++) {
            Double t = shortThresholds.get(k);
            if (t == null || !(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("the short-text threshold of label '" + labels.get(k) + "' is " + t
                        + "; thresholds are probabilities from 0 to 1");
            }
        }
        shortThresholds = shortThresholds == null ? null : List.copyOf(shortThresholds);
        if (headlineThresholds != null) {
            if (headlineThresholds.size() != labels.size()) {
                throw new IllegalArgumentException("one headline threshold (or null) per label expected");
            }
            for (int k = 0; k < labels.size(); k++) {
                Double h = headlineThresholds.get(k);
                if (h != null && !(h >= 0 && h <= 1)) {
                    throw new IllegalArgumentException("the headline threshold of label '" + labels.get(k) + "' is " + h
                            + "; thresholds are probabilities from 0 to 1");
                }
            }
        }
    }

    /** A header with the given labels and featurizer, and defaults for the rest (see {@link Builder}). */
    public static Builder builder(List<String> labels, FeaturizerConfig featurizer) {
        return new Builder(labels, featurizer);
    }

    /**
     * Builds a header for a hand-made model: multi-label, thresholds 0.5, plain logistic
     * calibration, learner {@code custom}, no metrics, no headline or sentence rule, no short-text
     * thresholds, provenance stamped now. Not thread-safe.
     */
    public static final class Builder {
        private final List<String> labels;
        private final FeaturizerConfig featurizer;
        private Mode mode = Mode.MULTI;
        private List<Double> thresholds;
        private List<Calibration> calibration;
        private String learner = "custom";
        private Map<String, Object> hyperparameters = Map.of();
        private Provenance provenance;
        private CvReport metrics;
        private Map<String, List<FeatureWeight>> topFeatures = Map.of();
        private int headlineRule;
        private List<Double> headlineThresholds;
        private int sentenceRule;
        private List<SentenceWeights> sentenceWeights;
        private int shortText;
        private List<Double> shortThresholds;

        private Builder(List<String> labels, FeaturizerConfig featurizer) {
            this.labels = List.copyOf(labels);
            this.featurizer = featurizer;
            this.thresholds = Collections.nCopies(labels.size(), 0.5);
            this.calibration = Collections.nCopies(labels.size(), Calibration.LOGISTIC);
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder thresholds(List<Double> thresholds) {
            this.thresholds = new ArrayList<>(thresholds);
            return this;
        }

        public Builder calibration(List<Calibration> calibration) {
            this.calibration = new ArrayList<>(calibration);
            return this;
        }

        public Builder learner(String learner, Map<String, Object> hyperparameters) {
            this.learner = learner;
            this.hyperparameters = hyperparameters;
            return this;
        }

        public Builder provenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        public Builder metrics(CvReport metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder topFeatures(Map<String, List<FeatureWeight>> topFeatures) {
            this.topFeatures = topFeatures;
            return this;
        }

        /**
         * Turns the headline rule on in texts of at least {@code minChars} characters, with per label
         * the probability the headline alone needs ({@code null} entries: off for that label; a
         * {@code null} list: each label's own threshold, as older files have it).
         */
        public Builder headlineRule(int minChars, List<Double> thresholds) {
            this.headlineRule = minChars;
            this.headlineThresholds = thresholds;
            return this;
        }

        /**
         * Turns the sentence rule on in articles of at least {@code minSentences} sentences, with per
         * label its weights ({@code null} entries: off for that label).
         */
        public Builder sentenceRule(int minSentences, List<SentenceWeights> weights) {
            this.sentenceRule = minSentences;
            this.sentenceWeights = weights;
            return this;
        }

        /** Decides texts of fewer than {@code chars} characters with their own per-label thresholds (0 and null: off). */
        public Builder shortText(int chars, List<Double> thresholds) {
            this.shortText = chars;
            this.shortThresholds = thresholds;
            return this;
        }

        public ModelHeader build() {
            Provenance p = provenance != null ? provenance
                    : new Provenance(Instant.now().toString(), Version.get(), System.getProperty("java.version"), "", 0,
                            List.of(), 0, Map.of());
            return new ModelHeader(labels, mode, thresholds, calibration, featurizer, learner, hyperparameters, p, metrics,
                    topFeatures, headlineRule, headlineThresholds, sentenceRule, sentenceWeights, shortText,
                    shortThresholds);
        }
    }
}
