package newstopic.prediction;

import java.util.List;
import java.util.Map;

/**
 * The classifier's answer for one article. Immutable and thread-safe.
 *
 * @param id            the article's id, or {@code null} for bare text
 * @param title         the article's headline, possibly empty
 * @param labels        the labels assigned, in the model's label order
 * @param probabilities every label's calibrated probability, in the model's label order
 * @param explanations  per label, the n-grams that pushed its decision most (empty unless asked)
 */
public record Prediction(String id, String title, List<String> labels, Map<String, Double> probabilities,
                         Map<String, List<Contribution>> explanations) {

    public Prediction {
        labels = List.copyOf(labels); // no copy when it is already an immutable list
        // the classifier's own scores are immutable and ordered already: kept as they are
        probabilities = probabilities instanceof LabelScores ? probabilities
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        explanations = explanations.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(explanations));
    }

    /** Whether {@code label} was assigned. */
    public boolean has(String label) {
        return labels.contains(label);
    }
}
