package newstopic.text;

import java.util.Objects;

/**
 * The original Porter stemming algorithm (M.F. Porter, "An algorithm for suffix stripping",
 * <i>Program</i> 14(3), 1980), applied in place to lowercase ASCII English words.
 *
 * <p>This follows the 1980 paper exactly (steps 1a, 1b with its cleanup, 1c, 2, 3, 4, 5a and 5b),
 * not the later revisions of the algorithm: for example step 2 rewrites {@code abli} rather than
 * {@code bli} and has no {@code logi} rule.
 *
 * <p>Terminology used below, from the paper: a <em>consonant</em> is a letter other than a, e, i,
 * o, u, and other than a y preceded by a consonant; any word is {@code [C](VC)^m[V]} where C and V
 * are runs of consonants and vowels, and {@code m} is its <em>measure</em>. Within one step only the
 * rule with the longest matching suffix is considered; if its condition fails, the step does
 * nothing.
 *
 * <p>Instances hold no state and are immutable and thread-safe.
 */
public final class PorterStemmer {

    /** A suffix rewrite {@code suffix -> replacement}, guarded by the step's condition on m. */
    private record Rule(String suffix, String replacement) {}

    // Each table is ordered longest suffix first, so the first match is the longest match.

    private static final Rule[] STEP2 = {
        new Rule("ational", "ate"),
        new Rule("ization", "ize"),
        new Rule("iveness", "ive"),
        new Rule("fulness", "ful"),
        new Rule("ousness", "ous"),
        new Rule("tional", "tion"),
        new Rule("biliti", "ble"),
        new Rule("entli", "ent"),
        new Rule("ousli", "ous"),
        new Rule("ation", "ate"),
        new Rule("alism", "al"),
        new Rule("aliti", "al"),
        new Rule("iviti", "ive"),
        new Rule("enci", "ence"),
        new Rule("anci", "ance"),
        new Rule("izer", "ize"),
        new Rule("abli", "able"),
        new Rule("alli", "al"),
        new Rule("ator", "ate"),
        new Rule("eli", "e"),
    };

    private static final Rule[] STEP3 = {
        new Rule("icate", "ic"),
        new Rule("ative", ""),
        new Rule("alize", "al"),
        new Rule("iciti", "ic"),
        new Rule("ical", "ic"),
        new Rule("ness", ""),
        new Rule("ful", ""),
    };

    // Step 4 only deletes, so a list of suffixes is enough.
    private static final String[] STEP4 = {
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ion", "ism", "ate", "iti",
        "ous", "ive", "ize", "al", "er", "ic", "ou",
    };

    /** Creates a stemmer. Instances are interchangeable; one may be shared freely. */
    public PorterStemmer() {}

    /**
     * Stems the word held in {@code buf[offset, offset + len)} in place. Characters outside that
     * range are never read or written. Words of length 2 or less, and words containing any
     * character outside {@code 'a'..'z'}, are left untouched.
     *
     * @param buf buffer holding the word
     * @param offset index of the word's first character
     * @param len length of the word
     * @return the stem's length; the stem occupies {@code buf[offset, offset + result)} and is
     *     never longer than the word
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     */
    public int stem(char[] buf, int offset, int len) {
        Objects.checkFromIndexSize(offset, len, buf.length);
        if (len <= 2) {
            return len;
        }
        int end = offset + len;
        for (int i = offset; i < end; i++) {
            char c = buf[i];
            if (c < 'a' || c > 'z') {
                return len;
            }
        }
        end = step1a(buf, offset, end);
        end = step1b(buf, offset, end);
        end = step1c(buf, offset, end);
        end = step2(buf, offset, end);
        end = step3(buf, offset, end);
        end = step4(buf, offset, end);
        end = step5a(buf, offset, end);
        end = step5b(buf, offset, end);
        return end - offset;
    }

    // ---- steps: each takes the word buf[start, end) and returns its new end ----

    private static int step1a(char[] b, int start, int end) {
        if (endsWith(b, start, end, "sses")) {
            return end - 2;
        }
        if (endsWith(b, start, end, "ies")) {
            return end - 2;
        }
        if (endsWith(b, start, end, "ss")) {
            return end;
        }
        if (endsWith(b, start, end, "s")) {
            return end - 1;
        }
        return end;
    }

    private static int step1b(char[] b, int start, int end) {
        if (endsWith(b, start, end, "eed")) {
            // The longest match wins, so a failing "eed" must not fall through to "ed" (feed).
            return measure(b, start, end - 3) > 0 ? end - 1 : end;
        }
        int stemEnd;
        if (endsWith(b, start, end, "ed")) {
            stemEnd = end - 2;
        } else if (endsWith(b, start, end, "ing")) {
            stemEnd = end - 3;
        } else {
            return end;
        }
        if (!hasVowel(b, start, stemEnd)) {
            return end;
        }
        return step1bCleanup(b, start, stemEnd);
    }

    /** Repairs stems left by removing -ed/-ing so that later steps see a plausible word. */
    private static int step1bCleanup(char[] b, int start, int end) {
        if (endsWith(b, start, end, "at") || endsWith(b, start, end, "bl")
                || endsWith(b, start, end, "iz")) {
            // Safe: at least two characters were just removed, so this stays in range.
            b[end] = 'e';
            return end + 1;
        }
        if (endsWithDoubleConsonant(b, start, end)) {
            char last = b[end - 1];
            // fall(ing), hiss(ing), fizz(ed) keep their double letter.
            return last == 'l' || last == 's' || last == 'z' ? end : end - 1;
        }
        if (measure(b, start, end) == 1 && endsWithCvc(b, start, end)) {
            b[end] = 'e';
            return end + 1;
        }
        return end;
    }

