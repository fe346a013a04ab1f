package newstopic.train;

import java.util.ArrayList;
import java.util.List;

import newstopic.article.Article;
import newstopic.model.Mode;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;

/**
 * A model's results on labeled articles: per label the confusion counts at the model's own
 * decisions, and the probabilities behind them for curves. Immutable once computed.
 *
 * @param labels      the model's labels
 * @param mode        how the model decides
 * @param metrics     per label precision/recall/F1 and support
 * @param accuracy    single-label mode: share of articles whose one label is right; else exact-match ratio
 * @param scores      per label, each article's probability
 * @param truth       per label, whether each article carries it
 * @param thresholds  per label, the model's decision threshold
 */
record Evaluation(List<String> labels, Mode mode, List<LabelMetrics> metrics, double accuracy, double[][] scores,
                  boolean[][] truth, List<Double> thresholds) {

    static Evaluation of(TopicClassifier classifier, List<Article> articles) {
        List<String> labels = classifier.labels();
        int n = articles.size();
        int l = labels.size();
        double[][] scores = new double[l][n];
        boolean[][] truth = new boolean[l][n];
        boolean[][] predicted = new boolean[l][n];
        int exact = 0;
        for (int i = 0; i < n; i++) {
            Article a = articles.get(i);
            for (String label : a.labels()) {
                if (!labels.contains(label)) {
                    throw new UserException(a.source() + ": label \"" + label + "\" is not one of the model's ("
                            + String.join(", ", labels) + ")");
                }
            }
            Prediction p = classifier.classify(a);
            boolean allRight = true;
            for (int k = 0; k < l; k++) {
                String label = labels.get(k);
                scores[k][i] = p.probabilities().get(label);
                truth[k][i] = a.labels().contains(label);
                predicted[k][i] = p.has(label);
                allRight &= truth[k][i] == predicted[k][i];
            }
            if (allRight) {
                exact++;
            }
        }
        List<LabelMetrics> metrics = new ArrayList<>();
        for (int k = 0; k < l; k++) {
            metrics.add(LabelMetrics.of(labels.get(k), truth[k], predicted[k]));
        }
        return new Evaluation(labels, classifier.header().mode(), metrics, n == 0 ? 0 : (double) exact / n, scores,
                truth, classifier.header().thresholds());
    }

    LabelMetrics micro() {
        return LabelMetrics.micro(metrics);
    }

    double macroF1() {
        return LabelMetrics.macroF1(metrics);
    }

    int articles() {
        return scores.length == 0 ? 0 : scores[0].length;
    }
}
