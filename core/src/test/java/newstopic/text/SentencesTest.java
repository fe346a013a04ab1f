package newstopic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int n = Sentences.forEach(text, (from, to) -> out.add(text.substring(from, to).strip()));
        assertEquals(out.size(), n, "the count is the number of sentences given");
        return out;
    }

    @Test
    void splitsAtSentenceMarksAndLineBreaks() {
        assertEquals(List.of("Troops entered the town on Monday.", "Residents fled north!", "Who gave the order?",
                        "A second paragraph starts here"),
                split("Troops entered the town on Monday. Residents fled north! Who gave the order?\n\nA second paragraph starts here"));
    }

    @Test
    void quotesAndBracketsCloseTheSentenceTheyEnd() {
        // "Never." alone is too short to be a sentence
        assertEquals(List.of("\u201cWe will not leave,\u201d he said.", "The talks resumed at noon.",
                        "(The ministry confirmed the figure.)", "Talks resume today in Cairo"),
                split("\u201cWe will not leave,\u201d he said. \u201cNever.\u201d The talks resumed at noon. (The ministry confirmed the figure.) Talks resume today in Cairo"));
    }

    @Test
    void initialsAbbreviationsAndNumbersDoNotEndASentence() {
        assertEquals(List.of("U.S. forces and Mr. Smith met Gen. Haddad at 3.5 km from the border on Jan. 4 in the town."),
                split("U.S. forces and Mr. Smith met Gen. Haddad at 3.5 km from the border on Jan. 4 in the town."));
        // a lower-case word after the period continues the sentence
        assertEquals(1, split("The talks ended at 5 p.m. on Friday, officials said.").size());
    }

    @Test
    void fragmentsOfFewerThanThreeWordsAreNotSentences() {
        assertEquals(List.of("Fighting resumed near the airport."), split("TT\n20\n(Reuters)\nFighting resumed near the airport.\nOk then.\n"));
        assertEquals(0, Sentences.forEach("", (a, b) -> {
        }));
    }

    @Test
    void countStopsAtItsLimitAndAtLeastAgreesWithIt() {
        String text = "One two three. Four five six. Seven eight nine. Ten eleven twelve.";
        assertEquals(4, Sentences.count(text, 100));
        assertEquals(2, Sentences.count(text, 2));
        assertTrue(Sentences.atLeast(text, 4));
        assertFalse(Sentences.atLeast(text, 5));
        assertFalse(Sentences.atLeast("a b c", 2), "too short to hold two sentences");
        assertTrue(Sentences.atLeast("a b c.\nd e f", 2), "the shortest text with two sentences");
    }

    @Test
    void atLeastAgreesWithTheFullCountOnRandomTexts() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        String[] pieces = {"word", "Word", "U.S.", "3.5", ".", "!", "?", "\n", " ", " ", " ", "\u201c", "\u201d", "Mr.", "TT"};
        for (int t = 0; t < 2000; t++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(60);
            for (int i = 0; i < len; i++) {
                b.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(3) == 0 ? "" : " ");
            }
            String text = b.toString();
            for (int min = 2; min <= 6; min++) {
                assertEquals(Sentences.count(text, 100) >= min, Sentences.atLeast(text, min), min + " in: " + text);
            }
        }
    }
}
