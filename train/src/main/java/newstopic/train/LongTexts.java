package newstopic.train;

import java.util.List;
import java.util.stream.IntStream;

import newstopic.article.Article;
import newstopic.evaluation.LabelMetrics;
import newstopic.features.Featurizer;
import newstopic.prediction.DecisionPolicy;
import newstopic.train.learn.BinaryLearner;
import newstopic.train.learn.Learners;
import newstopic.train.learn.LinearWeights;

/**
 * The long-text learner's part of training ({@link TrainOptions#longLearner()}): the rows of the
 * texts that are not short (of every cross-validation run), its out-of-fold margins on them, its
 * own decisions tuned on them as the main learner's are on all rows, and the cross-validation
 * metrics of the routed model (short texts decided by the main learner, the others by this one).
 * It is kept only when, on those rows, its out-of-fold micro-F1 beats the main learner's, as
 * {@code --learner auto} keeps the best candidate: no margin, since either choice is one model fitted
 * and tuned the same way. {@code fittedOn}: the calibration articles its decisions were fitted on,
 * none when the corpus folds fitted them. Immutable and thread-safe.
 */
record LongTexts(BinaryLearner learner, int[] rows, CrossValidation.Margins oof, DecisionTuning.Tuned decisions,
                 List<List<LabelMetrics>> perFold, List<Article> fittedOn) {

    /**
     * The long-text part from the learner's out-of-fold margins of each of the {@code runs}, or
     * null (with a note saying why) when it does not decide long texts better than the main
     * learner's out-of-fold decisions {@code main} {@code [label][row]}.
     */
    static LongTexts crossValidated(BinaryLearner learner, List<CrossValidation.Margins> runs, boolean[][] main,
                                    boolean[][] truth, int[] fold, int folds, List<String> labels, TrainOptions options,
                                    boolean[] shortText, TrainingListener listener) {
        int[] rows = IntStream.range(0, fold.length).filter(i -> !shortText[i]).toArray();
        if (rows.length == 0) {
            return null; // no text to decide
        }
        CrossValidation.Margins oof = CrossValidation.Margins.concat(runs).rows(rows);
        boolean[][] longTruth = atRows(truth, rows);
        // every run holds the same long articles
        DecisionTuning.Tuned decisions = DecisionTuning.tune(oof, longTruth, labels, options.mode(), rows.length / runs.size());
        boolean[][] predicted = CvScoring.predictions(oof, decisions.scores(), longTruth, CvScoring.pick(fold, rows), folds,
                labels.size(), options.mode(), null);
        double before = microF1(atRows(main, rows), longTruth, labels);
        double after = microF1(predicted, longTruth, labels);
        boolean kept = after > before;
        listener.note("texts of %d+ characters: %s micro-F1 %.4f, %s %.4f out of fold: %s".formatted(options.shortText(),
                options.learner(), before, Learners.describe(learner), after,
                kept ? "decided by a " + learner.name() + " model of their own" : "one model for every text"));
        if (!kept) {
            return null;
        }
        return new LongTexts(learner, rows, oof, decisions,
                CvScoring.metrics(CvScoring.routed(main, predicted, rows), truth, fold, folds, labels), List.of());
    }

    /** {@code [label][row]} values of the given rows. */
    private static boolean[][] atRows(boolean[][] values, int[] rows) {
        boolean[][] out = new boolean[values.length][];
        for (int k = 0; k < values.length; k++) {
            out[k] = CvScoring.pick(values[k], rows);
        }
        return out;
    }

    private static double microF1(boolean[][] predicted, boolean[][] truth, List<String> labels) {
        return LabelMetrics.micro(IntStream.range(0, labels.size())
                .mapToObj(k -> LabelMetrics.of(labels.get(k), truth[k], predicted[k])).toList()).f1();
    }

    /**
     * These long texts decided as the calibration articles of their length fit them ({@code
     * weights}: this learner's final fit), when those hold a positive and a negative of every
     * label; otherwise as the corpus folds decided them, with a note.
     */
    LongTexts calibratedOn(List<Article> calibration, Featurizer featurizer, LinearWeights[] weights, List<String> labels,
                           TrainOptions options, TrainingListener listener) {
        List<Article> longOnes = calibration.stream().filter(a -> !DecisionPolicy.isShort(a.text(), options.shortText())).toList();
        boolean[][] truth = HeldOutCalibration.truth(longOnes, labels);
        for (int k = 0; k < truth.length; k++) {
            int positives = 0;
            for (boolean t : truth[k]) {
                positives += t ? 1 : 0;
            }
            if (positives == 0 || positives == longOnes.size()) {
                listener.note(("texts of %d+ characters: decided as the corpus folds decided them, since the %d calibration "
                        + "articles of that length do not hold both a positive and a negative of %s")
                        .formatted(options.shortText(), longOnes.size(), labels.get(k)));
                return this;
            }
        }
        CrossValidation.Margins margins = HeldOutCalibration.margins(featurizer, weights, longOnes, options);
        listener.note("texts of %d+ characters: decisions fitted on the %d calibration articles of that length"
                .formatted(options.shortText(), longOnes.size()));
        return new LongTexts(learner, rows, oof, DecisionTuning.tune(margins, truth, labels, options.mode(), longOnes.size()), perFold,
                longOnes);
    }
}
