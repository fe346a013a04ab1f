package newstopic.features;

import java.util.Arrays;

/**
 * A sparse feature vector: distinct indices (in the order the featurizer first met them, not
 * sorted) with float values, in reusable arrays that grow as needed. Not thread-safe; reuse one
 * per thread.
 */
public final class SparseVector {

    private int[] indices;
    private float[] values;
    private int size;

    public SparseVector() {
        this(64);
    }

    public SparseVector(int capacity) {
        indices = new int[Math.max(capacity, 1)];
        values = new float[Math.max(capacity, 1)];
    }

    /** Number of non-zero entries. */
    public int size() {
        return size;
    }

    /** Distinct indices, valid in {@code [0, size())}. */
    public int[] indices() {
        return indices;
    }

    /** Values matching {@link #indices()}. */
    public float[] values() {
        return values;
    }

    public int index(int i) {
        return indices[i];
    }

    public float value(int i) {
        return values[i];
    }

    /** Empties the vector, keeping its arrays. */
    public void clear() {
        size = 0;
    }

    /** Makes room for {@code capacity} entries. */
    void ensureCapacity(int capacity) {
        if (indices.length < capacity) {
            int n = Math.max(capacity, indices.length * 2);
            indices = Arrays.copyOf(indices, n);
            values = Arrays.copyOf(values, n);
        }
    }

    /** Appends an entry; callers keep indices distinct. */
    void append(int index, float value) {
        ensureCapacity(size + 1);
        indices[size] = index;
        values[size] = value;
        size++;
    }

    /** The dot product with a dense weight vector. */
    public double dot(float[] weights) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i] * weights[indices[i]];
        }
        return sum;
    }

    /** The value at {@code index}, 0 when absent (a linear scan: for tests and tools, not hot paths). */
    public float get(int index) {
        for (int i = 0; i < size; i++) {
            if (indices[i] == index) {
                return values[i];
            }
        }
        return 0f;
    }

    /** A compact copy with each value multiplied by {@code factors[index]}. */
    public SparseVector scaled(float[] factors) {
        SparseVector c = copy();
        for (int i = 0; i < size; i++) {
            c.values[i] *= factors[indices[i]];
        }
        return c;
    }

    /** A compact copy, for keeping vectors (training sets) beyond the next reuse. */
    public SparseVector copy() {
        SparseVector c = new SparseVector(size);
        System.arraycopy(indices, 0, c.indices, 0, size);
        System.arraycopy(values, 0, c.values, 0, size);
        c.size = size;
        return c;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ", ").append(indices[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
