package newstopic.features;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import newstopic.article.Article;

/**
 * Names features in words, for explanations, reports and a model's top features: a fitted
 * vocabulary knows its n-grams; hashed features are named by the first n-gram seen with their
 * index. Stateless and thread-safe.
 */
public final class FeatureNames {

    private FeatureNames() {
    }

    /** The features of one text, each named by its first n-gram there. */
    public static Map<Integer, String> inText(Featurizer featurizer, CharSequence title, CharSequence text, Workspace workspace) {
        Map<Integer, String> names = new HashMap<>();
        featurizer.forEachNgram(title, text, workspace, (index, sign, ngram, inTitle, start, end) -> names.putIfAbsent(index, ngram));
        return names;
    }

    /** Names for {@code wanted} features: from the vocabulary, or else from the first articles that have them. */
    public static Map<Integer, String> of(Featurizer featurizer, Set<Integer> wanted, Collection<Article> articles) {
        Map<Integer, String> names = new HashMap<>();
        if (featurizer instanceof TfIdfFeaturizer tfidf) {
            wanted.forEach(f -> names.put(f, tfidf.ngram(f)));
            return names;
        }
        Workspace ws = featurizer.newWorkspace();
        for (Article a : articles) {
            featurizer.forEachNgram(a.title(), a.text(), ws, (index, sign, ngram, inTitle, start, end) -> {
                if (wanted.contains(index)) {
                    names.putIfAbsent(index, ngram);
                }
            });
            if (names.size() == wanted.size()) {
                break;
            }
        }
        return names;
    }

    /** A feature's name, or {@code #index} when no n-gram was seen for it. */
    public static String nameOf(Map<Integer, String> names, int index) {
        return names.getOrDefault(index, "#" + index);
    }
}
