package newstopic.article;

/**
 * Receives what a reader finds, record by record, so that inputs of any size stream: each
 * article, each record skipped in lenient mode (with why), each duplicate dropped. Called on the
 * reading thread only; implementations need not be thread-safe.
 */
@FunctionalInterface
public interface ArticleSink {

    /** An article read. */
    void article(Article article);

    /** A bad record skipped in lenient mode. */
    default void skipped(ArticleFormatException problem) {
    }

    /** An article dropped because the same one was read earlier. */
    default void duplicate(ReadResult.Duplicate duplicate) {
    }

    /** A sink that collects everything, for small inputs. Not thread-safe. */
    final class Collector implements ArticleSink {
        private final java.util.List<Article> articles = new java.util.ArrayList<>();
        private final java.util.List<ArticleFormatException> skipped = new java.util.ArrayList<>();
        private final java.util.List<ReadResult.Duplicate> duplicates = new java.util.ArrayList<>();

        @Override
        public void article(Article article) {
            articles.add(article);
        }

        @Override
        public void skipped(ArticleFormatException problem) {
            skipped.add(problem);
        }

        @Override
        public void duplicate(ReadResult.Duplicate duplicate) {
            duplicates.add(duplicate);
        }

        public ReadResult result() {
            return new ReadResult(articles, skipped, duplicates);
        }
    }
}
