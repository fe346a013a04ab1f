package newstopic.text;

import java.text.Normalizer;
import java.util.Map;

/**
 * Cleans text before tokenization, in one pass into a reusable buffer: NFKC, case folding, curly
 * quotes and apostrophes made straight, HTML entities decoded and tags dropped, possessive
 * {@code 's} removed, and URLs and free-standing numbers replaced by placeholder characters that
 * the {@link Tokenizer} turns into {@code <url>} and {@code <num>}.
 *
 * <p>Instances are not thread-safe: they own the output buffer. Use one per thread.
 */
public final class TextNormalizer {

    /** Placeholder written for a URL (a private-use code point: it never occurs in news text). */
    public static final char URL = '\uE000';
    /** Placeholder written for a number. */
    public static final char NUMBER = '\uE001';

    private static final Map<String, Character> ENTITIES = Map.ofEntries(
            Map.entry("amp", '&'), Map.entry("lt", '<'), Map.entry("gt", '>'), Map.entry("quot", '"'),
            Map.entry("apos", '\''), Map.entry("nbsp", ' '), Map.entry("ndash", '-'), Map.entry("mdash", '-'),
            Map.entry("lsquo", '\''), Map.entry("rsquo", '\''), Map.entry("ldquo", '"'), Map.entry("rdquo", '"'),
            Map.entry("hellip", '.'), Map.entry("eacute", 'é'), Map.entry("euro", '€'), Map.entry("pound", '£'));

    private static final String[] BARE_ENTITIES = {"quot", "amp", "lt", "gt"};

    private final AnalyzerConfig config;
    private char[] out = new char[1024];
    private int length;

    public TextNormalizer(AnalyzerConfig config) {
        this.config = config;
    }

