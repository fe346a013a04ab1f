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
    private long[] sortScratch = new long[128];

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
     * ({@code scale} may be null), L2-normalized if asked, into {@code out} in index order.
     */
    void writeTo(SparseVector out, boolean sublinear, float[] scale, boolean l2) {
        out.clear();
        out.ensureCapacity(count);
        if (sortScratch.length < count) {
            sortScratch = new long[Math.max(count, sortScratch.length * 2)];
        }
        // sort slots by feature index without boxing: index in the high half, slot in the low half
        for (int i = 0; i < count; i++) {
            int slot = used[i];
            sortScratch[i] = ((long) keys[slot] << 32) | slot;
        }
        Arrays.sort(sortScratch, 0, count);
        double norm = 0;
        for (int i = 0; i < count; i++) {
            int slot = (int) sortScratch[i];
            int index = (int) (sortScratch[i] >>> 32);
            float tf = sums[slot];
            if (tf == 0f) {
                continue; // signed hashing can cancel a bucket out
            }
            float v = sublinear ? (float) Math.copySign(1 + Math.log(Math.abs(tf)), tf) : tf;
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
