package newstopic.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newstopic.evaluation.CvReport;
import newstopic.evaluation.LabelMetrics;
import newstopic.model.Calibration;
import newstopic.model.Mode;
import newstopic.model.SentenceWeights;
import newstopic.prediction.DecisionPolicy;

/**
 * Scores cross-validation as the model will be served: each fold is judged with the decision rule
 * (thresholds, or calibration for argmax) tuned on the other folds only, so the figures estimate
 * performance on unseen articles. Stateless and thread-safe.
 */
final class CvScoring {

    private CvScoring() {
    }

    /**
     * The out-of-fold decisions {@code [label][row]}, each fold's by a rule tuned on the others.
     * Multi-label: {@code scores} are the served probabilities ({@code [label][article]}),
     * thresholded per label at the F1-best cut of the other folds (the lowest cut of its plateau
     * for the rows {@code shortText} marks, or none when it is null). Single-label: calibration
     * fitted on the other folds, then argmax. {@link #metrics} scores them per fold.
     */
    static boolean[][] predictions(CrossValidation.Margins oof, double[][] scores, boolean[][] truth, int[] fold,
                                   int folds, int l, Mode mode, boolean[] shortText) {
        boolean[][] out = new boolean[l][fold.length];
        for (int f = 0; f < folds; f++) {
            int[] rows = rows(fold, f, true);
            int[] rest = rows(fold, f, false);
            boolean[][] predicted = new boolean[l][rows.length];
            if (mode == Mode.SINGLE) {
                Calibration[] cal = new Calibration[l];
                for (int k = 0; k < l; k++) {
                    cal[k] = Platt.fit(pick(DecisionTuning.column(oof.full(), k), rest), pick(truth[k], rest));
                }
                double[] p = new double[l];
                for (int r = 0; r < rows.length; r++) {
                    for (int k = 0; k < l; k++) {
                        p[k] = cal[k].probability(oof.full()[rows[r]][k]);
                    }
                    predicted[DecisionPolicy.argmax(p)][r] = true;
                }
            } else {
                for (int k = 0; k < l; k++) {
                    Thresholds.Plateau t = Thresholds.plateau(pick(scores[k], rest), pick(truth[k], rest));
                    for (int r = 0; r < rows.length; r++) {
                        boolean isShort = shortText != null && shortText[rows[r]];
                        predicted[k][r] = scores[k][rows[r]] >= (isShort ? t.lowest() : t.middle());
                    }
                }
            }
            for (int k = 0; k < l; k++) {
                for (int r = 0; r < rows.length; r++) {
                    out[k][rows[r]] = predicted[k][r];
                }
            }
        }
        return out;
    }

