package newstopic.text;

/**
 * A source of tokens, pulled one at a time into a shared {@link CharTerm}, as in Lucene's
 * analysis chain: a {@link Tokenizer} at the bottom, filters on top. Implementations are not
 * thread-safe.
 */
public interface TokenStream {

    /** Advances to the next token; {@code false} at the end of the text. */
    boolean next();

    /** The current token; the same object for the life of the stream. */
    CharTerm term();
}
