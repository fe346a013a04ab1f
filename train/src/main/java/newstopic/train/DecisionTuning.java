package newstopic.train;

import java.util.ArrayList;
import java.util.List;

import newstopic.model.Calibration;
import newstopic.model.Mode;
import newstopic.model.SentenceWeights;

/**
 * Chooses how each label decides, from out-of-fold margins: Platt calibration of the article's
 * margin, the probability threshold that maximizes F1, and whether the headline rule helps the
 * label: for each candidate headline threshold, the articles whose headline alone reaches it are
 * assigned the label whatever their body says, under the label's unchanged threshold, and the
 * rule is kept at the candidate with the best out-of-fold F1 only when that beats the label's F1
 * without it by {@link #MIN_GAIN}. Labels without a headline rule then try the sentence rule: a logistic model of the
 * article's margin and its two best sentences' margins, for the articles with enough sentences; its
 * cross-fitted probabilities replace theirs under the label's threshold, and the rule is kept only
 * when out-of-fold F1 gains {@link #MIN_GAIN} or more. With cross-validation run several times,
 * either rule must also raise F1 in every run on its own. Stateless and thread-safe.
 */
final class DecisionTuning {

    /** A decision score that the headline rule forces above any threshold. */
    static final double FORCED = 2.0;
    /** Headline thresholds tried per label: quantiles of the headlines' probabilities. */
    private static final int CANDIDATES = 100;
    /**
     * The out-of-fold F1 the headline rule must add to be kept: smaller gains are what searching
     * {@value #CANDIDATES} thresholds finds in noise (on data/ the best candidates added 0.0001 to 0.0006).
     */
    static final double MIN_GAIN = 0.002;

    /**
     * @param calibration        per label
     * @param thresholds         per label (0.5 in single-label mode, where argmax decides)
     * @param shortThresholds    per label, for short texts: the lowest threshold on the plateau of the best F1
     * @param headlineThresholds per label, what the headline alone needs, or null where the rule is off
     * @param scores             {@code [label][article]}: each article's out-of-fold decision score as
     *                           served (its probability, or {@link #FORCED} where its headline decides)
     * @param sentenceWeights    per label, its sentence rule, or null where the rule is off
     * @param notes              per label where a rule could apply, its out-of-fold F1 without and with it
     */
    record Tuned(List<Calibration> calibration, List<Double> thresholds, List<Double> shortThresholds,
                 List<Double> headlineThresholds,
                 List<SentenceWeights> sentenceWeights, double[][] scores, List<String> notes) {

        boolean anyHeadline() {
            return headlineThresholds.stream().anyMatch(java.util.Objects::nonNull);
        }

        boolean anySentence() {
            return sentenceWeights.stream().anyMatch(java.util.Objects::nonNull);
        }
    }

    /** Articles of each class a label needs among those with enough sentences before the sentence rule is tried. */
    static final int MIN_SENTENCE_CLASS = 20;

    private DecisionTuning() {
    }