    /** Per fold, per label metrics of out-of-fold decisions {@code [label][row]}. */
    static List<List<LabelMetrics>> metrics(boolean[][] predicted, boolean[][] truth, int[] fold, int folds, List<String> labels) {
        List<List<LabelMetrics>> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int[] rows = rows(fold, f, true);
            List<LabelMetrics> metrics = new ArrayList<>();
            for (int k = 0; k < labels.size(); k++) {
                metrics.add(LabelMetrics.of(labels.get(k), pick(truth[k], rows), pick(predicted[k], rows)));
            }
            out.add(metrics);
        }
        return out;
    }

    /** {@code decisions} {@code [label][row]} with the given rows' replaced by {@code atRows} {@code [label][i]}, row {@code rows[i]}. */
    static boolean[][] routed(boolean[][] decisions, boolean[][] atRows, int[] rows) {
        boolean[][] out = new boolean[decisions.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = decisions[k].clone();
            for (int i = 0; i < rows.length; i++) {
                out[k][rows[i]] = atRows[k][i];
            }
        }
        return out;
    }

    /**
     * The out-of-fold decisions {@code [label][row]} of a rule fitted elsewhere (a calibration
     * file): the margins decided exactly as the model will serve them, nothing re-tuned per fold
     * ({@code shortText} marks the rows decided with the short-text thresholds, or is null).
     */
    static boolean[][] predictionsAsServed(CrossValidation.Margins oof, DecisionTuning.Tuned served, int l, Mode mode,
                                           boolean[] shortText) {
        int n = oof.full().length;
        boolean[][] predicted = new boolean[l][n];
        double[] p = new double[l];
        double[] h = new double[l];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < l; k++) {
                p[k] = served.calibration().get(k).probability(oof.full()[i][k]);
                h[k] = oof.headline()[i] == null ? 0 : served.calibration().get(k).probability(oof.headline()[i][k]);
                SentenceWeights sentence = served.sentenceWeights().get(k);
                if (sentence != null && oof.sentence()[i] != null) {
                    double[] bestTwo = oof.sentence()[i][k];
                    p[k] = sentence.probability(oof.full()[i][k], bestTwo[0], bestTwo[1]);
                }
            }
            int best = DecisionPolicy.argmax(p);
            List<Double> thresholds = shortText != null && shortText[i] ? served.shortThresholds() : served.thresholds();
            for (int k = 0; k < l; k++) {
                Double headline = served.headlineThresholds().get(k);
                predicted[k][i] = mode == Mode.SINGLE ? k == best
                        : p[k] >= thresholds.get(k) || (headline != null && oof.headline()[i] != null && h[k] >= headline);
            }
        }
        return predicted;
    }

    /** The model's report from its per-fold metrics. */
    static CvReport report(List<List<LabelMetrics>> perFold, int repeats, boolean[][] truth, List<String> labels, Mode mode,
                           String learner, Map<String, Double> candidates, int nearDuplicateGroups) {
        CvReport.Summary micro = CvReport.Summary.of(perFold.stream().map(ms -> LabelMetrics.micro(ms).f1()).toList());
        CvReport.Summary macro = CvReport.Summary.of(perFold.stream().map(LabelMetrics::macroF1).toList());
        CvReport.Summary accuracy = mode == Mode.SINGLE ? accuracy(perFold) : null;
        Map<String, CvReport.LabelSummary> perLabel = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            int label = k;
            int support = 0;
            for (boolean t : truth[k]) {
                if (t) {
                    support++;
                }
            }
            perLabel.put(labels.get(k), new CvReport.LabelSummary(
                    CvReport.Summary.of(perFold.stream().map(ms -> ms.get(label).precision()).toList()),
                    CvReport.Summary.of(perFold.stream().map(ms -> ms.get(label).recall()).toList()),
                    CvReport.Summary.of(perFold.stream().map(ms -> ms.get(label).f1()).toList()), support));
        }
        Map<String, Double> scored = candidates.isEmpty()
                ? Map.of(learner, accuracy != null ? accuracy.mean() : micro.mean()) : candidates;
        return new CvReport(perFold.size() / repeats, repeats, learner, scored, perLabel, micro, macro, accuracy, nearDuplicateGroups);
    }

    /** The score that ranks candidate learners: mean accuracy (single-label) or micro-F1 over folds. */
    static double score(List<List<LabelMetrics>> perFold, Mode mode) {
        return mode == Mode.SINGLE ? accuracy(perFold).mean()
                : CvReport.Summary.of(perFold.stream().map(ms -> LabelMetrics.micro(ms).f1()).toList()).mean();
    }

    /** In single-label mode each article has one true label, so the pooled true positives count the right answers. */
    private static CvReport.Summary accuracy(List<List<LabelMetrics>> perFold) {
        return CvReport.Summary.of(perFold.stream().map(ms -> {
            int correct = ms.stream().mapToInt(LabelMetrics::truePositives).sum();
            int total = ms.stream().mapToInt(LabelMetrics::support).sum();
            return (double) correct / total;
        }).toList());
    }

    static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int[] rows(int[] fold, int f, boolean inFold) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == inFold).toArray();
    }

    static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    static boolean[] pick(boolean[] values, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
