package newstopic.model;

import java.util.List;
import java.util.Map;

import newstopic.article.Article;
import newstopic.article.Source;
import newstopic.features.Featurizer;
import newstopic.features.FeaturizerConfig;
import newstopic.features.TfIdfFitter;

/** Small hand-built models for tests: weights set by hand, no training. */
public final class TestModels {

    private TestModels() {
    }

    /**
     * Two labels over a tiny vocabulary: "war" and "shelling" push conflict, "talks" and "envoy"
     * push diplomacy; everything else is neutral.
     */
    public static TopicModel small(Mode mode) {
        return small(mode, 0);
    }

    /** As {@link #small(Mode)}, with the headline rule for texts of {@code headlineRule} characters. */
    public static TopicModel small(Mode mode, int headlineRule) {
        List<Article> docs = List.of(
                Article.of("a", "", "war shelling talks envoy market", new Source("t", 1), null),
                Article.of("b", "", "war talks market weather", new Source("t", 2), null));
        FeaturizerConfig config = FeaturizerConfig.DEFAULT.withMinDf(1).withMaxNgram(1);
        Featurizer f = TfIdfFitter.fit(config, docs);
        float[] w = new float[f.dimension() * 2];
        var tfidf = (newstopic.features.TfIdfFeaturizer) f;
        for (int i = 0; i < f.dimension(); i++) {
            switch (tfidf.ngram(i)) {
                case "war" -> w[i * 2] = 3f;
                case "shelling" -> w[i * 2] = 4f;
                case "talks" -> w[i * 2 + 1] = 3f;
                case "envoy" -> w[i * 2 + 1] = 4f;
                default -> {
                }
            }
        }
        ModelHeader header = ModelHeader.builder(List.of("conflict", "diplomacy"), config)
                .mode(mode)
                .thresholds(List.of(0.5, 0.6))
                .calibration(List.of(new Calibration(2, 0), Calibration.LOGISTIC))
                .learner("test", Map.of("C", 1.0))
                .provenance(new Provenance("2026-01-01T00:00:00Z", "test", "25", "by hand", 7,
                        List.of(new Provenance.InputFile("t.csv", "abc", 2)), 2, Map.of("conflict", 1)))
                .topFeatures(Map.of("conflict", List.of(new FeatureWeight("shelling", 4))))
                .headlineRule(headlineRule, null)
                .build();
        return new TopicModel(header, f, w, new float[] {-1f, -1f});
    }

    /** {@code model} with the sentence rule on in articles of {@code minSentences} sentences. */
    public static TopicModel withSentenceRule(TopicModel model, int minSentences, List<SentenceWeights> weights) {
        ModelHeader h = model.header();
        ModelHeader header = new ModelHeader(h.labels(), h.mode(), h.thresholds(), h.calibration(), h.featurizer(),
                h.learner(), h.hyperparameters(), h.provenance(), h.metrics(), h.topFeatures(), h.headlineRule(),
                h.headlineThresholds(), minSentences, weights, h.shortText(), h.shortThresholds());
        return new TopicModel(header, model.featurizer(), model.weights(), model.biases());
    }

    /** {@code model} with its own thresholds for texts of fewer than {@code chars} characters. */
    public static TopicModel withShortText(TopicModel model, int chars, List<Double> thresholds) {
        ModelHeader h = model.header();
        ModelHeader header = new ModelHeader(h.labels(), h.mode(), h.thresholds(), h.calibration(), h.featurizer(),
                h.learner(), h.hyperparameters(), h.provenance(), h.metrics(), h.topFeatures(), h.headlineRule(),
                h.headlineThresholds(), h.sentenceRule(), h.sentenceWeights(), chars, thresholds);
        return new TopicModel(header, model.featurizer(), model.weights(), model.biases());
    }

    /**
     * {@code model} with texts of {@code chars} characters or more decided by a long-text model of
     * its own over the same featurizer, in which only "market" counts, for conflict (weight 5, bias
     * -1, threshold 0.5 for both labels).
     */
    public static TopicModel withLongTexts(TopicModel model, int chars) {
        TopicModel split = withShortText(model, chars, model.header().thresholds());
        ModelHeader h = model.header();
        ModelHeader longHeader = new ModelHeader(h.labels(), h.mode(), List.of(0.5, 0.5), List.of(Calibration.LOGISTIC,
                Calibration.LOGISTIC), h.featurizer(), "long test", Map.of(), h.provenance(), null, Map.of(), 0, null, 0, null,
                0, null);
        Featurizer f = model.featurizer();
        float[] w = new float[f.dimension() * 2];
        for (int i = 0; i < f.dimension(); i++) {
            if (((newstopic.features.TfIdfFeaturizer) f).ngram(i).equals("market")) {
                w[i * 2] = 5f;
            }
        }
        return split.withLongTexts(new TopicModel(longHeader, f, w, new float[] {-1f, -1f}));
    }
}