    /**
     * @param articles how many distinct articles the rows hold: rows {@code i} and {@code i + articles}
     *                 are the same article scored in another cross-validation run, and the sentence
     *                 rule's cross-fitting keeps them in one fold
     */
    static Tuned tune(CrossValidation.Margins oof, boolean[][] truth, List<String> labels, Mode mode, int articles) {
        int n = oof.full().length;
        List<Calibration> calibration = new ArrayList<>();
        List<Double> thresholds = new ArrayList<>();
        List<Double> shortThresholds = new ArrayList<>();
        List<Double> headlineThresholds = new ArrayList<>();
        List<SentenceWeights> sentenceWeights = new ArrayList<>();
        double[][] scores = new double[labels.size()][];
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            Calibration c = Platt.fit(column(oof.full(), k), truth[k]);
            calibration.add(c);
            double[] plain = new double[n];
            double[] head = new double[n];
            int eligible = 0;
            for (int i = 0; i < n; i++) {
                plain[i] = c.probability(oof.full()[i][k]);
                head[i] = oof.headline()[i] == null ? Double.NaN : c.probability(oof.headline()[i][k]);
                eligible += oof.headline()[i] == null ? 0 : 1;
            }
            headlineThresholds.add(null);
            sentenceWeights.add(null);
            scores[k] = plain;
            if (mode == Mode.SINGLE) {
                thresholds.add(0.5);
                shortThresholds.add(0.5);
                continue;
            }
            Thresholds.Plateau plateau = Thresholds.plateau(plain, truth[k]);
            double plainF1 = f1(plain, truth[k], plateau.middle());
            thresholds.add(plateau.middle());
            shortThresholds.add(plateau.lowest());
            if (eligible > 0) {
                tuneHeadline(k, head, plain, plainF1, truth[k], articles, labels, thresholds, headlineThresholds, scores, notes);
            }
            if (headlineThresholds.get(k) == null) {
                tuneSentences(k, oof, plainF1, truth[k], articles, labels, thresholds, sentenceWeights, scores, notes);
            }
        }
        return new Tuned(calibration, thresholds, shortThresholds, headlineThresholds, sentenceWeights, scores, notes);
    }

    private static void tuneHeadline(int k, double[] head, double[] plain, double plainF1, boolean[] truth, int articles,
                                     List<String> labels, List<Double> thresholds, List<Double> headlineThresholds,
                                     double[][] scores, List<String> notes) {
        int n = plain.length;
        double bestF1 = plainF1 + MIN_GAIN;
        for (double h : candidates(head)) {
            double[] s = plain.clone();
            for (int i = 0; i < n; i++) {
                if (head[i] >= h) {
                    s[i] = FORCED;
                }
            }
            // the label's threshold stays: texts the rule never sees (short ones, or a headline
            // below h) keep their decisions, so the gain is the headline's alone
            double f = f1(s, truth, thresholds.get(k));
            if (f > bestF1 && runsHelped(s, plain, truth, thresholds.get(k), articles) == truth.length / articles) {
                bestF1 = f;
                headlineThresholds.set(k, h);
                scores[k] = s;
            }
        }
        Double kept = headlineThresholds.get(k);
        notes.add(kept == null
                ? "headline rule for %s: not kept (out-of-fold F1 %.4f without it; no headline threshold adds %.3f and helps in every run)"
                        .formatted(labels.get(k), plainF1, MIN_GAIN)
                : "headline rule for %s: kept, the headline alone needs %.3f (out-of-fold F1 %.4f without, %.4f with)"
                        .formatted(labels.get(k), kept, plainF1, bestF1));
    }

    /**
     * Tries label {@code k}'s sentence rule on the articles with enough sentences (those whose
     * {@code oof.sentence()} row is set) and keeps it when it adds {@link #MIN_GAIN} F1 out of fold.
     */
    private static void tuneSentences(int k, CrossValidation.Margins oof, double plainF1, boolean[] truth, int articles,
                                      List<String> labels, List<Double> thresholds, List<SentenceWeights> sentenceWeights,
                                      double[][] scores, List<String> notes) {
        List<Integer> rows = new ArrayList<>();
        int positives = 0;
        for (int i = 0; i < truth.length; i++) {
            if (oof.sentence()[i] != null) {
                rows.add(i);
                positives += truth[i] ? 1 : 0;
            }
        }
        if (positives < MIN_SENTENCE_CLASS || rows.size() - positives < MIN_SENTENCE_CLASS) {
            if (!rows.isEmpty()) {
                notes.add("sentence rule for %s: not tried (%d of %d long articles carry it; %d of each class needed)"
                        .formatted(labels.get(k), positives, rows.size(), MIN_SENTENCE_CLASS));
            }
            return;
        }
        double[][] x = new double[rows.size()][];
        boolean[] y = new boolean[rows.size()];
        int[] article = new int[rows.size()];
        for (int r = 0; r < x.length; r++) {
            int i = rows.get(r);
            article[r] = i % articles;
            double[] bestTwo = oof.sentence()[i][k];
            x[r] = new double[] {oof.full()[i][k], bestTwo[0], bestTwo[1]};
            y[r] = truth[i];
        }
        double[] crossFitted = SentenceFit.crossFitted(x, y, article);
        double[] s = scores[k].clone();
        for (int r = 0; r < x.length; r++) {
            s[rows.get(r)] = crossFitted[r];
        }
        // the label's threshold stays: short articles, which the rule never sees, keep their decisions
        double f = f1(s, truth, thresholds.get(k));
        int runs = truth.length / articles;
        int helped = runsHelped(s, scores[k], truth, thresholds.get(k), articles);
        if (f >= plainF1 + MIN_GAIN && helped == runs) {
            sentenceWeights.set(k, SentenceFit.fit(x, y));
            scores[k] = s;
        }
        notes.add((sentenceWeights.get(k) == null
                ? "sentence rule for %s: not kept (out-of-fold F1 %.4f without it, %.4f with it, better in %d of %d runs, over %d out-of-fold scores of long articles)"
                : "sentence rule for %s: kept (out-of-fold F1 %.4f without it, %.4f with it, better in %d of %d runs, over %d out-of-fold scores of long articles)")
                .formatted(labels.get(k), plainF1, f, helped, runs, x.length));
    }

    /** Distinct quantiles of the headlines' probabilities (NaN where no headline was scored). */
    private static double[] candidates(double[] head) {
        double[] h = java.util.Arrays.stream(head).filter(v -> !Double.isNaN(v)).sorted().toArray();
        java.util.TreeSet<Double> out = new java.util.TreeSet<>();
        for (int q = 0; q < CANDIDATES; q++) {
            out.add(h[(int) ((long) q * (h.length - 1) / Math.max(1, CANDIDATES - 1))]);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * In how many cross-validation runs (consecutive blocks of {@code articles} rows) the rule's
     * scores give a higher F1 than the scores without it: a rule whose pooled gain comes from one
     * draw of folds is noise, and would come and go with {@code --seed}.
     */
    static int runsHelped(double[] with, double[] without, boolean[] truth, double threshold, int articles) {
        int helped = 0;
        for (int from = 0; from < truth.length; from += articles) {
            int to = Math.min(truth.length, from + articles);
            helped += f1(with, truth, threshold, from, to) > f1(without, truth, threshold, from, to) ? 1 : 0;
        }
        return helped;
    }

    /** F1 of deciding {@code score >= threshold}. */
    static double f1(double[] scores, boolean[] truth, double threshold) {
        return f1(scores, truth, threshold, 0, scores.length);
    }

    /** F1 of deciding {@code score >= threshold} over rows {@code [from, to)}. */
    private static double f1(double[] scores, boolean[] truth, double threshold, int from, int to) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = from; i < to; i++) {
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
