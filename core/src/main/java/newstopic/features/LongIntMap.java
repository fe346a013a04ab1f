package newstopic.features;


/**
 * An open-addressing map from non-zero {@code long} keys to {@code int} values, without boxing.
 * Mutable while filled; once published it is only read, and reads are thread-safe.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@code missing}. */
    int get(long key, int missing) {
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == 0) {
                return missing;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The slot of {@code key}, adding it with {@code initial} when absent. */
    int slotOf(long key, int initial) {
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return slot;
            }
            if (k == 0) {
                keys[slot] = key;
                values[slot] = initial;
                size++;
                if (size * 2 > keys.length) {
                    rehash();
                    return slotOf(key, initial);
                }
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    void put(long key, int value) {
        values[slotOf(key, value)] = value;
    }

    int valueAt(int slot) {
        return values[slot];
    }

    void setValueAt(int slot, int value) {
        values[slot] = value;
    }

    /** Raw key array (0 = empty slot), for iteration by the owner. */
    long[] keySlots() {
        return keys;
    }

    private static int spread(long key) {
        return MurmurHash3.fmix((int) key ^ (int) (key >>> 32) * 0x9E3779B1);
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
