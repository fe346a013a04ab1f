package newstopic.text;

/**
 * Drops stop words from a token stream; acronyms ({@code U.S.} read as {@code us}) are kept.
 * Not thread-safe, like the stream it wraps.
 */
public final class StopWordFilter implements TokenStream {

    private final TokenStream input;
    private final StopWords stopWords;

    public StopWordFilter(TokenStream input, StopWords stopWords) {
        this.input = input;
        this.stopWords = stopWords;
    }

    @Override
    public boolean next() {
        CharTerm term = input.term();
        while (input.next()) {
            if (keeps(term, stopWords)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the term stays: acronyms always do, other words unless they are stop words. */
    static boolean keeps(CharTerm term, StopWords stopWords) {
        return term.isAcronym() || !stopWords.contains(term.buffer(), 0, term.length());
    }

    @Override
    public CharTerm term() {
        return input.term();
    }
}
