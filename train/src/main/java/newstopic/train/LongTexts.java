package newstopic.train;

import java.util.List;

import newstopic.article.Article;
import newstopic.evaluation.LabelMetrics;
import newstopic.features.Featurizer;
import newstopic.prediction.DecisionPolicy;
import newstopic.train.learn.BinaryLearner;
import newstopic.train.learn.Learners;
import newstopic.train.learn.LinearWeights;

/**
 * The long-text learner's part of training ({@link TrainOptions#longLearner()}): its out-of-fold
 * margins, its own decisions tuned as the main learner's are, and the cross-validation metrics of
 * the routed model (short texts decided by the main learner, the others by this one). It is kept
 * only when, on the texts that are not short, its out-of-fold micro-F1 beats the main learner's, as
 * {@code --learner auto} keeps the best candidate: no margin, since either choice is one model fitted
 * and tuned the same way. {@code fittedOn}: the calibration articles its decisions were fitted on,
 * none when the corpus folds fitted them. Immutable and thread-safe.
 */
record LongTexts(BinaryLearner learner, CrossValidation.Margins oof, DecisionTuning.Tuned decisions,
                 List<List<LabelMetrics>> perFold, List<Article> fittedOn) {

    /**
     * The long-text part from the learner's out-of-fold margins of each run, or null (with a note
     * saying why) when it does not decide long texts better than the main learner's
     * {@code mainOof} under {@code mainDecisions}.
     */
    static LongTexts crossValidated(BinaryLearner learner, List<CrossValidation.Margins> runs,
                                    CrossValidation.Margins mainOof, DecisionTuning.Tuned mainDecisions, boolean[][] truth,
                                    int[] fold, int folds, List<String> labels, TrainOptions options, boolean[] shortText,
                                    int articles, TrainingListener listener) {
        CrossValidation.Margins oof = CrossValidation.Margins.concat(runs);
        boolean[][] main = CvScoring.predictions(mainOof, mainDecisions.scores(), truth, fold, folds, labels.size(),
                options.mode(), shortText);
        // calibration, thresholds and rules are fitted on the long texts alone: the only ones this model decides
        int[] rows = java.util.stream.IntStream.range(0, fold.length).filter(i -> !shortText[i]).toArray();
        if (rows.length == 0) {
            return null; // no text to decide
        }
        CrossValidation.Margins longOof = oof.rows(rows);
        boolean[][] longTruth = new boolean[truth.length][];
        for (int k = 0; k < truth.length; k++) {
            longTruth[k] = CvScoring.pick(truth[k], rows);
        }
        int longArticles = rows.length / (fold.length / articles); // every run holds the same long articles
        DecisionTuning.Tuned decisions = DecisionTuning.tune(longOof, longTruth, labels, options.mode(), longArticles);
        boolean[][] longPredicted = CvScoring.predictions(longOof, decisions.scores(), longTruth, CvScoring.pick(fold, rows),
                folds, labels.size(), options.mode(), null);
        boolean[][] own = new boolean[labels.size()][fold.length];
        for (int k = 0; k < own.length; k++) {
            for (int r = 0; r < rows.length; r++) {
                own[k][rows[r]] = longPredicted[k][r];
            }
        }
        double before = CvScoring.longTextF1(main, truth, shortText);
        double after = CvScoring.longTextF1(own, truth, shortText);
        boolean kept = after > before;
        listener.note("texts of %d+ characters: %s micro-F1 %.4f, %s %.4f out of fold: %s".formatted(options.shortText(),
                options.learner(), before, Learners.describe(learner), after,
                kept ? "decided by a " + learner.name() + " model of their own" : "one model for every text"));
        if (!kept) {
            return null;
        }
        return new LongTexts(learner, oof, decisions,
                CvScoring.metrics(CvScoring.routed(main, own, shortText), truth, fold, folds, labels), List.of());
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
        return new LongTexts(learner, oof, DecisionTuning.tune(margins, truth, labels, options.mode(), longOnes.size()), perFold,
                longOnes);
    }
}
