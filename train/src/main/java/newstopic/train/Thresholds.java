package newstopic.train;

import java.util.Arrays;

/**
 * Picks a label's probability threshold from out-of-fold predictions: of the cut points whose F1
 * is within {@link #PLATEAU} of the best, the middle one, and each cut in the middle of the gap
 * between neighbouring scores, so a threshold does not sit on one training example's score. The
 * F1 curve is flat near its top, and its single best cut moved from 0.32 to 0.47 with the folds.
 * Stateless and thread-safe.
 */
public final class Thresholds {

    /** F1 this close to the best counts as equally good: smaller differences are a few articles either way. */
    static final double PLATEAU = 0.002;

    private Thresholds() {
    }

    /**
     * The cuts within {@link #PLATEAU} of the best F1, which the out-of-fold scores cannot tell apart.
     *
     * @param middle the middle one: the threshold most texts are decided with
     * @param lowest the lowest one: for short texts, which state their topics in fewer and plainer
     *               words than the training corpus, so their scores run lower (on dev.csv and
     *               NYT-CAP this edge beat the middle for conflict and diplomacy)
     */
    public record Plateau(double middle, double lowest) {
    }

    /** The middle of the cuts within {@link #PLATEAU} of the best F1. */
    public static double bestF1(double[] scores, boolean[] positive) {
        return plateau(scores, positive).middle();
    }

    /** The middle and the lowest of the cuts within {@link #PLATEAU} of the best F1. */
    public static Plateau plateau(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] boxed = byScoreDescending(scores);
        int totalPos = 0;
        for (boolean p : positive) {
            if (p) {
                totalPos++;
            }
        }
        if (totalPos == 0) {
            return new Plateau(0.5, 0.5);
        }
        // every cut between distinct scores: its threshold (the middle of the gap) and its F1
        double[] cut = new double[n];
        double[] f1 = new double[n];
        int cuts = 0;
        double bestF1 = -1;
        int tp = 0;
        for (int k = 0; k < n; k++) {
            if (positive[boxed[k]]) {
                tp++;
            }
            if (k + 1 < n && scores[boxed[k + 1]] == scores[boxed[k]]) {
                continue;
            }
            double here = scores[boxed[k]];
            double below = k + 1 < n ? scores[boxed[k + 1]] : 0;
            cut[cuts] = (here + below) / 2;
            f1[cuts] = 2.0 * tp / (k + 1 + totalPos);
            bestF1 = Math.max(bestF1, f1[cuts]);
            cuts++;
        }
        // the middle of the cuts within PLATEAU of the best: the best cut alone wanders along a flat
        // curve from one set of folds to the next; cuts run from the highest threshold down
        int near = 0;
        double lowest = Double.NaN;
        for (int c = 0; c < cuts; c++) {
            if (f1[c] >= bestF1 - PLATEAU) {
                near++;
                lowest = cut[c];
            }
        }
        for (int c = 0, seen = 0; c < cuts; c++) {
            if (f1[c] >= bestF1 - PLATEAU && seen++ == near / 2) {
                return new Plateau(cut[c], lowest);
            }
        }
        throw new AssertionError("the best cut is within the plateau");
    }

    /** Example indices ordered from the highest score to the lowest. */
    public static Integer[] byScoreDescending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        return order;
    }
}
