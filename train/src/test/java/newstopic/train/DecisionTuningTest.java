package newstopic.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import newstopic.evaluation.LabelMetrics;
import newstopic.model.Mode;
import org.junit.jupiter.api.Test;

/** Calibration, thresholds and the headline rule chosen from out-of-fold margins. */
class DecisionTuningTest {

    /**
     * Two labels over 400 articles. For "a", the article's margin misses half the positives
     * (long texts that drown the headline) and the headline's margin finds them: the rule helps.
     * For "b", the article's margin separates perfectly and the headline's is noise: it hurts.
     */
    private static CrossValidation.Margins margins(boolean[][] truth) {
        SplittableRandom r = new SplittableRandom(9);
        int n = truth[0].length;
        double[][] full = new double[n][2];
        double[][] headline = new double[n][];
        for (int i = 0; i < n; i++) {
            boolean longText = i % 2 == 0;
            truth[0][i] = r.nextInt(3) == 0;
            truth[1][i] = r.nextInt(3) == 0;
            full[i][0] = truth[0][i] && !longText ? 2 + r.nextDouble() : -2 - r.nextDouble();
            full[i][1] = truth[1][i] ? 2 + r.nextDouble() : -2 - r.nextDouble();
            if (longText) {
                headline[i] = new double[] {truth[0][i] ? 2 + r.nextDouble() : -2 - r.nextDouble(), r.nextGaussian() * 3};
            }
        }
        return new CrossValidation.Margins(full, headline);
    }

    @Test
    void theHeadlineRuleIsKeptForTheLabelItHelpsOnly() {
        boolean[][] truth = new boolean[2][400];
        CrossValidation.Margins oof = margins(truth);
        DecisionTuning.Tuned tuned = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.MULTI);
        assertTrue(tuned.headlineThresholds().get(0) != null, "the rule is kept for a");
        assertEquals(null, tuned.headlineThresholds().get(1), "and not for b");
        // served decision scores: forced where a's headline reaches its threshold, the article's probability elsewhere
        for (int i = 0; i < 400; i++) {
            double article = tuned.calibration().get(0).probability(oof.full()[i][0]);
            boolean forced = oof.headline()[i] != null
                    && tuned.calibration().get(0).probability(oof.headline()[i][0]) >= tuned.headlineThresholds().get(0);
            assertEquals(forced ? DecisionTuning.FORCED : article, tuned.scores()[0][i], 1e-12);
            assertEquals(tuned.calibration().get(1).probability(oof.full()[i][1]), tuned.scores()[1][i], 1e-12);
        }
        for (int k = 0; k < 2; k++) {
            double t = tuned.thresholds().get(k);
            assertTrue(t > 0 && t < 1, "threshold " + t);
            assertEquals(1.0, DecisionTuning.f1(tuned.scores()[k], truth[k], t), 1e-12, "both labels separate once served as tuned");
        }
        assertEquals(2, tuned.notes().size());
        assertTrue(tuned.notes().get(0).contains(": kept") && tuned.notes().get(1).contains(": not kept"), tuned.notes().toString());
    }

    @Test
    void foldMetricsJudgeEachFoldWithThresholdsTunedOnTheOthers() {
        boolean[][] truth = new boolean[2][400];
        CrossValidation.Margins oof = margins(truth);
        DecisionTuning.Tuned tuned = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.MULTI);
        int[] fold = new int[400];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = i % 4;
        }
        List<List<LabelMetrics>> perFold = CvScoring.perFold(oof, tuned.scores(), truth, fold, 4, List.of("a", "b"), Mode.MULTI);
        assertEquals(4, perFold.size());
        int support = 0;
        for (List<LabelMetrics> f : perFold) {
            support += f.get(0).support();
            assertEquals(1.0, f.get(1).f1(), 1e-12, "label b separates in every fold");
        }
        int positives = 0;
        for (boolean t : truth[0]) {
            positives += t ? 1 : 0;
        }
        assertEquals(positives, support, "every article is judged once, in its own fold");
    }

    @Test
    void singleLabelModeLeavesThresholdsToArgmax() {
        boolean[][] truth = new boolean[2][400];
        CrossValidation.Margins oof = margins(truth);
        DecisionTuning.Tuned tuned = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.SINGLE);
        assertEquals(List.of(0.5, 0.5), tuned.thresholds());
        assertTrue(tuned.headlineThresholds().stream().allMatch(java.util.Objects::isNull));
    }
}
