package newstopic.train.learn;

import java.util.Map;
import java.util.SplittableRandom;

import newstopic.features.SparseVector;

/**
 * L2-regularized, squared-hinge-loss linear SVM solved by dual coordinate descent, as described
 * by Hsieh, Chang, Lin, Keerthi and Sundararajan (ICML 2008) and used by LIBLINEAR. Each pass
 * visits the examples in a fresh random order and updates one dual variable at a time in closed
 * form, keeping the primal weights in step; it stops when the projected gradient's spread falls
 * under {@code tolerance}. A constant feature of 1 gives the bias. Positive and negative examples
 * may weigh differently ({@code balanced}: inversely to their frequency), for rare labels.
 * Immutable and thread-safe.
 */
public final class LinearSvm implements BinaryLearner {

    private final double c;
    private final boolean balanced;
    private final double tolerance;
    private final int maxPasses;

    public LinearSvm(double c, boolean balanced, double tolerance, int maxPasses) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("C must be positive, got " + c);
        }
        this.c = c;
        this.balanced = balanced;
        this.tolerance = tolerance;
        this.maxPasses = maxPasses;
    }

    public LinearSvm(double c) {
        this(c, true, 0.1, 200);
    }

    @Override
    public String name() {
        return "svm";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Hyperparameters.of("C", c, "balanced", balanced, "tolerance", tolerance, "maxPasses", maxPasses,
                "loss", "squared hinge", "solver", "dual coordinate descent");
    }

    @Override
    public LinearWeights fit(TrainingSet data, long seed) {
        int n = data.size();
        int dim = data.dimension();
        SparseVector[] x = data.x();
        int positives = data.positives();
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("both classes are needed to fit, got " + positives + " positive of " + n);
        }
        double cPos = c;
        double cNeg = c;
        if (balanced) {
            cPos = c * n / (2.0 * positives);
            cNeg = c * n / (2.0 * (n - positives));
        }
        double[] w = new double[dim];
        double bias = 0;
        double[] alpha = new double[n];
        double[] diag = new double[n];
        double[] qii = new double[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (data.positive()[i] ? 1 : -1);
            diag[i] = 0.5 / (y[i] > 0 ? cPos : cNeg);
            double sq = 1; // the bias feature
            float[] v = x[i].values();
            for (int k = 0, m = x[i].size(); k < m; k++) {
                sq += v[k] * v[k];
            }
            qii[i] = sq + diag[i];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int pass = 0; pass < maxPasses; pass++) {
            shuffle(order, random);
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int i : order) {
                SparseVector xi = x[i];
                int[] idx = xi.indices();
                float[] val = xi.values();
                int m = xi.size();
                double dot = bias;
                for (int k = 0; k < m; k++) {
                    dot += w[idx[k]] * val[k];
                }
                double g = y[i] * dot - 1 + diag[i] * alpha[i];
                // with no upper bound, only alpha = 0 clips the gradient
                double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qii[i], 0);
                    double step = (alpha[i] - old) * y[i];
                    for (int k = 0; k < m; k++) {
                        w[idx[k]] += step * val[k];
                    }
                    bias += step;
                }
            }
            if (pgMax - pgMin < tolerance) {
                break;
            }
        }
        float[] weights = new float[dim];
        for (int j = 0; j < dim; j++) {
            weights[j] = (float) w[j];
        }
        return new LinearWeights(weights, (float) bias);
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
