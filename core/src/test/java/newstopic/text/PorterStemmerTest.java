package newstopic.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PorterStemmerTest {

    private final PorterStemmer stemmer = new PorterStemmer();

    private String stem(String word) {
        char[] buf = word.toCharArray();
        int len = stemmer.stem(buf, 0, buf.length);
        return new String(buf, 0, len);
    }

    /** Asserts each {word, expected stem} pair, reporting every mismatch at once. */
    private void assertStems(String[][] pairs) {
        StringBuilder failures = new StringBuilder();
        for (String[] pair : pairs) {
            String actual = stem(pair[0]);
            if (!actual.equals(pair[1])) {
                failures.append(pair[0]).append(" -> ").append(actual)
                        .append(" (expected ").append(pair[1]).append(")\n");
            }
        }
        assertEquals("", failures.toString());
    }

    @Test
    void step1a() {
        assertStems(new String[][] {
            {"caresses", "caress"},
            {"ponies", "poni"},
            {"ties", "ti"},
            {"caress", "caress"},
            {"cats", "cat"},
        });
    }

    @Test
    void step1b() {
        assertStems(new String[][] {
            {"feed", "feed"},
            {"agreed", "agre"},
            {"plastered", "plaster"},
            {"bled", "bled"},
            {"motoring", "motor"},
            {"sing", "sing"},
        });
    }

    @Test
    void step1bCleanup() {
        assertStems(new String[][] {
            {"conflated", "conflat"},
            {"troubled", "troubl"},
            {"sized", "size"},
            {"hopping", "hop"},
            {"tanned", "tan"},
            {"falling", "fall"},
            {"hissing", "hiss"},
            {"fizzed", "fizz"},
            {"failing", "fail"},
            {"filing", "file"},
        });
    }

    @Test
    void step1c() {
        assertStems(new String[][] {
            {"happy", "happi"},
            {"sky", "sky"},
        });
    }

    @Test
    void step2() {
        assertStems(new String[][] {
            {"relational", "relat"},
            {"conditional", "condit"},
            {"rational", "ration"},
            {"valenci", "valenc"},
            {"hesitanci", "hesit"},
            {"digitizer", "digit"},
            {"conformabli", "conform"},
            {"radicalli", "radic"},
            {"differentli", "differ"},
            {"vileli", "vile"},
            {"analogousli", "analog"},
            {"vietnamization", "vietnam"},
            {"predication", "predic"},
            {"operator", "oper"},
            {"feudalism", "feudal"},
            {"decisiveness", "decis"},
            {"hopefulness", "hope"},
            {"callousness", "callous"},
            {"formaliti", "formal"},
            {"sensitiviti", "sensit"},
            {"sensibiliti", "sensibl"},
        });
    }

    @Test
    void step3() {
        assertStems(new String[][] {
            {"triplicate", "triplic"},
            {"formative", "form"},
            {"formalize", "formal"},
            {"electriciti", "electr"},
            {"electrical", "electr"},
            {"hopeful", "hope"},
            {"goodness", "good"},
        });
    }

    @Test
    void step4() {
        assertStems(new String[][] {
            {"revival", "reviv"},
            {"allowance", "allow"},
            {"inference", "infer"},
            {"airliner", "airlin"},
            {"gyroscopic", "gyroscop"},
            {"adjustable", "adjust"},
            {"defensible", "defens"},
            {"irritant", "irrit"},
            {"replacement", "replac"},
            {"adjustment", "adjust"},
            {"dependent", "depend"},
            {"adoption", "adopt"},
            {"homologou", "homolog"},
            {"communism", "commun"},
            {"activate", "activ"},
            {"angulariti", "angular"},
            {"homologous", "homolog"},
            {"effective", "effect"},
            {"bowdlerize", "bowdler"},
        });
    }

    @Test
    void step4IonNeedsSOrT() {
        // All three stems have m = 2; only those ending in s or t lose -ion.
        assertStems(new String[][] {
            {"opinion", "opinion"},
            {"religion", "religion"},
            {"decision", "decis"},
            {"adoption", "adopt"},
        });
    }

    @Test
    void step5() {
        assertStems(new String[][] {
            {"probate", "probat"},
            {"rate", "rate"},
            {"cease", "ceas"},
            {"controll", "control"},
            {"roll", "roll"},
        });
    }

    @Test
    void multipleSteps() {
        assertStems(new String[][] {
            {"generalizations", "gener"},
            {"oscillators", "oscil"},
        });
    }

    @Test
    void newsVocabulary() {
        assertStems(new String[][] {
            {"migrants", "migrant"},
            {"refugees", "refuge"},
            {"negotiations", "negoti"},
            {"attacks", "attack"},
            // Step 5a drops the e: m("ceasefir") = 3.
            {"ceasefire", "ceasefir"},
            {"elections", "elect"},
            {"sanctions", "sanction"},
        });
    }

    @Test
    void yIsAConsonantAtStartOrAfterVowel() {
        assertStems(new String[][] {
            {"youth", "youth"},
            {"toys", "toi"},
            {"syzygy", "syzygi"},
            {"yyyy", "yyyi"}, // y, then vowel y, consonant y, vowel y
        });
    }

    @Test
    void shortWordsAreUnchanged() {
        assertStems(new String[][] {
            {"a", "a"},
            {"is", "is"},
            {"as", "as"},
            {"ed", "ed"},
            {"", ""},
        });
    }

    @Test
    void shortWordsAtLengthThreeAreStemmed() {
        assertStems(new String[][] {
            {"abs", "ab"},
            {"ies", "i"},
            {"ing", "ing"},
        });
    }

    @Test
    void nonLetterWordsAreUnchanged() {
        assertStems(new String[][] {
            {"Cats", "Cats"},
            {"cats2", "cats2"},
            {"u.s.", "u.s."},
            {"2024", "2024"},
            {"caf\u00e9", "caf\u00e9"},
            {"ponies!", "ponies!"},
        });
    }

    @Test
    void stemsInPlaceWithinLargerBuffer() {
        char[] buf = "xx caresses yy".toCharArray();
        char[] before = buf.clone();
        int len = stemmer.stem(buf, 3, 8);
        assertEquals(6, len);
        assertEquals("caress", new String(buf, 3, len));
        // Only the word's own range may change, and only up to its old end.
        for (int i = 0; i < 3; i++) {
            assertEquals(before[i], buf[i]);
        }
        for (int i = 11; i < buf.length; i++) {
            assertEquals(before[i], buf[i]);
        }
    }

    @Test
    void stemsWordAdjacentToOtherLetters() {
        // The neighbours are letters too, so any read outside the range would change the result.
        char[] buf = "aahoppingaa".toCharArray();
        int len = stemmer.stem(buf, 2, 7);
        assertEquals("hop", new String(buf, 2, len));
        assertEquals("aa", new String(buf, 9, 2));
        assertEquals("aa", new String(buf, 0, 2));

        char[] sky = "asky".toCharArray();
        // Read alone, "sky" has no vowel before its y; the preceding 'a' must not count.
        assertEquals(3, stemmer.stem(sky, 1, 3));
        assertArrayEquals("asky".toCharArray(), sky);
    }

    @Test
    void rejectsRangeOutsideBuffer() {
        char[] buf = "cats".toCharArray();
        assertThrows(IndexOutOfBoundsException.class, () -> stemmer.stem(buf, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> stemmer.stem(buf, -1, 2));
    }
}
