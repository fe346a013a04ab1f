package newstopic.train.learn;

import java.util.Map;

import newstopic.features.SparseVector;

/**
 * Binary multinomial naive Bayes in closed form: per class, feature values summed as counts and
 * smoothed by {@code alpha}; the weight of a feature is the log ratio of its two class
 * probabilities, with equal class priors. For two classes the complement variant gives the same
 * weights (each class's complement is the other), so this serves both. Same model as Smile's
 * {@code DiscreteNaiveBayes} (see {@link SmileLearners#naiveBayes}), computed directly because
 * Smile keeps its parameters private and reading them back costs one query per feature.
 * Immutable and thread-safe.
 */
public final class MultinomialNb implements BinaryLearner {

    private final double alpha;

    public MultinomialNb(double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("smoothing must be positive, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "nb";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Hyperparameters.of("variant", "multinomial (closed form)", "smoothing", alpha, "priors", "equal");
    }

    @Override
    public LinearWeights fit(TrainingSet data, long seed) {
        int dim = data.dimension();
        double[] pos = new double[dim];
        double[] neg = new double[dim];
        double posTotal = alpha * dim;
        double negTotal = alpha * dim;
        for (int i = 0; i < data.size(); i++) {
            boolean p = data.positive()[i];
            double[] counts = p ? pos : neg;
            SparseVector v = data.x()[i];
            for (int k = 0; k < v.size(); k++) {
                double c = Math.abs(v.value(k));
                counts[v.index(k)] += c;
                if (p) {
                    posTotal += c;
                } else {
                    negTotal += c;
                }
            }
        }
        float[] w = new float[dim];
        double logTotals = Math.log(negTotal) - Math.log(posTotal);
        for (int f = 0; f < dim; f++) {
            w[f] = (float) (Math.log(pos[f] + alpha) - Math.log(neg[f] + alpha) + logTotals);
        }
        return new LinearWeights(w, 0f);
    }
}
