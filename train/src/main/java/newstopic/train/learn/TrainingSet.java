package newstopic.train.learn;

import newstopic.features.SparseVector;

/**
 * Featurized examples for one binary problem: vectors, whether each is positive, and the
 * feature dimension. The arrays are shared, not copied. Immutable by convention; thread-safe to
 * read.
 */
public record TrainingSet(SparseVector[] x, boolean[] positive, int dimension) {

    public TrainingSet {
        if (x.length != positive.length) {
            throw new IllegalArgumentException(x.length + " vectors but " + positive.length + " targets");
        }
    }

    public int size() {
        return x.length;
    }

    public int positives() {
        int n = 0;
        for (boolean p : positive) {
            if (p) {
                n++;
            }
        }
        return n;
    }
}
