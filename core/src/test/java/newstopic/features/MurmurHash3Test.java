package newstopic.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MurmurHash3Test {

    /** Chars are hashed as their UTF-16LE bytes, so byte strings of even length give the published vectors. */
    private static int hashBytes(String ascii, int seed) {
        char[] chars = new char[ascii.length() / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (ascii.charAt(2 * i) | ascii.charAt(2 * i + 1) << 8);
        }
        return MurmurHash3.hash(chars, 0, chars.length, seed);
    }

    @Test
    void matchesPublishedX86Vectors() {
        assertEquals(0, hashBytes("", 0));
        assertEquals(0x514E28B7, hashBytes("", 1));
        assertEquals(0x81F16F39, hashBytes("", 0xffffffff));
        assertEquals(0x2362F9DE, hashBytes("\0\0\0\0", 0));
        assertEquals(0x5A97808A, hashBytes("aaaa", 0x9747b28c));
        assertEquals(0xF0478627, hashBytes("abcd", 0x9747b28c));
        assertEquals(0x74875592, hashBytes("ab", 0x9747b28c));
        assertEquals(0x5D211726, hashBytes("aa", 0x9747b28c));
    }

    @Test
    void offsetsSelectTheRange() {
        char[] buf = "xxrefugeexx".toCharArray();
        assertEquals(MurmurHash3.hash("refugee", 7), MurmurHash3.hash(buf, 2, 7, 7));
    }

    @Test
    void combineIsOrderSensitive() {
        int a = MurmurHash3.hash("talks", 1);
        int b = MurmurHash3.hash("peace", 1);
        assertNotEquals(MurmurHash3.fmix(MurmurHash3.combine(a, b)), MurmurHash3.fmix(MurmurHash3.combine(b, a)));
    }
}
