package newstopic.train;

import java.util.List;

import newstopic.features.FeaturizerConfig;
import newstopic.model.Mode;

/**
 * Everything {@link Trainer} needs to know besides the articles. Immutable and thread-safe.
 *
 * @param labels        the label vocabulary, or {@code null} to take the labels found in the data
 * @param mode          multi-label (one-vs-rest with tuned thresholds) or single-label (argmax)
 * @param featurizer    text to features
 * @param learner       svm, logreg, maxent, nb, cnb, or auto (chosen by cross-validation)
 * @param c             the SVM's regularization constant
 * @param nbAlpha       naive Bayes additive smoothing
 * @param balanced      weigh each label's positive and negative examples inversely to their frequency
 * @param folds         cross-validation folds for calibration, thresholds and metrics (2 or more)
 * @param seed          makes folds and learners repeatable
 * @param threads       worker threads
 * @param nearDuplicate Jaccard similarity of word 3-shingles from which two articles count as copies
 * @param headlineRule  multi-label: text length from which the headline alone can also assign a label (0 = off)
 */
record TrainSettings(List<String> labels, Mode mode, FeaturizerConfig featurizer, String learner, double c, double nbAlpha, boolean balanced,
                     int folds, long seed, int threads, double nearDuplicate,
                     int headlineRule) {

    static final List<String> LEARNERS = List.of("svm", "nbsvm", "svm+cnb", "svm+nb", "logreg", "maxent", "nb", "cnb", "auto");

    TrainSettings {
        if (!LEARNERS.contains(learner)) {
            throw new UserException("unknown learner '" + learner + "' (one of " + String.join(", ", LEARNERS) + ")");
        }
        if (folds < 2) {
            throw new UserException("--cv needs at least 2 folds, got " + folds);
        }
        if (threads < 1) {
            throw new UserException("--threads needs at least 1, got " + threads);
        }
    }
}
