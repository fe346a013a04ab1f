package newstopic.text;

/**
 * The current token of a {@link TokenStream}: a reusable character buffer, overwritten by each
 * call to {@link TokenStream#next()}. Not thread-safe.
 */
public final class CharTerm implements CharSequence {

    /** Longest token kept; longer runs (encoded blobs, glued words) are skipped. */
    public static final int MAX_LENGTH = 64;

    char[] buffer = new char[MAX_LENGTH + 2];
    int length;
    boolean acronym;
    int startOffset;
    int endOffset;

    /** The characters, valid in {@code [0, length())}. */
    public char[] buffer() {
        return buffer;
    }

    @Override
    public int length() {
        return length;
    }

    /** Whether the token was a dotted acronym such as {@code U.S.} (stop-word filtering spares it). */
    public boolean isAcronym() {
        return acronym;
    }

    /** Where the token starts in the analysed text (see {@code Analyzer.Pipeline#text()}). */
    public int startOffset() {
        return startOffset;
    }

    /** Where the token ends (exclusive) in the analysed text; filters that rewrite a term keep its span. */
    public int endOffset() {
        return endOffset;
    }

    /** Replaces the token's text. */
    public void set(CharSequence text) {
        int n = text.length();
        if (buffer.length < n) {
            buffer = new char[n];
        }
        for (int i = 0; i < n; i++) {
            buffer[i] = text.charAt(i);
        }
        length = n;
        acronym = false;
    }

    /** Sets the length after the buffer was edited in place (e.g. by a stemmer). */
    public void setLength(int newLength) {
        length = newLength;
    }

    @Override
    public char charAt(int index) {
        return buffer[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(buffer, start, end - start);
    }

    @Override
    public String toString() {
        return new String(buffer, 0, length);
    }

    /** Whether the token reads exactly {@code s}. */
    public boolean contentEquals(CharSequence s) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
