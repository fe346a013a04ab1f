package newstopic.train;

import newstopic.model.Calibration;

/**
 * Fits Platt scaling ({@code p = 1 / (1 + exp(-(a m + b)))}) to out-of-fold margins by Newton's
 * method with backtracking, on Platt's smoothed targets, as Lin, Lin and Weng (2007) made it
 * numerically safe. Stateless and thread-safe.
 */
final class Platt {

    private Platt() {
    }

    static Calibration fit(double[] margins, boolean[] positive) {
        int n = margins.length;
        int pos = 0;
        for (boolean p : positive) {
            if (p) {
                pos++;
            }
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Calibration.LOGISTIC;
        }
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        // Lin et al. parameterize p = 1/(1+exp(A m + B)); we return a = -A, b = -B
        double a = 0;
        double b = Math.log((neg + 1.0) / (pos + 1.0));
        double f = objective(margins, positive, hi, lo, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double t = positive[i] ? hi : lo;
                double fApB = margins[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
                    q = 1 / (1 + Math.exp(-fApB));
                } else {
                    p = 1 / (1 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += margins[i] * margins[i] * d2;
                h22 += d2;
                h21 += margins[i] * d2;
                double d1 = t - p;
                g1 += margins[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * dA;
                double nb = b + step * dB;
                double nf = objective(margins, positive, hi, lo, na, nb);
                if (nf < f + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    f = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new Calibration(-a, -b);
    }

    private static double objective(double[] m, boolean[] positive, double hi, double lo, double a, double b) {
        double f = 0;
        for (int i = 0; i < m.length; i++) {
            double t = positive[i] ? hi : lo;
            double fApB = m[i] * a + b;
            f += fApB >= 0 ? t * fApB + Math.log1p(Math.exp(-fApB)) : (t - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return f;
    }
}
