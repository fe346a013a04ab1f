package newstopic.prediction;

/**
 * How much one n-gram of the text moved a label's score: its feature value times the label's
 * weight (positive pushes towards the label). Where a rule decided the label, the score is the
 * rule's: the headline's margin for the headline rule; for the sentence rule, the sum over the
 * article and its two best sentences of that value, each times the rule's weight for it.
 * Immutable and thread-safe.
 */
public record Contribution(String ngram, double weight) {
}