    /** Normalizes {@code text}; the result stays in {@link #buffer()} until the next call. */
    public void normalize(CharSequence text) {
        CharSequence in = text;
        if (config.nfkc() && !isAscii(text) && !Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            in = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        int n = in.length();
        if (out.length < n + 16) {
            out = new char[Math.max(n + 16, out.length * 2)];
        }
        length = 0;
        for (int i = 0; i < n; ) {
            i = step(in, i, n);
        }
        if (config.htmlEntities()) {
            stripTags();
        }
    }

    /** The normalized characters, valid in {@code [0, length())}. */
    public char[] buffer() {
        return out;
    }

    public int length() {
        return length;
    }

    @Override
    public String toString() {
        return new String(out, 0, length);
    }

    /** Handles the character at {@code i} and returns the index of the next one to handle. */
    private int step(CharSequence in, int i, int n) {
        char c = in.charAt(i);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                emit(config.lowercase() ? (char) (c | 0x20) : c);
                return i + 1;
            }
            if (c >= 'a' && c <= 'z') {
                if (config.urls() && (c == 'h' || c == 'w') && atWordStart(in, i)) {
                    int end = urlEnd(in, i, n);
                    if (end > i) {
                        emit(' ');
                        emit(URL);
                        emit(' ');
                        return end;
                    }
                }
                if (config.htmlEntities() && (c == 'q' || c == 'a' || c == 'l' || c == 'g') && atWordStart(in, i)) {
                    int end = bareEntity(in, i, n);
                    if (end > i) {
                        return end;
                    }
                }
                emit(c);
                return i + 1;
            }
            if (c >= '0' && c <= '9' && config.numbers() && freeStanding(in, i)) {
                int end = numberEnd(in, i, n);
                if (end > 0) {
                    emit(NUMBER);
                    return end;
                }
            }
            if (c == '&' || c == '#') {
                if (config.htmlEntities()) {
                    int end = entity(in, i, n);
                    if (end > i) {
                        return end;
                    }
                }
            } else if (c == '\'' && config.possessives()) {
                return apostrophe(in, i, n);
            }
            emit(c);
            return i + 1;
        }
        return stepNonAscii(in, i, c);
    }

    private int stepNonAscii(CharSequence in, int i, char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u2032', '\u02BC' -> {
                // curly apostrophes become straight ones, then get the possessive treatment
                if (config.possessives()) {
                    return apostrophe(in, i, in.length());
                }
                emit('\'');
                return i + 1;
            }
            case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB' -> {
                emit('"');
                return i + 1;
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> {
                emit(c == '\u2010' || c == '\u2011' ? '-' : ' ');
                return i + 1;
            }
            default -> {
            }
        }
        if (Character.isHighSurrogate(c) && i + 1 < in.length() && Character.isLowSurrogate(in.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, in.charAt(i + 1));
            int folded = config.lowercase() ? Character.toLowerCase(cp) : cp;
            emit(Character.highSurrogate(folded));
            emit(Character.lowSurrogate(folded));
            return i + 2;
        }
        if (Character.isSpaceChar(c)) {
            emit(' ');
        } else {
            emit(config.lowercase() ? Character.toLowerCase(c) : c);
        }
        return i + 1;
    }

    /** {@code 's} at a word's end is dropped; {@code s'} loses its apostrophe; others stay. */
    private int apostrophe(CharSequence in, int i, int n) {
        boolean afterLetter = i > 0 && Character.isLetter(in.charAt(i - 1));
        if (afterLetter && i + 1 < n && (in.charAt(i + 1) | 0x20) == 's' && (i + 2 >= n || !isWordChar(in.charAt(i + 2)))) {
            return i + 2;
        }
        if (afterLetter && (in.charAt(i - 1) | 0x20) == 's' && (i + 1 >= n || !isWordChar(in.charAt(i + 1)))) {
            return i + 1;
        }
        emit('\'');
        return i + 1;
    }

    /** Whether a number at {@code i} stands alone: not glued to a word ({@code g7}, {@code f-16}, {@code covid-19}). */
    private static boolean freeStanding(CharSequence in, int i) {
        if (i == 0) {
            return true;
        }
        char before = in.charAt(i - 1);
        if (before == '-' && i >= 2) {
            return !isWordChar(in.charAt(i - 2));
        }
        return !isWordChar(before);
    }

    /** End of a number starting at {@code i}, or -1 when digits run into letters ({@code 1990s}, {@code g7}). */
    private static int numberEnd(CharSequence in, int i, int n) {
        int j = i;
        while (j < n) {
            char c = in.charAt(j);
            if (c >= '0' && c <= '9') {
                j++;
            } else if ((c == ',' || c == '.') && j + 1 < n && isDigit(in.charAt(j + 1))) {
                j += 2;
            } else {
                break;
            }
        }
        if (j < n && isWordChar(in.charAt(j))) {
            return -1;
        }
        return j;
    }

    /** End of a URL ({@code http://}, {@code https://} or {@code www.}) starting at {@code i}, or -1. */
    private static int urlEnd(CharSequence in, int i, int n) {
        if (!(startsWith(in, i, "http://") || startsWith(in, i, "https://") || startsWith(in, i, "www."))) {
            return -1;
        }
        int j = i;
        while (j < n && !Character.isWhitespace(in.charAt(j)) && in.charAt(j) != '"' && in.charAt(j) != '<') {
            j++;
        }
        while (j > i && ".,;:!?)".indexOf(in.charAt(j - 1)) >= 0) {
            j--; // sentence punctuation after a link is not part of it
        }
        return j;
    }

    /** Decodes {@code &name;}, {@code &#N;}, {@code &#xH;} and feed-mangled {@code #N;} at {@code i}. */
    private int entity(CharSequence in, int i, int n) {
        int j = in.charAt(i) == '&' ? i + 1 : i;
        if (j < n && in.charAt(j) == '#') {
            j++;
            boolean hex = j < n && (in.charAt(j) | 0x20) == 'x';
            if (hex) {
                j++;
            }
            int value = 0;
            int digits = 0;
            while (j < n && digits < 7) {
                int d = Character.digit(in.charAt(j), hex ? 16 : 10);
                if (d < 0) {
                    break;
                }
                value = value * (hex ? 16 : 10) + d;
                j++;
                digits++;
            }
            if (digits == 0 || j >= n || in.charAt(j) != ';' || !Character.isValidCodePoint(value)) {
                return -1;
            }
            emitCodePointNormalized(value);
            return j + 1;
        }
        if (in.charAt(i) != '&') {
            return -1;
        }
        int end = j;
        while (end < n && end - j < 8 && Character.isLetter(in.charAt(end))) {
            end++;
        }
        if (end >= n || in.charAt(end) != ';') {
            return -1;
        }
        Character decoded = ENTITIES.get(in.subSequence(j, end).toString().toLowerCase(java.util.Locale.ROOT));
        if (decoded == null) {
            return -1;
        }
        emitCodePointNormalized(decoded);
        return end + 1;
    }

    /** Feed-mangled entities that lost their ampersand: {@code quot;}, {@code amp;}, {@code lt;}, {@code gt;}. */
    private int bareEntity(CharSequence in, int i, int n) {
        for (String name : BARE_ENTITIES) {
            if (startsWith(in, i, name) && i + name.length() < n && in.charAt(i + name.length()) == ';') {
                emit(ENTITIES.get(name));
                return i + name.length() + 1;
            }
        }
        return -1;
    }

    /** Decoded entities go through the same folding as literal characters. */
    private void emitCodePointNormalized(int cp) {
        String s = Character.toString(cp);
        for (int k = 0; k < s.length(); ) {
            k = step(s, k, s.length());
        }
    }

    /** Removes {@code <tag ...>} runs in place (they appear once {@code &lt;b&gt;} is decoded). */
    private void stripTags() {
        int w = 0;
        for (int r = 0; r < length; r++) {
            char c = out[r];
            if (c == '<' && r + 1 < length && (isAsciiLetter(out[r + 1]) || out[r + 1] == '/')) {
                int close = r + 1;
                while (close < length && close - r < 200 && out[close] != '>' && out[close] != '<') {
                    close++;
                }
                if (close < length && out[close] == '>') {
                    out[w++] = ' ';
                    r = close;
                    continue;
                }
            }
            out[w++] = c;
        }
        length = w;
    }

    private void emit(char c) {
        if (length == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[length++] = c;
    }

    private static boolean atWordStart(CharSequence in, int i) {
        return i == 0 || !isWordChar(in.charAt(i - 1));
    }

    private static boolean startsWith(CharSequence in, int i, String prefix) {
        if (i + prefix.length() > in.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if ((in.charAt(i + k) | 0x20) != prefix.charAt(k) && in.charAt(i + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    static boolean isWordChar(char c) {
        return c < 0x80 ? (isAsciiLetter(c) || isDigit(c)) : Character.isLetterOrDigit(c);
    }

    private static boolean isAscii(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
