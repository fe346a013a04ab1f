package newstopic.train;

import java.util.ArrayList;
import java.util.List;

import newstopic.model.Calibration;
import newstopic.model.Mode;

/**
 * Chooses how each label decides, from out-of-fold margins: Platt calibration of the article's
 * margin, whether the headline rule helps the label (its out-of-fold F1 with the rule against
 * without, each at its best threshold), and the probability threshold that maximizes F1 for the
 * scores as they will be served. Stateless and thread-safe.
 */
final class DecisionTuning {

    /**
     * @param calibration    per label
     * @param thresholds     per label (0.5 in single-label mode, where argmax decides)
     * @param headlineLabels the labels the headline rule is kept for
     * @param scores         {@code [label][article]}: each article's out-of-fold probability as served
     * @param notes          per label where the rule could apply, its out-of-fold F1 without and with it
     */
    record Tuned(List<Calibration> calibration, List<Double> thresholds, List<String> headlineLabels, double[][] scores,
                 List<String> notes) {
    }

    private DecisionTuning() {
    }

    static Tuned tune(CrossValidation.Margins oof, boolean[][] truth, List<String> labels, Mode mode) {
        int n = oof.full().length;
        List<Calibration> calibration = new ArrayList<>();
        List<Double> thresholds = new ArrayList<>();
        List<String> headlineLabels = new ArrayList<>();
        double[][] scores = new double[labels.size()][];
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            Calibration c = Platt.fit(column(oof.full(), k), truth[k]);
            calibration.add(c);
            double[] plain = new double[n];
            double[] withHeadline = new double[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                plain[i] = c.probability(oof.full()[i][k]);
                withHeadline[i] = plain[i];
                if (oof.headline()[i] != null) {
                    withHeadline[i] = Math.max(plain[i], c.probability(oof.headline()[i][k]));
                    any = true;
                }
            }
            if (mode == Mode.SINGLE) {
                thresholds.add(0.5);
                scores[k] = plain;
                continue;
            }
            double plainThreshold = Thresholds.bestF1(plain, truth[k]);
            double headlineThreshold = Thresholds.bestF1(withHeadline, truth[k]);
            double plainF1 = f1(plain, truth[k], plainThreshold);
            double headlineF1 = f1(withHeadline, truth[k], headlineThreshold);
            boolean keep = any && headlineF1 > plainF1;
            if (keep) {
                headlineLabels.add(labels.get(k));
            }
            if (any) {
                notes.add("headline rule for %s: out-of-fold F1 %.4f without, %.4f with: %s".formatted(labels.get(k),
                        plainF1, headlineF1, keep ? "kept" : "not kept"));
            }
            thresholds.add(keep ? headlineThreshold : plainThreshold);
            scores[k] = keep ? withHeadline : plain;
        }
        return new Tuned(calibration, thresholds, headlineLabels, scores, notes);
    }

    /** F1 of deciding {@code score >= threshold}. */
    static double f1(double[] scores, boolean[] truth, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean p = scores[i] >= threshold;
            if (p && truth[i]) {
                tp++;
            } else if (p) {
                fp++;
            } else if (truth[i]) {
                fn++;
            }
        }
        int d = 2 * tp + fp + fn;
        return d == 0 ? 0 : 2.0 * tp / d;
    }

    static double[] column(double[][] m, int k) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][k];
        }
        return c;
    }
}
