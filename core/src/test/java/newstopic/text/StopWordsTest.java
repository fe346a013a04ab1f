package newstopic.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopWordsTest {

    private static final String[] KNOWN = {
        "a", "an", "the", "and", "or", "but", "not", "is", "was", "were", "be", "been", "have",
        "has", "had", "do", "does", "did", "will", "would", "can", "could", "should", "of", "in",
        "on", "at", "to", "from", "by", "with", "for", "about", "into", "over", "under", "between",
        "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
        "they", "them", "their", "this", "that", "these", "those", "which", "who", "whom", "what",
        "if", "because", "than", "then", "so", "very", "too", "only", "s", "t", "don",
    };

    private static final String[] CONTENT = {
        "war", "refugee", "refugees", "talks", "said", "election", "ceasefire", "minister",
        "government", "president", "attack", "us", "won", "mine", "the2", "thee", "th", "", "ab",
    };

    private final StopWords english = StopWords.english();

    @Test
    void containsKnownWordsViaCharSequence() {
        for (String word : KNOWN) {
            assertTrue(english.contains(word), word);
            assertTrue(english.contains(new StringBuilder(word)), word);
        }
    }

    @Test
    void containsKnownWordsViaCharArray() {
        for (String word : KNOWN) {
            char[] buf = word.toCharArray();
            assertTrue(english.contains(buf, 0, buf.length), word);
        }
    }

    @Test
    void rejectsContentWordsInBothOverloads() {
        for (String word : CONTENT) {
            assertFalse(english.contains(word), word);
            char[] buf = word.toCharArray();
            assertFalse(english.contains(buf, 0, buf.length), word);
        }
    }

    @Test
    void isCaseSensitive() {
        assertFalse(english.contains("The"));
        assertFalse(english.contains("AND"));
    }

    @Test
    void usesOnlyTheGivenRangeOfTheBuffer() {
        char[] buf = "warthenot talks".toCharArray();
        assertFalse(english.contains(buf, 0, 3)); // war
        assertTrue(english.contains(buf, 3, 3)); // the
        assertTrue(english.contains(buf, 6, 3)); // not
        assertFalse(english.contains(buf, 3, 6)); // thenot
        assertFalse(english.contains(buf, 3, 2)); // th
        assertTrue(english.contains(buf, 3, 1)); // t
        assertFalse(english.contains(buf, 10, 5)); // talks
        assertFalse(english.contains(buf, 9, 0)); // empty
    }

    @Test
    void rejectsRangeOutsideBuffer() {
        char[] buf = "the".toCharArray();
        assertThrows(IndexOutOfBoundsException.class, () -> english.contains(buf, 1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> english.contains(buf, -1, 1));
    }

    @Test
    void englishIsSharedAndOfStandardSize() {
        assertSame(StopWords.english(), StopWords.english());
        int size = english.size();
        assertTrue(size >= 150 && size <= 200, "size " + size);
    }

    @Test
    void customSet() {
        StopWords custom = StopWords.of(List.of("reuters", "ap", "said", "said"));
        assertEquals(3, custom.size());
        assertTrue(custom.contains("reuters"));
        assertTrue(custom.contains("said"));
        char[] buf = "(ap)".toCharArray();
        assertTrue(custom.contains(buf, 1, 2));
        assertFalse(custom.contains("the"));
        assertFalse(custom.contains("a"));
        assertFalse(custom.contains("reuter"));
    }

    @Test
    void emptyCustomSet() {
        StopWords empty = StopWords.of(List.of());
        assertEquals(0, empty.size());
        assertFalse(empty.contains("the"));
        assertFalse(empty.contains(""));
    }

    @Test
    void largeCustomSetFindsEveryWordDespiteCollisions() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            words.add("w" + i);
        }
        StopWords big = StopWords.of(words);
        assertEquals(5000, big.size());
        for (String word : words) {
            char[] buf = ("[" + word + "]").toCharArray();
            assertTrue(big.contains(buf, 1, word.length()), word);
            assertTrue(big.contains(word), word);
        }
        assertFalse(big.contains("w5000"));
        assertFalse(big.contains("w-1"));
    }

    @Test
    void rejectsNullWords() {
        assertThrows(NullPointerException.class, () -> StopWords.of(null));
        assertThrows(NullPointerException.class, () -> StopWords.of(Arrays.asList("a", null)));
    }
}
