package newstopic.text;

/**
 * Cuts normalized text into word tokens for English news: runs of letters and digits in any
 * script (with their combining marks), words joined by hyphens or apostrophes ({@code iran-backed},
 * {@code o'brien}), dotted acronyms read as one word without dots ({@code u.s.} becomes
 * {@code us}, flagged as an acronym), and the {@link TextNormalizer} placeholders as
 * {@code <url>} and {@code <num>}. Punctuation and symbols separate tokens.
 *
 * <p>No allocation per token: each token is written into the shared {@link CharTerm}. Instances
 * are not thread-safe; reuse one per thread via {@link #reset}.
 */
public final class Tokenizer implements TokenStream {

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
            ASCII_WORD[c - 32] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
    }

    private final CharTerm term = new CharTerm();
    private char[] text = new char[0];
    private int pos;
    private int end;

    /** Starts over on {@code text[start, end)}; the array is read, not copied. */
    public void reset(char[] text, int start, int end) {
        this.text = text;
        this.pos = start;
        this.end = end;
    }

    @Override
    public CharTerm term() {
        return term;
    }

    @Override
    public boolean next() {
        while (pos < end) {
            char c = text[pos];
            if (c == TextNormalizer.URL || c == TextNormalizer.NUMBER) {
                pos++;
                term.set(c == TextNormalizer.URL ? "<url>" : "<num>");
                return true;
            }
            int width = wordCharWidth(pos);
            if (width == 0) {
                pos++;
                continue;
            }
            if (readWord()) {
                return true;
            }
        }
        return false;
    }

    /** Reads the word at {@code pos}; false when it was too long to keep. */
    private boolean readWord() {
        if (isAcronymAt(pos)) {
            return readAcronym();
        }
        char[] buf = term.buffer;
        int len = 0;
        boolean tooLong = false;
        while (pos < end) {
            int width = wordCharWidth(pos);
            if (width == 0) {
                char c = text[pos];
                // a hyphen, apostrophe or ampersand joins two word characters (ceasefire-related, o'brien,
                // at&t); a comma or point joins digits (2,500 and 3.5 when numbers are kept)
                if ((c == '-' || c == '\'' || c == '&') && len > 0 && pos + 1 < end && wordCharWidth(pos + 1) > 0
                        || (c == ',' || c == '.') && len > 0 && isDigit(text[pos - 1]) && pos + 1 < end && isDigit(text[pos + 1])) {
                    width = 1;
                } else {
                    break;
                }
            }
            if (len + width <= CharTerm.MAX_LENGTH) {
                buf[len] = text[pos];
                if (width == 2) {
                    buf[len + 1] = text[pos + 1];
                }
                len += width;
            } else {
                tooLong = true;
            }
            pos += width;
        }
        term.length = len;
        term.acronym = false;
        return !tooLong;
    }

    /** A single letter, a dot and another single letter: {@code u.s.}, {@code u.n.}, {@code e.g.}. */
    private boolean isAcronymAt(int i) {
        return i + 2 < end && isLetter(i) && text[i + 1] == '.' && isLetter(i + 2)
                && (i + 3 >= end || text[i + 3] == '.' || wordCharWidth(i + 3) == 0);
    }

    private boolean readAcronym() {
        char[] buf = term.buffer;
        int len = 0;
        while (pos < end && isLetter(pos) && len < CharTerm.MAX_LENGTH
                && (pos + 1 >= end || text[pos + 1] == '.' || wordCharWidth(pos + 1) == 0)) {
            buf[len++] = text[pos++];
            if (pos < end && text[pos] == '.') {
                pos++;
            } else {
                break;
            }
        }
        term.length = len;
        term.acronym = true;
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean isLetter(int i) {
        char c = text[i];
        return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : Character.isLetter(c);
    }

    /** 0 when {@code text[i]} is not part of a word, else the chars its code point takes (1 or 2). */
    private int wordCharWidth(int i) {
        char c = text[i];
        if (c < 0x80) {
            return ASCII_WORD[c] ? 1 : 0;
        }
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
            return isWordCodePoint(Character.toCodePoint(c, text[i + 1])) ? 2 : 0;
        }
        if (c == TextNormalizer.URL || c == TextNormalizer.NUMBER) {
            return 0;
        }
        return isWordCodePoint(c) ? 1 : 0;
    }

    private static boolean isWordCodePoint(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        // combining marks belong to the letter they sit on (Arabic harakat, Devanagari vowel signs)
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
