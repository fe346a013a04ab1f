package newstopic.train.corpus;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import newstopic.article.Article;
import newstopic.model.Mode;
import newstopic.train.TrainingException;

/**
 * The labels of a training corpus and which article carries which, checked: every article is
 * labeled, every label known, every label has positives and negatives, single-label articles have
 * exactly one. Immutable and thread-safe (the truth arrays must not be modified).
 *
 * @param labels the label names, in the model's order
 * @param truth  {@code truth[label][article]}: whether the article carries the label
 */
public record LabelSet(List<String> labels, boolean[][] truth) {

    /**
     * Reads and checks the labels of {@code articles}; {@code vocabulary} fixes the labels
     * (null: the labels found, in alphabetical order).
     */
    public static LabelSet of(List<Article> articles, List<String> vocabulary, Mode mode, int folds) {
        for (Article a : articles) {
            if (!a.isLabeled()) {
                throw new TrainingException(a.source() + ": article \"" + a.title()
                        + "\" has no labels (give a labels column, or a labels.csv beside raw pages)");
            }
        }
        List<String> labels = vocabulary != null ? List.copyOf(vocabulary) : found(articles);
        boolean[][] truth = new boolean[labels.size()][articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            for (String label : a.labels()) {
                int k = labels.indexOf(label);
                if (k < 0) {
                    throw new TrainingException(a.source() + ": unknown label \"" + label + "\" (known: "
                            + String.join(", ", labels) + ")");
                }
                truth[k][i] = true;
            }
            if (mode == Mode.SINGLE && a.labels().size() != 1) {
                throw new TrainingException(a.source() + ": single-label mode needs exactly one label per article, found "
                        + (a.labels().isEmpty() ? "none" : String.join(";", a.labels())));
            }
        }
        if (articles.size() < folds) {
            throw new TrainingException("only " + articles.size() + " labeled articles: need at least " + folds
                    + " for " + folds + "-fold cross-validation");
        }
        LabelSet set = new LabelSet(labels, truth);
        for (int k = 0; k < labels.size(); k++) {
            int pos = set.positives(k);
            if (pos == 0) {
                throw new TrainingException("label \"" + labels.get(k) + "\" has no positive examples");
            }
            if (pos == articles.size()) {
                throw new TrainingException("label \"" + labels.get(k) + "\" is on every article: nothing to tell apart");
            }
        }
        return set;
    }

    private static List<String> found(List<Article> articles) {
        Set<String> found = new TreeSet<>();
        articles.forEach(a -> found.addAll(a.labels()));
        if (found.isEmpty()) {
            throw new TrainingException("no article carries any label: nothing to learn");
        }
        return List.copyOf(found);
    }

    public int size() {
        return labels.size();
    }

    /** How many articles carry label {@code k}. */
    public int positives(int k) {
        int n = 0;
        for (boolean t : truth[k]) {
            if (t) {
                n++;
            }
        }
        return n;
    }
}
