package newstopic.train.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newstopic.article.Article;
import newstopic.features.NearDuplicates;
import newstopic.train.TrainingException;

/**
 * Groups near-copies of one article (MinHash over word 3-shingles) so that cross-validation keeps
 * each group in one fold; identical texts with different labels are an error. Immutable and
 * thread-safe (the array must not be modified).
 *
 * @param groupOf  per article, its group id
 * @param groups   how many groups hold more than one article
 * @param copies   how many articles are in such groups
 */
public record NearDuplicateGroups(int[] groupOf, int groups, int copies) {

    public static NearDuplicateGroups find(List<Article> articles, double similarity) {
        List<String> texts = articles.stream().map(a -> a.title() + "\n" + a.text()).toList();
        NearDuplicates.Result result = NearDuplicates.find(texts, similarity);
        for (NearDuplicates.Pair p : result.pairs()) {
            Article a = articles.get(p.first());
            Article b = articles.get(p.second());
            boolean same = normalized(texts.get(p.first())).equals(normalized(texts.get(p.second())));
            if (same && !a.labels().equals(b.labels())) {
                throw new TrainingException(b.source() + ": same text as " + a.source() + " but labeled "
                        + String.join(";", b.labels()) + " instead of " + String.join(";", a.labels()));
            }
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int g : result.groupOf()) {
            sizes.merge(g, 1, Integer::sum);
        }
        int groups = (int) sizes.values().stream().filter(s -> s > 1).count();
        int copies = sizes.values().stream().filter(s -> s > 1).mapToInt(Integer::intValue).sum();
        return new NearDuplicateGroups(result.groupOf(), groups, copies);
    }

    private static String normalized(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
