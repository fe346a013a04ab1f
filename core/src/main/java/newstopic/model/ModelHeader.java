package newstopic.model;

import java.util.List;
import java.util.Map;

import newstopic.features.FeaturizerConfig;
import tools.jackson.databind.JsonNode;

/**
 * The self-description at the head of a model file, stored as JSON: labels and how to decide
 * them, the featurizer settings, the learner and its hyperparameters, provenance, cross-validation
 * metrics and the strongest features of each label. Immutable and thread-safe (the metrics node
 * must not be modified).
 *
 * @param labels        label names, in the order of the weight columns
 * @param mode          multi-label or single-label decisions
 * @param thresholds    per label: the probability at or above which it is assigned (multi mode)
 * @param calibration   per label: margin to probability
 * @param featurizer    how text becomes features
 * @param learner       the learner's name
 * @param hyperparameters the learner's settings, as given and as chosen
 * @param provenance    what the model was trained on, and how
 * @param metrics       evaluation results from training (cross-validation), free-form JSON
 * @param topFeatures   per label, the n-grams with the largest positive and negative weights
 * @param headlineRule  multi-label: for articles whose text has at least this many characters, a
 *                      label also applies when the headline alone passes its threshold (the guide's
 *                      "the headline is about it"; a long body would otherwise drown a headline).
 *                      0 turns it off
 */
public record ModelHeader(List<String> labels, Mode mode, List<Double> thresholds, List<Calibration> calibration,
                          FeaturizerConfig featurizer, String learner, Map<String, Object> hyperparameters,
                          Provenance provenance, JsonNode metrics, Map<String, List<FeatureWeight>> topFeatures,
                          int headlineRule) {

    public ModelHeader {
        labels = List.copyOf(labels);
        thresholds = List.copyOf(thresholds);
        calibration = List.copyOf(calibration);
        hyperparameters = Map.copyOf(hyperparameters);
        topFeatures = Map.copyOf(topFeatures);
        if (metrics != null && (metrics.isNull() || metrics.isMissingNode())) {
            metrics = null; // JSON null reads back as a node: keep one meaning for "no metrics"
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one label");
        }
        if (headlineRule < 0) {
            throw new IllegalArgumentException("headline rule must be 0 (off) or a length, got " + headlineRule);
        }
        if (thresholds.size() != labels.size() || calibration.size() != labels.size()) {
            throw new IllegalArgumentException("one threshold and one calibration per label expected");
        }
    }
}
