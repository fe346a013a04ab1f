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
 *       characters, a label also applies when the headline alone reaches the label's headline
 *       threshold (the label guide's "the headline is about it", which a long body would drown);
 *       the label's probability is then the higher of the article's and the headline's.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class DecisionPolicy {

    private final Mode mode;
    private final double[] thresholds;
    private final int headlineMinChars;
    private final double[] headline;

    /**
     * @param thresholds         per label, the probability from which it is assigned (multi-label)
     * @param headlineMinChars   text length from which the headline rule applies; 0 turns it off
     * @param headlineThresholds per label, the probability the headline alone needs; NaN where the
     *                           rule is off for the label
     */
    public DecisionPolicy(Mode mode, double[] thresholds, int headlineMinChars, double[] headlineThresholds) {
        if (headlineThresholds.length != thresholds.length) {
            throw new IllegalArgumentException("one headline threshold per threshold expected");
        }
        this.mode = mode;
        this.thresholds = thresholds.clone();
        this.headlineMinChars = mode == Mode.MULTI ? headlineMinChars : 0;
        this.headline = headlineThresholds.clone();
    }

    /** The policy a model header describes. */
    public static DecisionPolicy of(ModelHeader header) {
        int l = header.labels().size();
        double[] t = header.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
        double[] h = new double[l];
        for (int k = 0; k < l; k++) {
            // files from before the rule was validated per label used each label's own threshold
            Double given = header.headlineThresholds() == null ? Double.valueOf(t[k]) : header.headlineThresholds().get(k);
            h[k] = given == null ? Double.NaN : given;
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
        return headlineMinChars > 0 && !Double.isNaN(headline[k]);
    }

    /** The probability label {@code k}'s headline alone needs, or NaN where the rule is off. */
    public double headlineThreshold(int k) {
        return headlineApplies(k) ? headline[k] : Double.NaN;
    }

    /** Whether this article needs its headline scored alone. */
    public boolean needsHeadline(String title, String text) {
        if (headlineMinChars == 0 || title.isBlank() || text.length() < headlineMinChars) {
            return false;
        }
        for (double h : headline) {
            if (!Double.isNaN(h)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decides every label into {@code decisions}. For the labels under the headline rule, the
     * label applies when the article or the headline alone reaches its threshold, and the
     * probability reported becomes the headline's when that is higher. {@code headlineProbabilities}
     * is null when the article's headline was not scored.
     */
    public void decide(double[] probabilities, double[] headlineProbabilities, boolean[] decisions) {
        if (mode == Mode.SINGLE) {
            int best = argmax(probabilities);
            for (int k = 0; k < probabilities.length; k++) {
                decisions[k] = k == best;
            }
            return;
        }
        for (int k = 0; k < probabilities.length; k++) {
            decisions[k] = probabilities[k] >= thresholds[k];
            if (headlineProbabilities != null && !Double.isNaN(headline[k])) {
                decisions[k] |= headlineProbabilities[k] >= headline[k];
                probabilities[k] = Math.max(probabilities[k], headlineProbabilities[k]);
            }
        }
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
