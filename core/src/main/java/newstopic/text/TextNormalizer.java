package newstopic.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Character-level clean-up before tokenization: Unicode NFKC, curly quotes and apostrophes made
 * straight, dashes and exotic spaces made plain, HTML entities decoded (including the {@code #39;}
 * and {@code quot;} forms news feeds leave behind) and tags dropped. Word-level rules (case,
 * possessives, URLs, numbers) are the {@link Tokenizer}'s.
 *
 * <p>Most news text is plain ASCII without markup; {@link #isNeeded} finds that in one cheap scan
 * so the analyzer can skip this pass. Instances are not thread-safe: they own the output buffer.
 */
public final class TextNormalizer {

    private static final Map<String, Character> ENTITIES = Map.ofEntries(
            Map.entry("amp", '&'), Map.entry("lt", '<'), Map.entry("gt", '>'), Map.entry("quot", '"'),
            Map.entry("apos", '\''), Map.entry("nbsp", ' '), Map.entry("ndash", '-'), Map.entry("mdash", '-'),
            Map.entry("lsquo", '\''), Map.entry("rsquo", '\''), Map.entry("ldquo", '"'), Map.entry("rdquo", '"'),
            Map.entry("hellip", '.'), Map.entry("eacute", 'é'), Map.entry("euro", '€'), Map.entry("pound", '£'));
    private static final String[] BARE_ENTITIES = {"quot", "amp", "lt", "gt"};

    private final AnalyzerConfig config;
    private char[] out = new char[1024];
    /** The NFKC form of the input, when it differs. */
    private char[] composed = new char[1024];
    private int length;

    public TextNormalizer(AnalyzerConfig config) {
        this.config = config;
    }

    /** Whether {@code text[0, len)} needs this pass: any non-ASCII character or possible markup. */
    public boolean isNeeded(char[] text, int len) {
        boolean markup = config.htmlEntities();
        for (int i = 0; i < len; i++) {
            char c = text[i];
            if (c >= 0x80 || markup && (c == '&' || c == '#' || c == ';' || c == '<')) {
                return true;
            }
        }
        return false;
    }

    /** Normalizes {@code text[0, len)}; the result stays in {@link #buffer()} until the next call. */
    public void normalize(char[] text, int len) {
        char[] in = text;
        int n = len;
        if (config.nfkc()) {
            for (int i = 0; i < len; i++) {
                if (text[i] >= 0x80) {
                    // most news is already in NFKC (curly quotes, accented letters): checking is
                    // cheaper than normalizing into a new string, and the result is the same
                    CharSequence seq = java.nio.CharBuffer.wrap(text, 0, len);
                    if (!Normalizer.isNormalized(seq, Normalizer.Form.NFKC)) {
                        String s = Normalizer.normalize(seq, Normalizer.Form.NFKC);
                        n = s.length();
                        if (composed.length < n) {
                            composed = new char[Math.max(n, composed.length * 2)];
                        }
                        s.getChars(0, n, composed, 0);
                        in = composed;
                    }
                    break;
                }
            }
        }
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

    /** Convenience for tests and tools: normalizes a string and returns the result. */
    public String normalize(String text) {
        normalize(text.toCharArray(), text.length());
        return toString();
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
    private int step(char[] in, int i, int n) {
        char c = in[i];
        if (config.htmlEntities()) {
            if (c == '&' || c == '#') {
                int end = entity(in, i, n);
                if (end > i) {
                    return end;
                }
            } else if ((c == 'q' || c == 'a' || c == 'l' || c == 'g') && (i == 0 || !Tokenizer.isWordChar(in[i - 1]))) {
                int end = bareEntity(in, i, n);
                if (end > i) {
                    return end;
                }
            }
        }
        if (c < 0x80) {
            emit(c);
            return i + 1;
        }
        switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u2032', '\u02BC' -> emit('\'');
            case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB' -> emit('"');
            case '\u2010', '\u2011' -> emit('-');
            case '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> emit(' ');
            default -> emit(Character.isSpaceChar(c) ? ' ' : c);
        }
        return i + 1;
    }

    /** Decodes {@code &name;}, {@code &#N;}, {@code &#xH;} and feed-mangled {@code #N;} at {@code i}. */
    private int entity(char[] in, int i, int n) {
        int j = in[i] == '&' ? i + 1 : i;
        if (j < n && in[j] == '#') {
            j++;
            boolean hex = j < n && (in[j] | 0x20) == 'x';
            if (hex) {
                j++;
            }
            int value = 0;
            int digits = 0;
            while (j < n && digits < 7) {
                int d = Character.digit(in[j], hex ? 16 : 10);
                if (d < 0) {
                    break;
                }
                value = value * (hex ? 16 : 10) + d;
                j++;
                digits++;
            }
            if (digits == 0 || j >= n || in[j] != ';' || !Character.isValidCodePoint(value)) {
                return -1;
            }
            emitDecoded(value);
            return j + 1;
        }
        if (in[i] != '&') {
            return -1;
        }
        int end = j;
        while (end < n && end - j < 8 && Character.isLetter(in[end])) {
            end++;
        }
        if (end >= n || in[end] != ';') {
            return -1;
        }
        Character decoded = ENTITIES.get(new String(in, j, end - j).toLowerCase(Locale.ROOT));
        if (decoded == null) {
            return -1;
        }
        emitDecoded(decoded);
        return end + 1;
    }

    /** Feed-mangled entities that lost their ampersand: {@code quot;}, {@code amp;}, {@code lt;}, {@code gt;}. */
    private int bareEntity(char[] in, int i, int n) {
        for (String name : BARE_ENTITIES) {
            int end = i + name.length();
            if (end < n && in[end] == ';' && name.contentEquals(java.nio.CharBuffer.wrap(in, i, name.length()))) {
                emit(ENTITIES.get(name));
                return end + 1;
            }
        }
        return -1;
    }

    /** A decoded character goes through the same folding as a literal one. */
    private void emitDecoded(int cp) {
        char[] s = Character.toChars(cp);
        for (int k = 0; k < s.length; ) {
            k = step(s, k, s.length);
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
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[length++] = c;
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
}
