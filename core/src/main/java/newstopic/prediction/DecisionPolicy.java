package newstopic.prediction;

import java.util.List;

import newstopic.model.Mode;
import newstopic.model.ModelHeader;
import newstopic.model.SentenceWeights;
import newstopic.text.Sentences;

/**
 * How calibrated probabilities become labels: the one rule that cross-validation tunes and scores
 * and that {@link TopicClassifier} serves, so the metrics stored in a model describe what it does.
 * <ul>
 *   <li>Single-label: the most probable label (the first of equals).</li>
 *   <li>Multi-label: each label whose probability reaches its threshold: with short-text
 *       thresholds, texts of fewer than {@link #shortTextChars()} characters have thresholds of
 *       their own. With the headline rule,
 *       for the labels it was validated on and in texts of at least {@link #headlineMinChars()}
 *       characters, a label also applies when the headline alone reaches the label's headline
 *       threshold (the label guide's "the headline is about it", which a long body would drown);
 *       the label's probability is then the higher of the article's and the headline's.</li>
 *   <li>Multi-label, with the sentence rule: for the labels it was validated on and in articles of
 *       at least {@link #sentenceMinCount()} {@link Sentences sentences}, the label's probability
 *       is its {@link SentenceWeights}' logistic model of the article's margin and its two best
 *       sentences' margins (the guide's "a couple of sentences develop it"), then thresholded as usual.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class DecisionPolicy {

    private final Mode mode;
    private final double[] thresholds;
    private final int headlineMinChars;
    private final double[] headline;
    private final int sentenceMin;
    private final SentenceWeights[] sentence;
    private final int shortChars;
    private final double[] shortThresholds;

    /** A policy without the sentence rule and short-text thresholds. */
    public DecisionPolicy(Mode mode, double[] thresholds, int headlineMinChars, double[] headlineThresholds) {
        this(mode, thresholds, headlineMinChars, headlineThresholds, 0, new SentenceWeights[thresholds.length], 0, null);
    }

    /**
     * @param thresholds         per label, the probability from which it is assigned (multi-label)
     * @param headlineMinChars   text length from which the headline rule applies; 0 turns it off
     * @param headlineThresholds per label, the probability the headline alone needs; NaN where the
     *                           rule is off for the label
     * @param sentenceMin        sentences from which the sentence rule applies; 0 turns it off
     * @param sentenceWeights    per label, its sentence rule, or null where the rule is off for the label
     * @param shortChars         text length under which {@code shortThresholds} decide; 0 turns them off
     * @param shortThresholds    per label, the threshold of short texts, or null
     */
    public DecisionPolicy(Mode mode, double[] thresholds, int headlineMinChars, double[] headlineThresholds,
                          int sentenceMin, SentenceWeights[] sentenceWeights, int shortChars, double[] shortThresholds) {
        if (headlineThresholds.length != thresholds.length || sentenceWeights.length != thresholds.length
                || (shortThresholds != null && shortThresholds.length != thresholds.length)) {
            throw new IllegalArgumentException("one headline threshold, sentence rule and short-text threshold per threshold expected");
        }
        this.mode = mode;
        this.thresholds = thresholds.clone();
        this.shortChars = mode == Mode.MULTI && shortThresholds != null ? shortChars : 0;
        this.shortThresholds = this.shortChars > 0 ? shortThresholds.clone() : this.thresholds;
        this.headlineMinChars = mode == Mode.MULTI ? headlineMinChars : 0;
        this.headline = headlineThresholds.clone();
        boolean any = false;
        for (SentenceWeights w : sentenceWeights) {
            any |= w != null;
        }
        this.sentenceMin = mode == Mode.MULTI && any ? sentenceMin : 0;
        this.sentence = sentenceWeights.clone();
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
        SentenceWeights[] w = new SentenceWeights[l];
        if (header.sentenceWeights() != null) {
            header.sentenceWeights().toArray(w);
        }
        double[] shortThresholds = header.shortThresholds() == null ? null
                : header.shortThresholds().stream().mapToDouble(Double::doubleValue).toArray();
        return new DecisionPolicy(header.mode(), t, header.headlineRule(), h, header.sentenceRule(), w,
                header.shortText(), shortThresholds);
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

    /** The length under which a text is decided with {@link #shortThreshold}; 0 when there is none. */
    public int shortTextChars() {
        return shortChars;
    }

    /** Label {@code k}'s threshold for short texts (its {@link #threshold} when there is none). */
    public double shortThreshold(int k) {
        return shortThresholds[k];
    }

    /** Whether this text is decided with the short-text thresholds. */
    public boolean isShort(String text) {
        return isShort(text, shortChars);
    }

    /** Whether a text is short under short-text thresholds for texts of fewer than {@code shortChars} characters. */
    public static boolean isShort(String text, int shortChars) {
        return text.length() < shortChars;
    }

    /** Whether the headline rule applies to label {@code k} at all. */
    public boolean headlineApplies(int k) {
        return headlineMinChars > 0 && !Double.isNaN(headline[k]);
    }

    /** The probability label {@code k}'s headline alone needs, or NaN where the rule is off. */
    public double headlineThreshold(int k) {
        return headlineApplies(k) ? headline[k] : Double.NaN;
    }

    /** The number of sentences from which the sentence rule applies; 0 when it is off. */
    public int sentenceMinCount() {
        return sentenceMin;
    }

    /** Label {@code k}'s sentence rule, or null where it is off. */
    public SentenceWeights sentenceWeights(int k) {
        return sentenceMin > 0 ? sentence[k] : null;
    }

    /** Whether this text needs its sentences scored alone: the rule is on and the text has enough sentences. */
    public boolean needsSentences(String text) {
        return sentenceMin > 0 && Sentences.atLeast(text, sentenceMin);
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

    /** Decides every label into {@code decisions}, for a long article whose sentences were not scored. */
    public void decide(double[] probabilities, double[] headlineProbabilities, boolean[] decisions) {
        decide(probabilities, headlineProbabilities, null, false, decisions);
    }

    /**
     * Decides every label into {@code decisions}. For the labels under the sentence rule, the
     * article's probability becomes the rule's ({@code sentenceProbabilities}, null when the
     * article's sentences were not scored). For the labels under the headline rule, the label
     * applies when the article or the headline alone reaches its threshold, and the probability
     * reported becomes the headline's when that is higher. {@code headlineProbabilities} is null
     * when the article's headline was not scored. {@code shortText}: the text is {@link #isShort short},
     * and its labels are decided with the short-text thresholds.
     */
    public void decide(double[] probabilities, double[] headlineProbabilities, double[] sentenceProbabilities,
                       boolean shortText, boolean[] decisions) {
        double[] cut = shortText ? shortThresholds : thresholds;
        if (mode == Mode.SINGLE) {
            int best = argmax(probabilities);
            for (int k = 0; k < probabilities.length; k++) {
                decisions[k] = k == best;
            }
            return;
        }
        for (int k = 0; k < probabilities.length; k++) {
            if (sentenceProbabilities != null && sentence[k] != null) {
                probabilities[k] = sentenceProbabilities[k];
            }
            decisions[k] = probabilities[k] >= cut[k];
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
