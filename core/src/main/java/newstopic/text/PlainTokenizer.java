package newstopic.text;

/**
 * The {@link Tokenizer}'s fast path for plain text, the common case in news: ASCII without
 * markup, which the {@link TextNormalizer} leaves as it is. In one pass it finds the next token
 * and checks that the text is plain; an ordinary word (letters and digits, up to
 * {@value #MAX_PACKED} characters) comes back case-folded and packed into two {@code long}s, eight
 * characters to each, lowest byte first, zero-padded: ready to be a hash key, with no copy. What is
 * rarer (URLs, acronyms, joined words such as {@code iran-backed} or {@code 2,500}, possessives,
 * long words) is handed back as {@link #OTHER}, to be read by the full tokenizer from its start
 * ({@link Analyzer.Pipeline#nextSurfaceAt}); that gives exactly the reference tokens, because the
 * tokenizer keeps no state from one token to the next.
 *
 * <p>Text that is not plain (a character of {@code 0x80} or more, or {@code & # ; <} when entities
 * are decoded) is {@link #NOT_PLAIN} at the first such character: the caller then starts over on
 * the normalized text ({@link Analyzer.Pipeline#normalized}), where this tokenizer still reads the
 * ASCII words and hands every token that touches a non-ASCII character to the full tokenizer as
 * {@link #OTHER}. Not thread-safe; one per pipeline.
 */
public final class PlainTokenizer {

    /** No more tokens; the whole text was plain. */
    public static final int END = 0;
    /** An ordinary word, packed in {@link #low()} and {@link #high()}. */
    public static final int WORD = 1;
    /** A token the full tokenizer must read, starting at {@link #start()}. */
    public static final int OTHER = 2;
    /** The text needs normalizing: its tokens must come from the full pipeline. */
    public static final int NOT_PLAIN = 3;

    /** Longest word packed. */
    public static final int MAX_PACKED = 16;