    private static int step1c(char[] b, int start, int end) {
        // sky stays: the y must follow a stem that already has a vowel.
        if (endsWith(b, start, end, "y") && hasVowel(b, start, end - 1)) {
            b[end - 1] = 'i';
        }
        return end;
    }

    private static int step2(char[] b, int start, int end) {
        return applyRules(b, start, end, STEP2);
    }

    private static int step3(char[] b, int start, int end) {
        return applyRules(b, start, end, STEP3);
    }

    private static int step4(char[] b, int start, int end) {
        for (String suffix : STEP4) {
            if (endsWith(b, start, end, suffix)) {
                int stemEnd = end - suffix.length();
                if (measure(b, start, stemEnd) <= 1) {
                    return end;
                }
                if (suffix.equals("ion")) {
                    // -ion only goes after s or t (adoption, decision), not e.g. after n (onion).
                    char before = b[stemEnd - 1];
                    if (before != 's' && before != 't') {
                        return end;
                    }
                }
                return stemEnd;
            }
        }
        return end;
    }

    private static int step5a(char[] b, int start, int end) {
        if (!endsWith(b, start, end, "e")) {
            return end;
        }
        int stemEnd = end - 1;
        int m = measure(b, start, stemEnd);
        // A final cvc with m = 1 keeps its e (rate, hope), which would otherwise read as short.
        if (m > 1 || (m == 1 && !endsWithCvc(b, start, stemEnd))) {
            return stemEnd;
        }
        return end;
    }

    private static int step5b(char[] b, int start, int end) {
        if (endsWithDoubleConsonant(b, start, end) && b[end - 1] == 'l'
                && measure(b, start, end) > 1) {
            return end - 1;
        }
        return end;
    }

    /** Applies the longest matching rule of a step 2/3 table if the stem has m > 0. */
    private static int applyRules(char[] b, int start, int end, Rule[] rules) {
        for (Rule rule : rules) {
            if (endsWith(b, start, end, rule.suffix())) {
                int stemEnd = end - rule.suffix().length();
                if (measure(b, start, stemEnd) == 0) {
                    return end;
                }
                String replacement = rule.replacement();
                // Replacements are never longer than their suffix, so this stays in range.
                for (int i = 0; i < replacement.length(); i++) {
                    b[stemEnd + i] = replacement.charAt(i);
                }
                return stemEnd + replacement.length();
            }
        }
        return end;
    }

    // ---- predicates on buf[start, end) ----

    private static boolean endsWith(char[] b, int start, int end, String suffix) {
        int n = suffix.length();
        if (end - start < n) {
            return false;
        }
        // Compare from the end: suffixes mostly differ in their last letters.
        for (int i = 1; i <= n; i++) {
            if (b[end - i] != suffix.charAt(n - i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVowelLetter(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /** Whether b[i] is a consonant in the paper's sense, within the word starting at start. */
    private static boolean isConsonant(char[] b, int start, int i) {
        char c = b[i];
        if (isVowelLetter(c)) {
            return false;
        }
        if (c != 'y') {
            return true;
        }
        // In a run of y's the status alternates, set by what precedes the run; looking back over
        // the run avoids recursion whose depth would grow with the input.
        int runStart = i;
        while (runStart > start && b[runStart - 1] == 'y') {
            runStart--;
        }
        boolean firstIsConsonant = runStart == start || isVowelLetter(b[runStart - 1]);
        return ((i - runStart) & 1) == 0 ? firstIsConsonant : !firstIsConsonant;
    }

    /** The measure m of b[start, end): the number of vowel-run to consonant-run transitions. */
    private static int measure(char[] b, int start, int end) {
        int m = 0;
        boolean prevConsonant = true; // a word-initial y is a consonant, and C before any V counts 0
        for (int i = start; i < end; i++) {
            boolean consonant = isConsonantAfter(b[i], i == start, prevConsonant);
            if (consonant && !prevConsonant) {
                m++;
            }
            prevConsonant = consonant;
        }
        return m;
    }

    /** The paper's *v*: b[start, end) contains a vowel. */
    private static boolean hasVowel(char[] b, int start, int end) {
        boolean prevConsonant = true;
        for (int i = start; i < end; i++) {
            prevConsonant = isConsonantAfter(b[i], i == start, prevConsonant);
            if (!prevConsonant) {
                return true;
            }
        }
        return false;
    }

    /** Consonant test for a left-to-right scan that already knows the previous letter's status. */
    private static boolean isConsonantAfter(char c, boolean first, boolean prevConsonant) {
        if (isVowelLetter(c)) {
            return false;
        }
        return c != 'y' || first || !prevConsonant;
    }

    /** The paper's *d: b[start, end) ends with two identical consonants. */
    private static boolean endsWithDoubleConsonant(char[] b, int start, int end) {
        return end - start >= 2 && b[end - 1] == b[end - 2] && isConsonant(b, start, end - 1);
    }

    /** The paper's *o: b[start, end) ends consonant-vowel-consonant, the last not w, x or y. */
    private static boolean endsWithCvc(char[] b, int start, int end) {
        if (end - start < 3) {
            return false;
        }
        char last = b[end - 1];
        if (last == 'w' || last == 'x' || last == 'y') {
            return false;
        }
        return isConsonant(b, start, end - 3)
                && !isConsonant(b, start, end - 2)
                && isConsonant(b, start, end - 1);
    }
}
