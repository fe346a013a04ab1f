package newstopic.train;

import newstopic.model.Calibration;
import newstopic.model.SentenceWeights;

/**
 * Fits a label's {@link SentenceWeights}: a logistic regression of the label on three margins
 * (the article's, its best sentence's, its second-best sentence's), by Newton's method with an
 * L2 penalty of 1/2 on the three weights (not the intercept), so that separable data still gives
 * finite weights. Four parameters and a few thousand rows: each step solves a 4x4 system.
 * Stateless and thread-safe.
 */
final class SentenceFit {

    /** Folds of the cross-fitted probabilities that validate the rule. */
    static final int FOLDS = 5;
    private static final double PENALTY = 1.0;
    private static final int MAX_STEPS = 100;
    private static final double MAX_STEP = 4.0;

    private SentenceFit() {
    }

    /** Weights fitted on rows {@code x[i] = {article, best, second}} with outcomes {@code y}. */
    static SentenceWeights fit(double[][] x, boolean[] y) {
        double[] beta = new double[4]; // intercept, article, best, second
        double[] p = new double[x.length];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gradient = new double[4];
            double[][] hessian = new double[4][4];
            for (int i = 0; i < x.length; i++) {
                double[] row = {1, x[i][0], x[i][1], x[i][2]};
                p[i] = Calibration.logistic(dot(beta, row));
                double r = p[i] - (y[i] ? 1 : 0);
                double w = Math.max(p[i] * (1 - p[i]), 1e-12);
                for (int a = 0; a < 4; a++) {
                    gradient[a] += r * row[a];
                    for (int b = 0; b < 4; b++) {
                        hessian[a][b] += w * row[a] * row[b];
                    }
                }
            }
            for (int a = 1; a < 4; a++) {
                gradient[a] += PENALTY * beta[a];
                hessian[a][a] += PENALTY;
            }
            hessian[0][0] += 1e-9;
            double[] delta = solve(hessian, gradient);
            double largest = 0;
            for (double d : delta) {
                largest = Math.max(largest, Math.abs(d));
            }
            // a capped step keeps Newton from overshooting on nearly separable rows
            double scale = largest > MAX_STEP ? MAX_STEP / largest : 1;
            for (int a = 0; a < 4; a++) {
                beta[a] -= scale * delta[a];
            }
            if (largest < 1e-9) {
                break;
            }
        }
        return new SentenceWeights(beta[0], beta[1], beta[2], beta[3]);
    }

    /**
     * Each row's probability from weights fitted on the other rows ({@value #FOLDS} folds by
     * {@code article[i]}, so that the rows of one article, from several cross-validation runs,
     * share a fold), to judge the rule on articles it did not see.
     */
    static double[] crossFitted(double[][] x, boolean[] y, int[] article) {
        double[] out = new double[x.length];
        for (int f = 0; f < FOLDS; f++) {
            int held = f;
            int[] train = java.util.stream.IntStream.range(0, x.length).filter(i -> article[i] % FOLDS != held).toArray();
            double[][] tx = new double[train.length][];
            boolean[] ty = new boolean[train.length];
            for (int j = 0; j < train.length; j++) {
                tx[j] = x[train[j]];
                ty[j] = y[train[j]];
            }
            SentenceWeights w = fit(tx, ty);
            for (int i = 0; i < x.length; i++) {
                if (article[i] % FOLDS == held) {
                    out[i] = w.probability(x[i][0], x[i][1], x[i][2]);
                }
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves {@code m z = v} by Gaussian elimination with partial pivoting (m is positive definite here). */
    static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n] = v[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] z = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * z[k];
            }
            z[r] = s / a[r][r];
        }
        return z;
    }
}
