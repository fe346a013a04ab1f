package newstopic.features;

/**
 * MurmurHash3 (x86, 32-bit) over UTF-16 code units, two per 32-bit block, and the mixing used to
 * hash word n-grams from their words' hashes. Stateless and thread-safe.
 */
public final class MurmurHash3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private MurmurHash3() {
    }

    /** The hash of {@code chars[offset, offset+length)}. */
    public static int hash(char[] chars, int offset, int length, int seed) {
        int h = seed;
        int i = offset;
        int blocksEnd = offset + (length & ~1);
        for (; i < blocksEnd; i += 2) {
            int k = chars[i] | (chars[i + 1] << 16);
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        if ((length & 1) != 0) {
            h ^= mixK(chars[i]);
        }
        return fmix(h ^ (length * 2));
    }

    /** The hash of a string, as {@link #hash(char[], int, int, int)} would give it. */
    public static int hash(CharSequence s, int seed) {
        char[] chars = s.toString().toCharArray();
        return hash(chars, 0, chars.length, seed);
    }

    /** Folds one more word hash into an n-gram hash (one Murmur block round). */
    public static int combine(int ngramHash, int wordHash) {
        int h = ngramHash ^ mixK(wordHash);
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    /** Murmur's finalization: every input bit affects every output bit. */
    public static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixK(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }
}
