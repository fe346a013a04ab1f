package newstopic.train.learn;

import newstopic.features.SparseVector;

/**
 * A binary linear classifier: margin {@code w . x + b}, positive for the label. Immutable by
 * convention (the array is not copied and must not be changed), so thread-safe to read.
 */
public record LinearWeights(float[] w, float b) {

    public double margin(SparseVector x) {
        return x.dot(w) + b;
    }
}
