package newstopic.train.learn;

import newstopic.features.SparseVector;

/** A binary linear classifier: margin {@code w . x + b}, positive for the label. Immutable by convention. */
public record LinearWeights(float[] w, float b) {

    public double margin(SparseVector x) {
        return x.dot(w) + b;
    }
}
