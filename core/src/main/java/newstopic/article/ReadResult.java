package newstopic.article;

import java.util.List;

/**
 * What a reader produced: the articles kept, the records skipped in lenient mode (with why), and
 * the duplicate articles that were dropped because an identical one was kept. Immutable and
 * thread-safe.
 */
public record ReadResult(List<Article> articles, List<ArticleFormatException> skipped,
                         List<Duplicate> duplicates) {

    public ReadResult {
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
        duplicates = List.copyOf(duplicates);
    }

    /** An article dropped because the same one was read earlier. */
    public record Duplicate(Source dropped, Source kept, String title) {
        @Override
        public String toString() {
            return dropped + ": duplicate of " + kept + " (\"" + title + "\")";
        }
    }
}
