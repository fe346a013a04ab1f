package newstopic.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import newstopic.article.Article;
import newstopic.article.ArticleInputs;
import newstopic.article.InputFormat;
import newstopic.article.ReadOptions;
import newstopic.article.RecordLayout;
import newstopic.article.TextFiles;

/** Benchmark inputs, read from the bundled corpus (or any CSV folder). Stateless and thread-safe. */
final class BenchmarkTexts {

    /** Short texts: the size of AG News items (about 240 bytes on average). */
    static final int SHORT_MIN = 150;
    static final int SHORT_MAX = 400;
    /** Long texts: a full news article. */
    static final int LONG_MIN = 3000;
    static final int LONG_MAX = 5000;
    /** From this size an item counts as a full article when long texts are assembled. */
    private static final int ARTICLE_MIN = 1000;

    private BenchmarkTexts() {
    }

    /** Every labeled article under {@code dir} (a folder of CSV files or one file). */
    static List<Article> articles(String dir) {
        Path path = Path.of(dir);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " not found: run from the repository root or set -p corpus=PATH");
        }
        try {
            // a folder of CSV files or one file, read as the CLI reads its inputs
            return ArticleInputs.read(List.of(dir), InputFormat.AUTO, RecordLayout.STANDARD, ReadOptions.STRICT, System.in)
                    .articles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The texts of one size class: {@code short} ({@value #SHORT_MIN}-{@value #SHORT_MAX} bytes,
     * corpus items as they are) or {@code long} ({@value #LONG_MIN}-{@value #LONG_MAX} bytes, see
     * {@link #longTexts}).
     */
    static List<Article> ofSize(List<Article> all, String size) {
        List<Article> docs = switch (size) {
            case "short" -> sized(all, SHORT_MIN, SHORT_MAX);
            case "long" -> longTexts(all);
            default -> throw new IllegalArgumentException("size is short or long, not " + size);
        };
        if (docs.isEmpty()) {
            throw new IllegalStateException("no " + size + " texts can be made from the corpus");
        }
        return docs;
    }

    /** Articles whose title and text together are {@code min}..{@code max} UTF-8 bytes. */
    static List<Article> sized(List<Article> all, int min, int max) {
        return all.stream().filter(a -> {
            int n = bytes(a);
            return n >= min && n <= max;
        }).toList();
    }

    /**
     * Articles of {@value #LONG_MIN}-{@value #LONG_MAX} bytes. The bundled full articles have
     * 150-458 words (1-3 KB), shorter than many real ones, so each long text is a full article
     * followed by the bodies of the next ones in corpus order (skipping any that would pass
     * {@value #LONG_MAX} bytes), as paragraphs under the first one's headline. One text starts at
     * each full article, so they all differ. A corpus with too few full articles joins whatever
     * items it has.
     */
    static List<Article> longTexts(List<Article> all) {
        List<Article> pool = all.stream().filter(a -> bytes(a) >= ARTICLE_MIN).toList();
        if (pool.size() < 3) {
            pool = all;
        }
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            Article first = pool.get(i);
            StringBuilder text = new StringBuilder(first.text());
            int n = bytes(first);
            for (int j = 1; j < pool.size() && n < LONG_MIN; j++) {
                String more = pool.get((i + j) % pool.size()).text();
                int added = utf8(more) + 2;
                if (n + added <= LONG_MAX) {
                    text.append("\n\n").append(more);
                    n += added;
                }
            }
            if (n >= LONG_MIN && n <= LONG_MAX) {
                out.add(Article.of(first.id() + "-long", first.title(), text.toString(), first.source(), first.labels()));
            }
        }
        return out;
    }

    static int bytes(Article a) {
        return utf8(a.title()) + utf8(a.text());
    }

    private static int utf8(String s) {
        return (int) TextFiles.utf8Length(s);
    }

    /** One line for the benchmark log: how many texts and their mean size. */
    static String describe(String what, List<Article> docs) {
        long total = docs.stream().mapToLong(BenchmarkTexts::bytes).sum();
        return String.format("%s: %,d texts, %,d bytes on average", what, docs.size(), total / docs.size());
    }
}
