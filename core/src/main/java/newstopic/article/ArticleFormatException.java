package newstopic.article;

/**
 * An input record that cannot be read as an article; the message names the file, line and field.
 * Immutable and thread-safe.
 */
public final class ArticleFormatException extends RuntimeException {

    private final Source source;
    private final String field;
    private final String problem;

    public ArticleFormatException(Source source, String field, String problem) {
        super(source + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /** File and line of the bad record. */
    public Source source() {
        return source;
    }

    /** The offending field, or {@code null} when the record as a whole is bad. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
