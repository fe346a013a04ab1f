package newstopic.features;

import java.util.Arrays;

/**
 * Remembers, per surface form as the tokenizer cut it, the vocabulary id it ends as after stop
 * words and stemming (or that it is dropped): news repeats its words, so most tokens cost one
 * lookup here instead of a stop-word lookup, a stemmer and a vocabulary lookup.
 *
 * <p>Each entry sits in one place of one array, so a lookup touches one or two cache lines: the
 * word packed eight Latin-1 characters to a {@code long} (words of up to 16 such characters; others
 * go the slow way), then its value. Zero padding keeps packed words distinct, since no word holds
 * a NUL. Bounded: 32,768 words (1.5 MB), emptied when full; measured on the bundled corpus, 8,192
 * words thrashed and cost a third of the speed. Belongs to one featurizer's vocabulary. Not
 * thread-safe; one per workspace.
 */
final class WordIdCache {

    static final int MISS = Integer.MIN_VALUE;
    static final int MAX_WORD = 16;
    private static final int SLOTS = 1 << 16;
    private static final int MAX_ENTRIES = SLOTS / 2;
    private static final int STRIDE = 3; // low word, high word, value

    private final long[] table = new long[SLOTS * STRIDE];
    private int entries;
    private Object owner;
    /** The packed form of the word last given to {@link #pack}. */
    private long low;
    private long high;

    /** Empties the cache unless it already belongs to {@code featurizer}. */
    void bindTo(Object featurizer) {
        if (owner != featurizer) {
            clear();
            owner = featurizer;
        }
    }

    /** Packs a word for {@link #get} and {@link #put}; false when it cannot be cached. */
    boolean pack(char[] word, int length) {
        if (length > MAX_WORD || length == 0) {
            return false;
        }
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < length; i++) {
            char c = word[i];
            if (c > 0xFF) {
                return false;
            }
            if (i < 8) {
                lo |= (long) c << (i << 3);
            } else {
                hi |= (long) c << ((i - 8) << 3);
            }
        }
        low = lo;
        high = hi;
        return true;
    }

    /** The remembered value of the packed word, or {@link #MISS}. */
    int get() {
        return get(low, high);
    }

    /**
     * The remembered value of a word packed as {@link #pack} does it (and {@code
     * newstopic.text.PlainTokenizer}, which packs while it tokenizes), or {@link #MISS}.
     */
    int get(long lo, long hi) {
        int slot = slot(lo, hi);
        while (true) {
            int at = slot * STRIDE;
            long k = table[at];
            if (k == lo && table[at + 1] == hi) {
                return (int) table[at + 2];
            }
            if (k == 0) {
                return MISS;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /** Remembers the packed word's value. */
    void put(int value) {
        if (entries == MAX_ENTRIES) {
            clear();
        }
        int slot = slot(low, high);
        while (table[slot * STRIDE] != 0) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        int at = slot * STRIDE;
        table[at] = low;
        table[at + 1] = high;
        table[at + 2] = value;
        entries++;
    }

    private static int slot(long lo, long hi) {
        long h = (lo * 0x9E3779B97F4A7C15L) ^ (hi * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 29) ^ (h >>> 43)) & (SLOTS - 1);
    }

    private void clear() {
        Arrays.fill(table, 0);
        entries = 0;
    }
}
