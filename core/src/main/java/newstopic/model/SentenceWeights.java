package newstopic.model;

/**
 * One label's sentence rule: a logistic model over the article's margin and the margins of its two
 * best sentences, each sentence scored alone by the same weights. The label guide calls a topic
 * substantial when "a couple of sentences develop it": a whole-article score cannot tell two
 * developed sentences from a passing mention spread over a long text, the second-best sentence can.
 * Immutable and thread-safe.
 *
 * @param bias    the intercept
 * @param article the weight of the article's margin
 * @param best    the weight of the best sentence's margin
 * @param second  the weight of the second-best sentence's margin
 */
public record SentenceWeights(double bias, double article, double best, double second) {

    public SentenceWeights {
        if (!Double.isFinite(bias) || !Double.isFinite(article) || !Double.isFinite(best) || !Double.isFinite(second)) {
            throw new IllegalArgumentException("sentence weights must be finite numbers");
        }
    }

    /** The label's probability from the three margins. */
    public double probability(double articleMargin, double bestMargin, double secondMargin) {
        return Calibration.logistic(bias + article * articleMargin + best * bestMargin + second * secondMargin);
    }

    /**
     * Takes one more sentence's margin for label {@code k} into the best and second-best margins
     * seen so far ({@code best[k]} and {@code second[k]}, negative infinity before the first).
     */
    public static void offer(double margin, double[] best, double[] second, int k) {
        if (margin > best[k]) {
            second[k] = best[k];
            best[k] = margin;
        } else if (margin > second[k]) {
            second[k] = margin;
        }
    }
}
