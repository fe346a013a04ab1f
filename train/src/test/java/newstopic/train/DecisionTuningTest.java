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
        return new CrossValidation.Margins(full, headline, new double[full.length][][]);
    }

    @Test
    void theHeadlineRuleIsKeptForTheLabelItHelpsOnly() {
        boolean[][] truth = new boolean[2][400];
        CrossValidation.Margins oof = margins(truth);
        DecisionTuning.Tuned tuned = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.MULTI, truth[0].length);
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
            // each label keeps the threshold tuned without the rule: texts the rule does not reach keep their decisions
            double[] plain = new double[400];
            for (int i = 0; i < 400; i++) {
                plain[i] = tuned.calibration().get(k).probability(oof.full()[i][k]);
            }
            double t = tuned.thresholds().get(k);
            assertEquals(Thresholds.bestF1(plain, truth[k]), t, 1e-12);
            double without = DecisionTuning.f1(plain, truth[k], t);
            double with = DecisionTuning.f1(tuned.scores()[k], truth[k], t);
            assertTrue(k == 0 ? with >= without + DecisionTuning.MIN_GAIN : with == without, with + " against " + without);
        }
        assertEquals(1.0, DecisionTuning.f1(tuned.scores()[1], truth[1], tuned.thresholds().get(1)), 1e-12, "b separates");
        assertEquals(2, tuned.notes().size());
        assertTrue(tuned.notes().get(0).contains(": kept") && tuned.notes().get(1).contains(": not kept"), tuned.notes().toString());
    }

    @Test
    void aRuleMustHelpInEveryCrossValidationRun() {
        // two runs of 200 articles: in the first, a's long positives are earned by their headlines
        // alone; in the second the articles decide well and five long negatives carry a's word in
        // the headline. Pooled, the headline rule gains; in the second run it only adds errors.
        SplittableRandom r = new SplittableRandom(12);
        int n = 400;
        boolean[][] truth = new boolean[2][n];
        double[][] full = new double[n][2];
        double[][] headline = new double[n][];
        int misleading = 0;
        for (int i = 0; i < n; i++) {
            boolean secondRun = i >= n / 2;
            boolean longText = i % 2 == 0;
            truth[0][i] = r.nextInt(3) == 0;
            truth[1][i] = r.nextInt(3) == 0;
            boolean earnedByHeadline = truth[0][i] && longText && !secondRun;
            full[i][0] = truth[0][i] && !earnedByHeadline ? 2 + r.nextDouble() : -2 - r.nextDouble();
            full[i][1] = truth[1][i] ? 2 + r.nextDouble() : -2 - r.nextDouble();
            if (longText) {
                double h = earnedByHeadline ? 2 + r.nextDouble() : -2 - r.nextDouble();
                if (secondRun && !truth[0][i] && misleading < 5) {
                    h = 5;
                    misleading++;
                }
                headline[i] = new double[] {h, r.nextGaussian()};
            }
        }
        CrossValidation.Margins oof = new CrossValidation.Margins(full, headline, new double[n][][]);
        DecisionTuning.Tuned twoRuns = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.MULTI, n / 2);
        assertEquals(null, twoRuns.headlineThresholds().get(0), twoRuns.notes().toString());
        assertTrue(twoRuns.notes().get(0).contains("helps in every run"), twoRuns.notes().toString());
        // the same rows read as one run keep it: the pooled gain is real, it is the second run it fails
        DecisionTuning.Tuned oneRun = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.MULTI, n);
        assertTrue(oneRun.headlineThresholds().get(0) != null, oneRun.notes().toString());
        assertEquals(1, DecisionTuning.runsHelped(oneRun.scores()[0], plainScores(oneRun, oof, 0), truth[0],
                oneRun.thresholds().get(0), n / 2));
    }

    private static double[] plainScores(DecisionTuning.Tuned tuned, CrossValidation.Margins oof, int k) {
        double[] p = new double[oof.full().length];
        for (int i = 0; i < p.length; i++) {
            p[i] = tuned.calibration().get(k).probability(oof.full()[i][k]);
        }
        return p;
    }

    @Test
    void foldMetricsDecideShortRowsWithThePlateausLowestCutOfTheOtherFolds() {
        // 1,000 positives at 0.55-0.95 and 1,000 negatives at 0.05-0.45, then three negatives at 0.52
        // and three positives at 0.48: a flat F1 plateau from about 0.45 to 0.55, whose middle cut
        // leaves the three positives out and whose lowest cut takes them (the six rows are short)
        int n = 2006;
        double[][] scores = new double[1][n];
        boolean[][] truth = new boolean[1][n];
        boolean[] shortText = new boolean[n];
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            truth[0][i] = i < 1000 || i >= 2003;
            scores[0][i] = i < 1000 ? 0.55 + 0.4 * i / 1000.0 : i < 2000 ? 0.05 + 0.4 * (i - 1000) / 1000.0
                    : i < 2003 ? 0.52 - 0.001 * (i - 2000) : 0.48 - 0.001 * (i - 2003);
            shortText[i] = i % 2 == 0 || i >= 2000;
            fold[i] = i % 4;
        }
        CrossValidation.Margins oof = new CrossValidation.Margins(new double[n][1], new double[n][], new double[n][][]);
        var split = perFold(oof, scores, truth, fold, 4, List.of("a"), Mode.MULTI, shortText);
        var one = perFold(oof, scores, truth, fold, 4, List.of("a"), Mode.MULTI, null);
        for (int f = 0; f < 4; f++) {
            int held = f;
            int[] rest = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != held).toArray();
            double[] restScores = java.util.Arrays.stream(rest).mapToDouble(i -> scores[0][i]).toArray();
            boolean[] restTruth = subset(truth[0], rest);
            double t = Thresholds.bestF1(restScores, restTruth);
            double low = Thresholds.plateau(restScores, restTruth).lowest();
            int tp = 0;
            int tpOne = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f && truth[0][i]) {
                    tp += scores[0][i] >= (shortText[i] ? low : t) ? 1 : 0;
                    tpOne += scores[0][i] >= t ? 1 : 0;
                }
            }
            assertEquals(tp, split.get(f).get(0).truePositives());
            assertEquals(tpOne, one.get(f).get(0).truePositives());
        }
        int gained = 0;
        for (int f = 0; f < 4; f++) {
            gained += split.get(f).get(0).truePositives() - one.get(f).get(0).truePositives();
        }
        assertTrue(gained > 0, "short rows took positives the middle cut left");
    }

    @Test
    void foldMetricsJudgeEachFoldWithThresholdsTunedOnTheOthers() {
        boolean[][] truth = new boolean[2][400];
        CrossValidation.Margins oof = margins(truth);
        DecisionTuning.Tuned tuned = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.MULTI, truth[0].length);
        int[] fold = new int[400];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = i % 4;
        }
        List<List<LabelMetrics>> perFold = perFold(oof, tuned.scores(), truth, fold, 4, List.of("a", "b"), Mode.MULTI, null);
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
        DecisionTuning.Tuned tuned = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.SINGLE, truth[0].length);
        assertEquals(List.of(0.5, 0.5), tuned.thresholds());
        assertTrue(tuned.headlineThresholds().stream().allMatch(java.util.Objects::isNull));
    }

    /**
     * Two labels over 600 articles, the even ones long (their sentences scored). For "a", a long
     * article's margin is noise and its second-best sentence tells the truth: the sentence rule
     * helps. For "b", every article's margin separates and the sentences are noise: it cannot help.
     */
    private static CrossValidation.Margins sentenceMargins(boolean[][] truth) {
        SplittableRandom r = new SplittableRandom(5);
        int n = truth[0].length;
        double[][] full = new double[n][2];
        double[][][] sentence = new double[n][][];
        for (int i = 0; i < n; i++) {
            boolean longText = i % 2 == 0;
            truth[0][i] = r.nextInt(3) == 0;
            truth[1][i] = r.nextInt(3) == 0;
            full[i][0] = longText ? r.nextGaussian() : (truth[0][i] ? 2 : -2) + r.nextDouble();
            full[i][1] = (truth[1][i] ? 2 : -2) + r.nextDouble();
            if (longText) {
                double second = (truth[0][i] ? 1.5 : -1.5) + r.nextDouble() * 0.5;
                sentence[i] = new double[][] {{second + 1, second}, {r.nextGaussian() + 1, r.nextGaussian()}};
            }
        }
        return new CrossValidation.Margins(full, new double[n][], sentence);
    }

    @Test
    void theSentenceRuleIsKeptWhereItAddsF1AndKeepsTheLabelsThreshold() {
        boolean[][] truth = new boolean[2][600];
        CrossValidation.Margins oof = sentenceMargins(truth);
        DecisionTuning.Tuned tuned = DecisionTuning.tune(oof, truth, List.of("a", "b"), Mode.MULTI, truth[0].length);
        assertTrue(tuned.sentenceWeights().get(0) != null, "kept for a: " + tuned.notes());
        assertEquals(null, tuned.sentenceWeights().get(1), "not for b: " + tuned.notes());
        assertTrue(tuned.anySentence());
        assertTrue(tuned.sentenceWeights().get(0).second() > 0, "the second-best sentence carries a's signal");
        // short articles keep the plain calibrated probability and the plain threshold
        double[] plain = new double[600];
        for (int i = 0; i < 600; i++) {
            plain[i] = tuned.calibration().get(0).probability(oof.full()[i][0]);
            if (oof.sentence()[i] == null) {
                assertEquals(plain[i], tuned.scores()[0][i], 1e-12);
            }
        }
        assertEquals(Thresholds.bestF1(plain, truth[0]), tuned.thresholds().get(0), 1e-12);
        double with = DecisionTuning.f1(tuned.scores()[0], truth[0], tuned.thresholds().get(0));
        assertTrue(with > DecisionTuning.f1(plain, truth[0], tuned.thresholds().get(0)) + 0.1, "F1 with the rule " + with);
    }

    @Test
    void sentenceFitRecoversTheWeightsThatMadeTheData() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 20_000;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double z = -1 + 0.5 * x[i][0] + 1.0 * x[i][1] + 2.0 * x[i][2];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        var w = SentenceFit.fit(x, y);
        assertEquals(-1, w.bias(), 0.1);
        assertEquals(0.5, w.article(), 0.1);
        assertEquals(1.0, w.best(), 0.1);
        assertEquals(2.0, w.second(), 0.15);
        // separable rows still give finite weights (the penalty keeps them from growing without bound)
        double[][] sx = {{-1, -1, -1}, {-2, -2, -2}, {1, 1, 1}, {2, 2, 2}};
        var s = SentenceFit.fit(sx, new boolean[] {false, false, true, true});
        assertTrue(s.second() > 0 && s.second() < 5, s.toString());
        assertTrue(s.probability(1, 1, 1) > 0.5 && s.probability(-1, -1, -1) < 0.5, s.toString());
    }

    @Test
    void crossFittingKeepsAnArticlesRowsFromSeveralRunsInOneFold() {
        // 101 articles scored in 3 runs: rows i, i + 101 and i + 202 are one article (an index split
        // would put them in different folds, and each copy's weights would have seen the others)
        SplittableRandom r = new SplittableRandom(8);
        int articles = 101;
        double[][] x = new double[3 * articles][];
        boolean[] y = new boolean[x.length];
        int[] article = new int[x.length];
        for (int a = 0; a < articles; a++) {
            double[] row = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            boolean label = r.nextDouble() < 1 / (1 + Math.exp(-(row[0] + row[2])));
            for (int run = 0; run < 3; run++) {
                x[a + run * articles] = row;
                y[a + run * articles] = label;
                article[a + run * articles] = a;
            }
        }
        double[] p = SentenceFit.crossFitted(x, y, article);
        for (int a = 0; a < articles; a++) {
            assertEquals(p[a], p[a + articles], 0.0, "one fold's weights score every copy");
            assertEquals(p[a], p[a + 2 * articles], 0.0);
        }
        // and those weights never saw the article: refitting without its fold gives the same probability
        int[] rest = java.util.stream.IntStream.range(0, x.length).filter(i -> article[i] % SentenceFit.FOLDS != 0).toArray();
        var w = SentenceFit.fit(java.util.Arrays.stream(rest).mapToObj(i -> x[i]).toArray(double[][]::new), subset(y, rest));
        assertEquals(w.probability(x[0][0], x[0][1], x[0][2]), p[0], 1e-12);
    }

    private static boolean[] subset(boolean[] y, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int j = 0; j < rows.length; j++) {
            out[j] = y[rows[j]];
        }
        return out;
    }

    /** Per fold, per label metrics of the out-of-fold decisions, as training scores a candidate. */
    static List<List<newstopic.evaluation.LabelMetrics>> perFold(CrossValidation.Margins oof, double[][] scores, boolean[][] truth,
                                                                 int[] fold, int folds, List<String> labels, Mode mode,
                                                                 boolean[] shortText) {
        return CvScoring.metrics(CvScoring.predictions(oof, scores, truth, fold, folds, labels.size(), mode, shortText),
                truth, fold, folds, labels);
    }
}
