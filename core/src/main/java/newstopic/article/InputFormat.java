package newstopic.article;

import java.nio.file.Path;
import java.util.Locale;

/** The kinds of article input newstopic reads. Immutable and thread-safe, like every enum. */
public enum InputFormat {
    /** Decide by file name: {@code .csv}, {@code .jsonl}/{@code .ndjson}, anything else raw pages. */
    AUTO,
    /** CSV laid out as a {@link RecordLayout} says. */
    CSV,
    /** JSON Lines, one article object per line. */
    JSONL,
    /** Scraped news-site pages (or a plain text: first line title, the rest body). */
    RAW;

    /** The format of {@code file} when this one is {@link #AUTO}. */
    public InputFormat resolve(Path file) {
        if (this != AUTO) {
            return this;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        return RAW;
    }

    /** Whether a directory walk should read {@code name}: article files, not notes or sidecars. */
    static boolean isArticleFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && !lower.equals(ArticleInputs.SIDECAR)
                && (lower.endsWith(".csv") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".txt"));
    }
}
