package newstopic.text;

/**
 * Cuts text into word tokens for English news, in one pass and with no allocation per token:
 * <ul>
 *   <li>runs of letters and digits in any script, with their combining marks;</li>
 *   <li>words joined by a hyphen, apostrophe or ampersand stay whole ({@code iran-backed},
 *       {@code o'brien}, {@code at&t}); digits joined by a comma or point too ({@code 2,500});</li>
 *   <li>dotted acronyms become one word without dots ({@code U.S.} is {@code us}, flagged as an
 *       acronym so stop-word removal spares it);</li>
 *   <li>case folding, the possessive {@code 's} dropped, URLs as {@code <url>} and free-standing
 *       numbers as {@code <num>}, each as the {@link AnalyzerConfig} says.</li>
 * </ul>
 * Character-level clean-up (NFKC, quotes, entities) is the {@link TextNormalizer}'s, before this.
 *
 * <p>Instances are not thread-safe; reuse one per thread via {@link #reset}.
 */
public final class Tokenizer implements TokenStream {

    private static final byte SEPARATOR = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** ASCII character classes; upper-case letters are folded through {@link #LOWER}. */
    private static final byte[] CLASS = new byte[128];
    private static final char[] LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            LOWER[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = LETTER;
            CLASS[c - 32] = LETTER;
            LOWER[c - 32] = c;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
    }

    private static final char[] IDENTITY = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            IDENTITY[c] = c;
        }
    }

    private final CharTerm term = new CharTerm();
    private final boolean lowercase;
    /** {@link #LOWER} or {@link #IDENTITY}, as the configuration says: no per-character flag test. */
    private final char[] fold;
    private final boolean possessives;
    private final boolean urls;
    private final boolean numbers;
    private char[] text = new char[0];
    private int pos;
    private int end;

    public Tokenizer(AnalyzerConfig config) {
        this.lowercase = config.lowercase();
        this.fold = lowercase ? LOWER : IDENTITY;
        this.possessives = config.possessives();
        this.urls = config.urls();
        this.numbers = config.numbers();
    }

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
        final char[] t = text;
        final int e = end;
        while (true) {
            int p = pos;
            while (p < e && t[p] < 0x80 && CLASS[t[p]] == SEPARATOR) {
                p++;
            }
            pos = p;
            if (p >= e) {
                return false;
            }
            char c = t[p];
            if (c >= 0x80 && wordCharWidth(p) == 0) {
                pos++;
                continue;
            }
            // the fourth character of "http" or "www." filters out ordinary words before the full check
            boolean found;
            if (urls && p + 3 < e && (t[p + 3] == 'p' || t[p + 3] == 'P' || t[p + 3] == '.') && readUrl()) {
                found = true;
            } else if (c < 0x80 && CLASS[c] == LETTER && pos + 2 < end && t[pos + 1] == '.' && isAcronymAt(pos)) {
                readAcronym();
                found = true;
            } else {
                found = readWord();
            }
            if (found) {
                term.startOffset = p;
                term.endOffset = pos;
                return true;
            }
        }
    }

    /** Reads the word at {@code pos}; false when it was too long to keep. */
    private boolean readWord() {
        final char[] t = text;
        final int e = end;
        final char[] buf = term.buffer;
        int p = pos; // a local, so the hot loop keeps it in a register
        int len = 0;
        boolean numeric = true;
        boolean tooLong = false;
        while (p < e) {
            char c = t[p];
            if (c < 0x80) {
                byte cls = CLASS[c];
                if (cls != SEPARATOR) {
                    // the common case first, with few branches: an ASCII letter or digit
                    numeric &= cls == DIGIT;
                    if (len < CharTerm.MAX_LENGTH) {
                        buf[len++] = fold[c];
                    } else {
                        tooLong = true;
                    }
                    p++;
                    continue;
                }
                // a separator: only a joining character continues the word (and is kept in it)
                if (len == 0 || p + 1 >= e || !joins(c, t[p - 1], p + 1)) {
                    break;
                }
                if (c == '\'' && possessives && isPossessiveAt(p)) {
                    p += 2;
                    break;
                }
                if (len < CharTerm.MAX_LENGTH) {
                    buf[len++] = c;
                } else {
                    tooLong = true;
                }
                p++;
                continue;
            }
            int width = wordCharWidth(p);
            if (width == 0) {
                break;
            }
            numeric = false;
            if (len + width <= CharTerm.MAX_LENGTH) {
                if (width == 1) {
                    buf[len++] = lowercase ? Character.toLowerCase(c) : c;
                } else {
                    int cp = Character.toCodePoint(c, t[p + 1]);
                    len += Character.toChars(lowercase ? Character.toLowerCase(cp) : cp, buf, len);
                }
            } else {
                tooLong = true;
            }
            p += width;
        }
        pos = p;
        term.length = len;
        term.acronym = false;
        if (numeric && numbers) {
            term.set("<num>");
        }
        return !tooLong;
    }

    /**
     * Whether {@code c} at {@code pos} joins the word before it to what follows: a hyphen,
     * apostrophe or ampersand between word characters, a comma or point between digits.
     */
    private boolean joins(char c, char before, int after) {
        return switch (c) {
            case '-', '\'', '&' -> wordCharWidth(after) > 0;
            case ',', '.' -> isDigit(before) && isDigit(text[after]);
            default -> false;
        };
    }

    /** {@code 's} ending a word. */
    private boolean isPossessiveAt(int i) {
        return i + 1 < end && (text[i + 1] | 0x20) == 's' && (i + 2 >= end || wordCharWidth(i + 2) == 0);
    }

    /** A URL starting at {@code pos} ({@code http://}, {@code https://} or {@code www.}) becomes {@code <url>}. */
    private boolean readUrl() {
        if (!(startsWith("http://") || startsWith("https://") || startsWith("www."))) {
            return false;
        }
        int j = pos;
        while (j < end && !Character.isWhitespace(text[j]) && text[j] != '"' && text[j] != '<') {
            j++;
        }
        while (j > pos && ".,;:!?)'".indexOf(text[j - 1]) >= 0) {
            j--; // sentence punctuation after a link is not part of it
        }
        pos = j;
        term.set("<url>");
        return true;
    }

    private boolean startsWith(String prefix) {
        if (pos + prefix.length() > end) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char c = text[pos + k];
            if ((c < 0x80 ? LOWER[c] : c) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A single letter, a dot and another single letter: {@code u.s.}, {@code u.n.}, {@code e.g.}. */
    private boolean isAcronymAt(int i) {
        return (i == 0 || wordCharWidth(i - 1) == 0) && isLetter(i + 2)
                && (i + 3 >= end || text[i + 3] == '.' || wordCharWidth(i + 3) == 0);
    }

    private void readAcronym() {
        char[] buf = term.buffer;
        int len = 0;
        while (pos < end && isLetter(pos) && len < CharTerm.MAX_LENGTH
                && (pos + 1 >= end || text[pos + 1] == '.' || wordCharWidth(pos + 1) == 0)) {
            char c = text[pos++];
            buf[len++] = lowercase && c < 0x80 ? LOWER[c] : c;
            if (pos < end && text[pos] == '.') {
                pos++;
            } else {
                break;
            }
        }
        term.length = len;
        term.acronym = true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean isLetter(int i) {
        char c = text[i];
        return c < 0x80 ? CLASS[c] == LETTER : Character.isLetter(c);
    }

    /** 0 when {@code text[i]} is not part of a word, else the chars its code point takes (1 or 2). */
    private int wordCharWidth(int i) {
        char c = text[i];
        if (c < 0x80) {
            return CLASS[c] == SEPARATOR ? 0 : 1;
        }
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
            return isWordCodePoint(Character.toCodePoint(c, text[i + 1])) ? 2 : 0;
        }
        return isWordCodePoint(c) ? 1 : 0;
    }

    /** Whether {@code c} can be part of a word (letters and digits of any script). */
    static boolean isWordChar(char c) {
        return c < 0x80 ? CLASS[c] != SEPARATOR : isWordCodePoint(c);
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
