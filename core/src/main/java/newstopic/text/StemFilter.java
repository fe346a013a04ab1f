package newstopic.text;

/**
 * Porter-stems each token in place; acronyms and placeholders are left alone. Not thread-safe,
 * like the stream it wraps.
 */
public final class StemFilter implements TokenStream {

    private final TokenStream input;
    private final PorterStemmer stemmer = new PorterStemmer();

    public StemFilter(TokenStream input) {
        this.input = input;
    }

    @Override
    public boolean next() {
        if (!input.next()) {
            return false;
        }
        CharTerm term = input.term();
        if (!term.isAcronym()) {
            term.setLength(stemmer.stem(term.buffer(), 0, term.length()));
        }
        return true;
    }

    @Override
    public CharTerm term() {
        return input.term();
    }
}
