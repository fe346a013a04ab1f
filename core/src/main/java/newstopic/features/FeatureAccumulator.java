package newstopic.features;

import java.util.Arrays;

/**
 * Sums weights per feature index for one document in an open-addressing table sized to the
 * document, then writes them out sorted. Not thread-safe; one per workspace.
 */
final class FeatureAccumulator {

    private static final int EMPTY = -1;

    private int[] keys = new int[256];
    private float[] sums = new float[256];
    private int[] used = new int[128];
    private int count;

    void clear() {
        for (int i = 0; i < count; i++) {
            keys[used[i]] = EMPTY;
        }
        count = 0;
    }

    {
        Arrays.fill(keys, EMPTY);
    }

    void add(int index, float weight) {
        int mask = keys.length - 1;
        int slot = MurmurHash3.fmix(index) & mask;
        while (true) {
            int k = keys[slot];
            if (k == index) {
                sums[slot] += weight;
                return;
            }
            if (k == EMPTY) {
                keys[slot] = index;
                sums[slot] = weight;
                if (count == used.length) {
                    used = Arrays.copyOf(used, count * 2);
                }
                used[count++] = slot;
                if (count * 2 > keys.length) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return count;
    }

    /**
     * Writes the sums, transformed by {@code tf -> (sublinear ? 1 + ln tf : tf) * scale[index]}
     * ({@code scale} may be null), L2-normalized if asked, into {@code out}, in the order the
     * features were first seen: a dot product does not need them sorted, and sorting every
     * document cost a fifth of the featurizer's time.
     */
    void writeTo(SparseVector out, boolean sublinear, float[] scale, boolean l2) {
        out.clear();
        out.ensureCapacity(count);
        double norm = 0;
        for (int i = 0; i < count; i++) {
            int slot = used[i];
            float tf = sums[slot];
            if (tf == 0f) {
                continue; // signed hashing can cancel a bucket out
            }
            float v = sublinear ? sublinear(tf) : tf;
            int index = keys[slot];
            if (scale != null) {
                v *= scale[index];
            }
            norm += (double) v * v;
            out.append(index, v);
        }
        if (l2 && norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            float[] values = out.values();
            for (int i = 0, n = out.size(); i < n; i++) {
                values[i] *= inv;
            }
        }
    }

    private static final float ONE_PLUS_LN2 = (float) (1 + Math.log(2));

    /** {@code sign(tf) * (1 + ln |tf|)}, with the usual counts 1 and 2 answered without a logarithm. */
    private static float sublinear(float tf) {
        float a = Math.abs(tf);
        float v = a == 1f ? 1f : a == 2f ? ONE_PLUS_LN2 : (float) (1 + Math.log(a));
        return tf < 0 ? -v : v;
    }

    private void grow() {
        int[] oldKeys = keys;
        float[] oldSums = sums;
        int[] oldUsed = used;
        int oldCount = count;
        keys = new int[oldKeys.length * 2];
        sums = new float[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        used = new int[Math.max(oldUsed.length, oldCount * 2)];
        count = 0;
        for (int i = 0; i < oldCount; i++) {
            int slot = oldUsed[i];
            add(oldKeys[slot], oldSums[slot]);
        }
    }
}
