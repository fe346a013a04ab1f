package newstopic.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import newstopic.article.Article;
import newstopic.article.ArticleFormatException;
import newstopic.model.Mode;
import newstopic.prediction.Prediction;

/**
 * A model's results on labeled articles: per label the confusion counts at the model's own
 * decisions, and the probabilities behind them for curves. Immutable and thread-safe; build one
 * with an {@link Accumulator}, which takes articles one at a time so inputs can stream.
 *
 * @param labels      the model's labels
 * @param mode        how the model decides
 * @param metrics     per label precision/recall/F1 and support
 * @param accuracy    single-label mode: share of articles whose one label is right; else exact-match ratio
 * @param scores      per label, each article's probability (do not modify)
 * @param truth       per label, whether each article carries it (do not modify)
 * @param thresholds  per label, the model's decision threshold
 */
public record Evaluation(List<String> labels, Mode mode, List<LabelMetrics> metrics, double accuracy, double[][] scores,
                         boolean[][] truth, List<Double> thresholds) {

    public LabelMetrics micro() {
        return LabelMetrics.micro(metrics);
    }

    public double macroF1() {
        return LabelMetrics.macroF1(metrics);
    }

    public int articles() {
        return scores.length == 0 ? 0 : scores[0].length;
    }

    /** Collects predictions against the truth, article by article. Not thread-safe. */
    public static final class Accumulator {
        private final List<String> labels;
        private final Mode mode;
        private final List<Double> thresholds;
        private final int[] tp;
        private final int[] fp;
        private final int[] fn;
        private final int[] support;
        private double[][] scores;
        private boolean[][] truth;
        private int n;
        private int exact;

        public Accumulator(List<String> labels, Mode mode, List<Double> thresholds) {
            this.labels = List.copyOf(labels);
            this.mode = mode;
            this.thresholds = List.copyOf(thresholds);
            int l = labels.size();
            tp = new int[l];
            fp = new int[l];
            fn = new int[l];
            support = new int[l];
            scores = new double[l][64];
            truth = new boolean[l][64];
        }

        /** Adds one labeled article and the prediction made for it. */
        public void add(Article article, Prediction prediction) {
            if (!article.isLabeled()) {
                throw new ArticleFormatException(article.source(), "labels",
                        "article \"" + article.title() + "\" has no labels to evaluate against");
            }
            for (String label : article.labels()) {
                if (!labels.contains(label)) {
                    throw new ArticleFormatException(article.source(), "labels", "label \"" + label
                            + "\" is not one of the model's (" + String.join(", ", labels) + ")");
                }
            }
            if (n == scores[0].length) {
                for (int k = 0; k < labels.size(); k++) {
                    scores[k] = Arrays.copyOf(scores[k], n * 2);
                    truth[k] = Arrays.copyOf(truth[k], n * 2);
                }
            }
            boolean allRight = true;
            for (int k = 0; k < labels.size(); k++) {
                String label = labels.get(k);
                boolean t = article.labels().contains(label);
                boolean p = prediction.has(label);
                scores[k][n] = prediction.probabilities().get(label);
                truth[k][n] = t;
                if (t) {
                    support[k]++;
                }
                if (t && p) {
                    tp[k]++;
                } else if (p) {
                    fp[k]++;
                } else if (t) {
                    fn[k]++;
                }
                allRight &= t == p;
            }
            if (allRight) {
                exact++;
            }
            n++;
        }

        /** How many articles were added. */
        public int size() {
            return n;
        }

        public Evaluation result() {
            List<LabelMetrics> metrics = new ArrayList<>();
            double[][] s = new double[labels.size()][];
            boolean[][] t = new boolean[labels.size()][];
            for (int k = 0; k < labels.size(); k++) {
                metrics.add(new LabelMetrics(labels.get(k), tp[k], fp[k], fn[k], support[k]));
                s[k] = Arrays.copyOf(scores[k], n);
                t[k] = Arrays.copyOf(truth[k], n);
            }
            return new Evaluation(labels, mode, metrics, n == 0 ? 0 : (double) exact / n, s, t, thresholds);
        }
    }
}
