package newstopic.train;

import java.util.List;

import newstopic.article.Article;
import newstopic.features.Featurizer;
import newstopic.features.SparseVector;
import newstopic.features.Workspace;
import newstopic.train.learn.LinearWeights;

/**
 * Margins of the final model on held-out labeled articles, for fitting the decision rule on
 * them ({@code train --calibrate-on}): the article's margin per label, and the headline's alone
 * where the headline rule could apply, and its best two sentences' where the sentence rule could,
 * as cross-validation computes them. Stateless and thread-safe.
 */
final class HeldOutCalibration {

    private HeldOutCalibration() {
    }

    /** {@code [label][article]}; every article must be labeled, with labels the model has. */
    static boolean[][] truth(List<Article> articles, List<String> labels) {
        boolean[][] truth = new boolean[labels.size()][articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            if (!a.isLabeled()) {
                throw new TrainingException(a.source() + ": calibration article \"" + a.title() + "\" has no labels");
            }
            for (String label : a.labels()) {
                int k = labels.indexOf(label);
                if (k < 0) {
                    throw new TrainingException(a.source() + ": calibration label \"" + label
                            + "\" is not one the model learns (" + String.join(", ", labels) + ")");
                }
                truth[k][i] = true;
            }
        }
        return truth;
    }

    static CrossValidation.Margins margins(Featurizer featurizer, LinearWeights[] weights, List<Article> articles,
                                           TrainOptions options) {
        int n = articles.size();
        double[][] full = new double[n][weights.length];
        double[][] headline = new double[n][];
        double[][][] sentence = new double[n][][];
        Workspace ws = featurizer.newWorkspace();
        SparseVector v = new SparseVector();
        for (int i = 0; i < n; i++) {
            Article a = articles.get(i);
            featurizer.featurize(a, ws, v);
            for (int k = 0; k < weights.length; k++) {
                full[i][k] = weights[k].margin(v);
            }
            if (CrossValidation.headlineEligible(a, options)) {
                featurizer.featurize(a.title(), "", ws, v);
                headline[i] = new double[weights.length];
                for (int k = 0; k < weights.length; k++) {
                    headline[i][k] = weights[k].margin(v);
                }
            }
            if (CrossValidation.sentenceEligible(a, options)) {
                SparseVector[] sentences = Parallel.sentenceVectors(featurizer, a.text(), ws, v);
                sentence[i] = new double[weights.length][];
                for (int k = 0; k < weights.length; k++) {
                    sentence[i][k] = CrossValidation.bestTwo(weights[k], sentences);
                }
            }
        }
        return new CrossValidation.Margins(full, headline, sentence);
    }
}
