package newstopic.text;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of stop words, looked up without allocation.
 *
 * <p>Words are stored as char arrays in an open-addressing hash table with linear probing, so a
 * token can be tested straight from a tokenizer's buffer. Lookups are exact and case-sensitive;
 * callers are expected to lowercase tokens first, as the {@link #english()} list is lowercase.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StopWords {

    /**
     * English function words: articles, pronouns, auxiliaries and modals, prepositions,
     * conjunctions, a few determiners and adverbs, and the fragments left when a tokenizer splits
     * contractions at the apostrophe ("don't" to "don" + "t").
     *
     * <p>Deliberately absent, because in news they are usually content words: "us", which after
     * lowercasing is also "US"; "won", mostly the verb rather than part of "won't"; "mine"; and
     * reporting verbs such as "said", which some lists include.
     */
    private static final List<String> ENGLISH_WORDS = List.of(
            // articles and determiners
            "a", "an", "the", "this", "that", "these", "those", "each", "every", "either",
            "neither", "any", "some", "no", "all", "both", "few", "many", "much", "more", "most",
            "other", "such", "same", "own",
            // personal, possessive and reflexive pronouns
            "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your",
            "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
            "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
            // interrogative and relative pronouns and adverbs
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
            // auxiliaries and modals
            "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
            "having", "do", "does", "did", "doing", "will", "would", "shall", "should", "can",
            "could", "cannot", "may", "might", "must",
            // prepositions
            "about", "above", "across", "after", "against", "along", "among", "around", "at",
            "before", "below", "between", "by", "down", "during", "for", "from", "in", "into",
            "of", "off", "on", "onto", "out", "over", "since", "through", "to", "toward",
            "towards", "under", "until", "up", "upon", "with", "within", "without",
            // conjunctions
            "and", "but", "or", "nor", "so", "yet", "if", "because", "as", "than", "then",
            "though", "although", "unless", "whether", "while", "once",
            // common function adverbs
            "not", "only", "very", "too", "also", "just", "now", "here", "there", "again",
            "further",
            // contraction fragments
            "s", "t", "d", "ll", "m", "re", "ve", "don", "doesn", "didn", "isn", "aren", "wasn",
            "weren", "hasn", "haven", "hadn", "wouldn", "couldn", "shouldn", "mustn", "needn",
            "shan");

    private static final StopWords ENGLISH = of(ENGLISH_WORDS);

    /** Slots of the hash table; null marks an empty slot. Length is a power of two. */
    private final char[][] table;
    private final int mask;
    private final int size;

    private StopWords(char[][] table, int size) {
        this.table = table;
        this.mask = table.length - 1;
        this.size = size;
    }

    /**
     * Returns the shared English stop-word list (about 170 lowercase function words).
     *
     * @return the same instance on every call
     */
    public static StopWords english() {
        return ENGLISH;
    }

    /**
     * Builds a stop-word set from the given words. Duplicates are collapsed; words are stored
     * exactly as given.
     *
     * @param words the words; neither the collection nor any element may be null
     * @return a new immutable set
     * @throws NullPointerException if {@code words} or any element is null
     */
    public static StopWords of(Collection<String> words) {
        Objects.requireNonNull(words, "words");
        // Load factor <= 0.5 keeps probe sequences short and guarantees an empty slot to stop at.
        int capacity = Integer.highestOneBit(Math.max(2, words.size()) * 2 - 1) << 1;
        char[][] table = new char[capacity][];
        int mask = capacity - 1;
        int size = 0;
        for (String word : words) {
            Objects.requireNonNull(word, "word");
            char[] chars = word.toCharArray();
            int slot = hash(chars, 0, chars.length) & mask;
            while (table[slot] != null && !equal(table[slot], chars, 0, chars.length)) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == null) {
                table[slot] = chars;
                size++;
            }
        }
        return new StopWords(table, size);
    }

    /**
     * Tests whether {@code buf[offset, offset + len)} is a stop word, without allocating.
     *
     * @param buf buffer holding the word
     * @param offset index of the word's first character
     * @param len length of the word
     * @return true if the word is in this set
     * @throws IndexOutOfBoundsException if the range lies outside {@code buf}
     */
    public boolean contains(char[] buf, int offset, int len) {
        Objects.checkFromIndexSize(offset, len, buf.length);
        int slot = hash(buf, offset, len) & mask;
        char[] entry;
        while ((entry = table[slot]) != null) {
            if (equal(entry, buf, offset, len)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /**
     * Tests whether {@code word} is a stop word.
     *
     * @param word the word; must not be null
     * @return true if the word is in this set
     */
    public boolean contains(CharSequence word) {
        int len = word.length();
        int slot = hash(word, len) & mask;
        char[] entry;
        while ((entry = table[slot]) != null) {
            if (equal(entry, word, len)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /**
     * Returns the number of distinct words in this set.
     *
     * @return the number of words
     */
    public int size() {
        return size;
    }

    // The two hash functions must agree so that both contains overloads find the same slots.

    private static int hash(char[] buf, int offset, int len) {
        int h = 0;
        for (int i = offset, end = offset + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return spread(h);
    }

    private static int hash(CharSequence word, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + word.charAt(i);
        }
        return spread(h);
    }

    /** Mixes high bits into the low ones, which are all the mask keeps for short words. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static boolean equal(char[] entry, char[] buf, int offset, int len) {
        if (entry.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (entry[i] != buf[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(char[] entry, CharSequence word, int len) {
        if (entry.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (entry[i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
