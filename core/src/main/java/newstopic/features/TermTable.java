package newstopic.features;

import java.util.Arrays;

/**
 * Words to dense ids (0, 1, 2...), looked up straight from a character buffer so the hot path
 * builds no strings. Characters live in one pool. Mutable while being filled by
 * {@link #add}; once filled and published it is only read, and reads are thread-safe.
 */
final class TermTable {

    private static final int SEED = 0x6e657773;

    private char[] pool = new char[1 << 12];
    private int poolSize;
    private int[] starts = new int[256];
    private int[] lengths = new int[256];
    private int size;
    private int[] slots = new int[512]; // id + 1, 0 = empty

    int size() {
        return size;
    }

    /** The id of {@code chars[offset, offset+length)}, or -1. */
    int find(char[] chars, int offset, int length) {
        int mask = slots.length - 1;
        int slot = MurmurHash3.hash(chars, offset, length, SEED) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            int id = entry - 1;
            if (equalsAt(id, chars, offset, length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of the word, adding it when new. */
    int add(char[] chars, int offset, int length) {
        int mask = slots.length - 1;
        int slot = MurmurHash3.hash(chars, offset, length, SEED) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            if (equalsAt(entry - 1, chars, offset, length)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        int id = size++;
        if (id == starts.length) {
            starts = Arrays.copyOf(starts, id * 2);
            lengths = Arrays.copyOf(lengths, id * 2);
        }
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        System.arraycopy(chars, offset, pool, poolSize, length);
        starts[id] = poolSize;
        lengths[id] = length;
        poolSize += length;
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    int add(String word) {
        return add(word.toCharArray(), 0, word.length());
    }

    String word(int id) {
        return new String(pool, starts[id], lengths[id]);
    }

    private boolean equalsAt(int id, char[] chars, int offset, int length) {
        if (lengths[id] != length) {
            return false;
        }
        int start = starts[id];
        for (int i = 0; i < length; i++) {
            if (pool[start + i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = MurmurHash3.hash(pool, starts[id], lengths[id], SEED) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }
}
