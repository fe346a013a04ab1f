package newstopic.train;

import java.util.Arrays;

/**
 * Picks the probability threshold that maximizes a label's F1 on out-of-fold predictions. Among
 * equally good cut points it takes the middle of the gap between neighbouring scores, so a
 * threshold does not sit on one training example's score. Stateless and thread-safe.
 */
public final class Thresholds {

    private Thresholds() {
    }

    public static double bestF1(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] boxed = byScoreDescending(scores);
        int totalPos = 0;
        for (boolean p : positive) {
            if (p) {
                totalPos++;
            }
        }
        if (totalPos == 0) {
            return 0.5;
        }
        double bestF1 = -1;
        double best = 0.5;
        int tp = 0;
        for (int k = 0; k < n; k++) {
            if (positive[boxed[k]]) {
                tp++;
            }
            // only cut between distinct scores
            if (k + 1 < n && scores[boxed[k + 1]] == scores[boxed[k]]) {
                continue;
            }
            int predicted = k + 1;
            double f1 = 2.0 * tp / (predicted + totalPos);
            if (f1 > bestF1) {
                bestF1 = f1;
                double here = scores[boxed[k]];
                double below = k + 1 < n ? scores[boxed[k + 1]] : 0;
                best = (here + below) / 2;
            }
        }
        return best;
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
