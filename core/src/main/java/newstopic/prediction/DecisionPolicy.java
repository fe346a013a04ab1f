package newstopic.prediction;

import java.util.List;

import newstopic.model.Mode;
import newstopic.model.ModelHeader;

/**
 * How calibrated probabilities become labels: the one rule that cross-validation tunes and scores
 * and that {@link TopicClassifier} serves, so the metrics stored in a model describe what it does.
 * <ul>
 *   <li>Single-label: the most probable label (the first of equals).</li>
 *   <li>Multi-label: each label whose probability reaches its threshold. With the headline rule,
 *       for the labels it was validated on and in texts of at least {@link #headlineMinChars()}
 *       characters, a label's probability is the higher of the whole article's and the headline's
 *       alone (the label guide's "the headline is about it", which a long body would drown).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class DecisionPolicy {

    private final Mode mode;
    private final double[] thresholds;
    private final int headlineMinChars;
    private final boolean[] headline;

    /**
     * @param thresholds       per label, the probability from which it is assigned (multi-label)
     * @param headlineMinChars text length from which the headline rule applies; 0 turns it off
     * @param headline         per label, whether the headline rule applies to it
     */
    public DecisionPolicy(Mode mode, double[] thresholds, int headlineMinChars, boolean[] headline) {
        if (headline.length != thresholds.length) {
            throw new IllegalArgumentException("one headline flag per threshold expected");
        }
        this.mode = mode;
        this.thresholds = thresholds.clone();
        this.headlineMinChars = mode == Mode.MULTI ? headlineMinChars : 0;
        this.headline = headline.clone();
    }

    /** The policy a model header describes. */
    public static DecisionPolicy of(ModelHeader header) {
        List<String> labels = header.labels();
        double[] t = header.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] h = new boolean[labels.size()];
        for (int k = 0; k < h.length; k++) {
            // files from before the rule was validated per label applied it to every label
            h[k] = header.headlineLabels() == null || header.headlineLabels().contains(labels.get(k));
        }
        return new DecisionPolicy(header.mode(), t, header.headlineRule(), h);
    }

    public Mode mode() {
        return mode;
    }

    public int headlineMinChars() {
        return headlineMinChars;
    }

    public double threshold(int label) {
        return thresholds[label];
    }

    /** Whether the headline rule applies to label {@code k} at all. */
    public boolean headlineApplies(int k) {
        return headlineMinChars > 0 && headline[k];
    }

    /** Whether this article needs its headline scored alone. */
    public boolean needsHeadline(String title, String text) {
        if (headlineMinChars == 0 || title.isBlank() || text.length() < headlineMinChars) {
            return false;
        }
        for (boolean h : headline) {
            if (h) {
                return true;
            }
        }
        return false;
    }

    /** Folds the headline's probabilities into the article's, in place, for the labels the rule covers. */
    public void combine(double[] probabilities, double[] headlineProbabilities) {
        for (int k = 0; k < probabilities.length; k++) {
            if (headline[k]) {
                probabilities[k] = Math.max(probabilities[k], headlineProbabilities[k]);
            }
        }
    }

    /** Whether label {@code k} is assigned, given every label's (combined) probability. */
    public boolean decide(double[] probabilities, int k) {
        if (mode == Mode.SINGLE) {
            return k == argmax(probabilities);
        }
        return probabilities[k] >= thresholds[k];
    }

    /** The index of the highest probability; the first of equals. */
    public static int argmax(double[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }
}
