package newstopic.text;

import java.util.Set;

/**
 * Finds the sentences of an article's text for the sentence rule (the label guide's "a couple of
 * sentences develop it"): a line break ends a sentence, and so does {@code .}, {@code !} or
 * {@code ?} (with any closing quotes or brackets) followed by a space and a capital, a digit or an
 * opening quote, unless the word before the period is an initial ({@code U.S.}) or a common
 * abbreviation ({@code Mr.}, {@code Gen.}). Only sentences of at least {@link #MIN_WORDS} words
 * count, so widget debris ({@code TT}, {@code 20}) and credits like {@code (Reuters)} are not
 * sentences. Works on offsets: nothing is allocated per sentence. Stateless and thread-safe.
 */
public final class Sentences {

    /** Words a span needs to count as a sentence. */
    public static final int MIN_WORDS = 3;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "gov", "sen", "rep",
            "prof", "jr", "sr", "no", "mt", "ft", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "inc", "corp",
            "co", "ltd", "rev", "hon", "pres", "dept", "approx", "est");

    /** Receives one sentence as offsets into the text. */
    @FunctionalInterface
    public interface Sink {
        void sentence(int start, int end);
    }

    private Sentences() {
    }

    /** Calls {@code sink} for each sentence of {@code text}, in order; returns how many there were. */
    public static int forEach(CharSequence text, Sink sink) {
        return scan(text, Integer.MAX_VALUE, sink);
    }

    /** The number of sentences, counting no further than {@code limit} (a cheap "at least" test). */
    public static int count(CharSequence text, int limit) {
        return scan(text, limit, null);
    }

    /** Whether {@code text} has at least {@code min} sentences; texts too short to hold them are not scanned. */
    public static boolean atLeast(CharSequence text, int min) {
        // a sentence has MIN_WORDS words, and so at least 2 * MIN_WORDS - 1 characters
        if (text.length() < (long) min * (2 * MIN_WORDS - 1)) {
            return false;
        }
        // every sentence but the last ends at a mark or a line break: most short texts stop here,
        // before the full scan
        int marks = 0;
        for (int i = 0, n = text.length(); i < n && marks < min - 1; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r') {
                marks++;
            }
        }
        return marks >= min - 1 && count(text, min) >= min;
    }

    private static int scan(CharSequence text, int limit, Sink sink) {
        int n = text.length();
        int count = 0;
        int start = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < n && count < limit; i++) {
            char c = text.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
            int end = -1; // exclusive end of a sentence that closes here
            if (c == '\n' || c == '\r') {
                end = i;
            } else if (c == '.' || c == '!' || c == '?') {
                end = sentenceEnd(text, i);
            }
            if (end >= 0) {
                if (words >= MIN_WORDS) {
                    count++;
                    if (sink != null) {
                        sink.sentence(start, end);
                    }
                }
                start = end;
                i = Math.max(i, end - 1); // the closers belong to the sentence they close
                words = 0;
                inWord = false;
            }
        }
        if (count < limit && words >= MIN_WORDS) {
            count++;
            if (sink != null) {
                sink.sentence(start, n);
            }
        }
        return count;
    }

    /**
     * Where the sentence ends when the mark at {@code at} ends one (after its closing quotes and
     * brackets, followed by a space and a sentence opening), or -1.
     */
    private static int sentenceEnd(CharSequence text, int at) {
        int n = text.length();
        int end = at + 1;
        while (end < n && isCloser(text.charAt(end))) {
            end++;
        }
        if (end >= n) {
            return end;
        }
        if (!Character.isWhitespace(text.charAt(end))) {
            return -1; // 3.5, U.S., e.g.
        }
        int j = end;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\u00a0')) {
            j++;
        }
        if (j < n && !opensSentence(text.charAt(j))) {
            return -1;
        }
        return text.charAt(at) == '.' && abbreviation(text, at) ? -1 : end;
    }

    /** Whether the word before the period at {@code dot} is an initial or a known abbreviation. */
    private static boolean abbreviation(CharSequence text, int dot) {
        int s = dot;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        int len = dot - s;
        if (len == 0) {
            return false;
        }
        if (len == 1) {
            return Character.isUpperCase(text.charAt(s)); // an initial: U.S., J. Smith
        }
        if (len > 6) {
            return false;
        }
        return ABBREVIATIONS.contains(text.subSequence(s, dot).toString().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019' || c == '\u00bb';
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\'' || c == '(' || c == '['
                || c == '\u201c' || c == '\u2018' || c == '\u00ab' || c == '\n' || c == '\r';
    }
}
