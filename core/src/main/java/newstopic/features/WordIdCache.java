package newstopic.features;

import java.util.Arrays;

/**
 * Remembers, per surface form as the tokenizer cut it, the vocabulary id it ends as after stop
 * words and stemming (or that it is dropped): news repeats its words, so most tokens cost one
 * lookup here instead of a stop-word lookup, a stemmer and a vocabulary lookup. Bounded: 32,768
 * words (about 1.5 MB), emptied when full; measured on the bundled corpus, 8,192 words thrashed
 * and cost a third of the speed, 65,536 were slower again (cache misses). Belongs to one
 * featurizer's vocabulary. Not thread-safe; one per workspace.
 */
final class WordIdCache {

    static final int MISS = Integer.MIN_VALUE;
    private static final int SLOTS = 1 << 16;
    private static final int MAX_ENTRIES = SLOTS / 2;
    private static final int MAX_WORD = 16; // longer words are rare: they go the slow way

    private final int[] slots = new int[SLOTS]; // entry + 1; 0 = empty
    private final int[] hashes = new int[MAX_ENTRIES];
    private final int[] values = new int[MAX_ENTRIES];
    private final byte[] lengths = new byte[MAX_ENTRIES];
    private final char[] pool = new char[MAX_ENTRIES * MAX_WORD];
    private int entries;
    private Object owner;

    /** Empties the cache unless it already belongs to {@code featurizer}. */
    void bindTo(Object featurizer) {
        if (owner != featurizer) {
            clear();
            owner = featurizer;
        }
    }

    static int hash(char[] word, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word[i];
        }
        return h ^ (h >>> 14);
    }

    /** The remembered value of the word, or {@link #MISS}. */
    int get(char[] word, int length, int hash) {
        int slot = hash & (SLOTS - 1);
        while (true) {
            int e = slots[slot] - 1;
            if (e < 0) {
                return MISS;
            }
            if (hashes[e] == hash && lengths[e] == length && same(e, word, length)) {
                return values[e];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /** Remembers the word's value; call before the word's characters are changed by analysis. */
    void put(char[] word, int length, int hash, int value) {
        if (length > MAX_WORD) {
            return;
        }
        if (entries == MAX_ENTRIES) {
            clear();
        }
        int slot = hash & (SLOTS - 1);
        while (slots[slot] != 0) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        int e = entries++;
        System.arraycopy(word, 0, pool, e * MAX_WORD, length);
        hashes[e] = hash;
        lengths[e] = (byte) length;
        values[e] = value;
        slots[slot] = e + 1;
    }

    private boolean same(int e, char[] word, int length) {
        int at = e * MAX_WORD;
        for (int i = 0; i < length; i++) {
            if (pool[at + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private void clear() {
        Arrays.fill(slots, 0);
        entries = 0;
    }
}
