package newstopic.model;

/** A named feature and its weight for one label, as listed by {@code inspect}. Immutable and thread-safe. */
public record FeatureWeight(String ngram, double weight) {
}
