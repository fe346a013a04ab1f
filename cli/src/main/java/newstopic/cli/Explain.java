package newstopic.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import newstopic.article.Article;
import newstopic.features.FeatureNames;
import newstopic.features.Featurizer;
import newstopic.features.SparseVector;
import newstopic.features.Workspace;

/** Names an article's heaviest features in words. Stateless and thread-safe. */
final class Explain {

    private Explain() {
    }

    /** The {@code n} n-grams with the largest absolute feature values, as "ngram=value". */
    static String strongestNgrams(Featurizer f, Article a, Workspace ws, SparseVector v, int n) {
        Map<Integer, String> names = FeatureNames.inText(f, a.title(), a.text(), ws);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            order.add(i);
        }
        order.sort((x, y) -> Float.compare(Math.abs(v.value(y)), Math.abs(v.value(x))));
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < Math.min(n, order.size()); k++) {
            int i = order.get(k);
            parts.add("%s=%.3f".formatted(FeatureNames.nameOf(names, v.index(i)), Math.abs(v.value(i))));
        }
        return String.join(", ", parts);
    }
}
