package newstopic.prediction;

/**
 * How much one n-gram of the text moved a label's score: its feature value times the label's
 * weight (positive pushes towards the label). Immutable and thread-safe.
 */
public record Contribution(String ngram, double weight) {
}