    private static final byte SEPARATOR = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** Needs normalizing (see {@link TextNormalizer#isNeeded}). */
    private static final byte MARKUP = 3;
    /** A separator that may join two words ({@code - ' &}, and {@code , .} between digits). */
    private static final byte JOINER = 4;

    /** Per ASCII character, its class as this configuration reads raw text. */
    private final byte[] rawKind = new byte[128];
    /** The same for normalized text, where entities are decoded: no markup, {@code &} a joiner. */
    private final byte[] normalizedKind;
    private byte[] kind = rawKind;
    private boolean normalized;
    private final char[] fold = new char[128];
    private final boolean urls;
    private final boolean possessives;
    private final long numberLow;
    private char[] text;
    private int pos;
    private int end;
    private int start;
    private long low;
    private long high;

    PlainTokenizer(AnalyzerConfig config) {
        byte[] kind = rawKind;
        for (char c = 0; c < 128; c++) {
            fold[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            kind[c] = LETTER;
            kind[c - 32] = LETTER;
            if (config.lowercase()) {
                fold[c - 32] = c;
            }
        }
        for (char c = '0'; c <= '9'; c++) {
            kind[c] = DIGIT;
        }
        for (char c : new char[] {'-', '\'', '&', ',', '.'}) {
            kind[c] = JOINER;
        }
        normalizedKind = kind.clone();
        if (config.htmlEntities()) {
            for (char c : new char[] {'&', '#', ';', '<'}) {
                kind[c] = MARKUP;
            }
        }
        urls = config.urls();
        possessives = config.possessives();
        // a free-standing number reads as the token <num>: packed like any word
        numberLow = config.numbers() ? pack("<num>") : 0;
    }

    private static long pack(String s) {
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            v |= (long) s.charAt(i) << (i << 3);
        }
        return v;
    }

    /**
     * Starts over on {@code text[0, end)}, raw or as the normalizer left it; the array is read,
     * not copied.
     */
    void reset(char[] text, int end, boolean normalized) {
        this.text = text;
        this.end = end;
        this.pos = 0;
        this.normalized = normalized;
        this.kind = normalized ? normalizedKind : rawKind;
    }

    /** The first eight characters of the {@link #WORD}. */
    public long low() {
        return low;
    }

    /** Characters nine to sixteen of the {@link #WORD}, or 0. */
    public long high() {
        return high;
    }

    /** Where the {@link #OTHER} token starts. */
    public int start() {
        return start;
    }

    /**
     * Continues after a token the full tokenizer read (its end offset, or the end of the text when
     * it found none); false, and the text is not plain, if the characters skipped need normalizing.
     */
    public boolean skipTo(int to) {
        if (normalized) {
            pos = to;
            return true;
        }
        final char[] t = text;
        for (int i = pos; i < to; i++) {
            char c = t[i];
            if (c >= 0x80 || kind[c] == MARKUP) {
                return false;
            }
        }
        pos = to;
        return true;
    }

    /** Reads the next token: {@link #END}, {@link #WORD}, {@link #OTHER} or {@link #NOT_PLAIN}. */
    public int next() {
        final char[] t = text;
        final byte[] k = kind;
        final int e = end;
        int p = pos;
        byte cls;
        while (true) {
            if (p >= e) {
                pos = p;
                return END;
            }
            char c = t[p];
            if (c >= 0x80) {
                if (normalized) {
                    // a letter of another script, or a separator: the full tokenizer decides
                    pos = p;
                    start = p;
                    return OTHER;
                }
                return NOT_PLAIN;
            }
            cls = k[c];
            if (cls == LETTER || cls == DIGIT) {
                break;
            }
            if (cls == MARKUP) {
                return NOT_PLAIN;
            }
            p++;
        }
        pos = p;
        start = p;
        // what the tokenizer checks first at a word start: a URL (http://, https://, www.), then an
        // acronym (a letter and a dot); both are rare, so the full tokenizer reads them
        if (p + 3 < e) {
            char c3 = t[p + 3];
            int c0 = t[p] | 0x20;
            if (urls && (c3 == 'p' || c3 == 'P' || c3 == '.') && (c0 == 'h' || c0 == 'w')) {
                return OTHER;
            }
        }
        if (cls == LETTER && p + 2 < e && t[p + 1] == '.') {
            return OTHER;
        }
        long lo = 0;
        long hi = 0;
        boolean numeric = true;
        boolean lastDigit = false;
        int q = p;
        char c = 0;
        while (q < e) {
            c = t[q];
            if (c >= 0x80) {
                return normalized ? OTHER : NOT_PLAIN;
            }
            byte kc = k[c];
            if (kc != LETTER && kc != DIGIT) {
                break;
            }
            lastDigit = kc == DIGIT;
            numeric &= lastDigit;
            int i = q - p;
            long shifted = (long) fold[c] << ((i & 7) << 3);
            if (i < 8) {
                lo |= shifted;
            } else {
                hi |= shifted;
            }
            q++;
        }
        int len = q - p;
        if (len > MAX_PACKED) {
            return OTHER;
        }
        int next = q; // where the next token may start
        if (q < e) {
            byte kc = k[c];
            if (kc == MARKUP) {
                return NOT_PLAIN;
            }
            if (kc == JOINER) {
                if (c == '\'' && possessives && q + 1 < e && (t[q + 1] | 0x20) == 's'
                        && (q + 2 == e || t[q + 2] < 0x80 && k[t[q + 2]] != LETTER && k[t[q + 2]] != DIGIT)) {
                    next = q + 2; // the possessive 's, dropped: the commonest joiner in news by far
                } else if (c == '-' || c == '\'' || c == '&'
                        || lastDigit && q + 1 < e && t[q + 1] >= '0' && t[q + 1] <= '9') {
                    // a hyphen, apostrophe or ampersand may join the next word; a comma or point, digits
                    return OTHER;
                }
            }
        }
        if (numeric && numberLow != 0) {
            lo = numberLow;
            hi = 0;
        }
        low = lo;
        high = hi;
        pos = next;
        return WORD;
    }
}
