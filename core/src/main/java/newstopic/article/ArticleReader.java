package newstopic.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads articles from one input, record by record: CSV, JSON Lines and raw pages alike, for the
 * command line, the server and the batch jobs. Problems name the input, line and field; strict
 * readers throw {@link ArticleFormatException} at the first, lenient ones hand it to
 * {@link ArticleSink#skipped} and go on. Whether an implementation is thread-safe is stated on it.
 */
public interface ArticleReader {

    /** Whether bad records are skipped (and reported) instead of failing the read. */
    boolean lenient();

    /**
     * Reads every article of {@code in}; {@code name} stands for the input in sources and messages.
     * When {@code in} is a {@link Utf8Reader}, records spoiled by invalid UTF-8 are reported as such.
     */
    void read(Reader in, String name, ArticleSink sink) throws IOException;

    /** Reads a file, decoded as strict UTF-8. */
    default void read(Path file, ArticleSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(new Utf8Reader(in, file.toString(), lenient()), file.toString(), sink);
        }
    }

    /** Reads a whole text; for small inputs such as a request body or a test. */
    default ReadResult read(String text, String name) {
        ArticleSink.Collector all = new ArticleSink.Collector();
        try {
            read(new StringReader(text), name, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string cannot fail to read
        }
        return all.result();
    }

    /** Reads a whole file into memory; for small inputs. */
    default ReadResult read(Path file) throws IOException {
        ArticleSink.Collector all = new ArticleSink.Collector();
        read(file, all);
        return all.result();
    }

    /** The encoding problem of lines {@code from..to} of {@code in}, or null (none, or not known). */
    static String encodingProblem(Reader in, int from, int to) {
        return in instanceof Utf8Reader u ? u.problemIn(from, to) : null;
    }
}
