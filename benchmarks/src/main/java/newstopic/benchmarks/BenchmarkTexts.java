package newstopic.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import newstopic.article.Article;
import newstopic.article.CsvArticleReader;
import newstopic.article.ReadOptions;
import newstopic.article.RecordLayout;

/** Benchmark inputs, read from the bundled corpus (or any CSV folder). Stateless and thread-safe. */
final class BenchmarkTexts {

    private BenchmarkTexts() {
    }

    /** Every labeled article under {@code dir} (a folder of CSV files or one file). */
    static List<Article> articles(String dir) {
        Path path = Path.of(dir);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " not found: run from the repository root or set -p corpus=PATH");
        }
        try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
            List<Article> all = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                all.addAll(new CsvArticleReader(RecordLayout.STANDARD, ReadOptions.STRICT).read(f).articles());
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Articles whose title and text together are {@code min}..{@code max} UTF-8 bytes. */
    static List<Article> sized(List<Article> all, int min, int max) {
        return all.stream().filter(a -> {
            int n = bytes(a);
            return n >= min && n <= max;
        }).toList();
    }

    static int bytes(Article a) {
        return a.title().getBytes(StandardCharsets.UTF_8).length + a.text().getBytes(StandardCharsets.UTF_8).length;
    }
}
