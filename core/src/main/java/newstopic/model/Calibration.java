package newstopic.model;

/**
 * Platt scaling: turns a linear margin {@code m} into a probability {@code 1 / (1 + exp(-(a m + b)))}.
 * Immutable and thread-safe.
 */
public record Calibration(double a, double b) {

    /** The identity-like default for an uncalibrated margin: a plain logistic. */
    public static final Calibration LOGISTIC = new Calibration(1, 0);

    public double probability(double margin) {
        return logistic(a * margin + b);
    }

    /** {@code 1 / (1 + exp(-z))}, computed so that exp() cannot overflow for large |z|. */
    public static double logistic(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
