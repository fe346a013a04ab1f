package newstopic.features;

/**
 * The fitted vocabulary's n-gram keys and their feature indices, read-only, with key and index
 * side by side in one array so a lookup touches one cache line (the featurizer looks up every
 * n-gram of every document here). Immutable and thread-safe once built.
 */
final class NgramTable {

    private final long[] table; // key, index; key 0 = empty
    private final int mask;

    /** Indexes {@code keys}: key {@code i} gets feature index {@code i}. Keys are never 0. */
    NgramTable(long[] keys) {
        int capacity = Integer.highestOneBit(Math.max(16, keys.length * 2 - 1)) << 1;
        table = new long[capacity * 2];
        mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            int slot = spread(keys[i]) & mask;
            while (table[slot * 2] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot * 2] = keys[i];
            table[slot * 2 + 1] = i;
        }
    }

    /** The feature index of {@code key}, or -1. */
    int get(long key) {
        int slot = spread(key) & mask;
        while (true) {
            long k = table[slot * 2];
            if (k == key) {
                return (int) table[slot * 2 + 1];
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
