package newstopic.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import newstopic.article.Article;
import newstopic.article.Source;

/**
 * Large labeled training sets made from a small corpus. Each generated article copies a random
 * corpus item's labels and is stitched from it and another item with exactly the same labels:
 * its headline is the start of one headline and the end of the other, and its text as many
 * sentences, drawn from both in random order, as the first item has. Lengths, vocabulary and
 * label combinations therefore follow the corpus, while no two generated articles are identical
 * (near-copies remain, as in real news, and training keeps them in one fold). A seeded
 * {@link Random} makes every run write the same set. Stateless and thread-safe.
 */
final class TrainingSets {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private TrainingSets() {
    }

    /** A corpus item cut into headline words and sentences. */
    private record Parts(Article article, String[] titleWords, String[] sentences) {
    }

    /** {@code count} generated labeled articles. */
    static List<Article> generate(List<Article> corpus, int count, long seed) {
        Map<Set<String>, List<Parts>> byLabels = new LinkedHashMap<>();
        List<Parts> all = new ArrayList<>();
        for (Article a : corpus) {
            Parts p = new Parts(a, SPACE.split(a.title().strip()), SENTENCE_END.split(a.text().strip()));
            byLabels.computeIfAbsent(a.labels(), k -> new ArrayList<>()).add(p);
            all.add(p);
        }
        Random random = new Random(seed);
        Set<String> seen = new HashSet<>();
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String title;
            String text;
            Parts a;
            int attempts = 0;
            do {
                if (++attempts > 1000) {
                    throw new IllegalStateException("the corpus is too small for " + count + " distinct articles");
                }
                a = all.get(random.nextInt(all.size()));
                List<Parts> same = byLabels.get(a.article().labels());
                Parts b = same.get(random.nextInt(same.size()));
                title = splice(a.titleWords(), b.titleWords(), random);
                text = sample(a.sentences(), b.sentences(), a.sentences().length, random);
            } while (!seen.add(title + '\n' + text));
            String id = String.format("gen-%06d", i + 1);
            out.add(Article.of(id, title, text, new Source("generated", i + 1), a.article().labels()));
        }
        return out;
    }

    /** The first words of {@code a} up to a random cut, then the rest of {@code b} from there. */
    private static String splice(String[] a, String[] b, Random random) {
        int cut = 1 + random.nextInt(Math.max(1, a.length - 1));
        List<String> words = new ArrayList<>(Arrays.asList(a).subList(0, Math.min(cut, a.length)));
        if (cut < b.length) {
            words.addAll(Arrays.asList(b).subList(cut, b.length));
        }
        return String.join(" ", words);
    }

    /** {@code k} sentences drawn without replacement from both items, in random order. */
    private static String sample(String[] a, String[] b, int k, Random random) {
        String[] pool = new String[a.length + b.length];
        System.arraycopy(a, 0, pool, 0, a.length);
        System.arraycopy(b, 0, pool, a.length, b.length);
        int n = Math.min(k, pool.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.length - i);
            String t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return String.join(" ", Arrays.asList(pool).subList(0, n));
    }
}
