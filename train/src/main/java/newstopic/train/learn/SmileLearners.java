package newstopic.train.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import newstopic.features.SparseVector;
import smile.classification.DiscreteNaiveBayes;
import smile.classification.LogisticRegression;
import smile.classification.Maxent;
import smile.classification.SparseLogisticRegression;
import smile.data.SampleInstance;
import smile.data.SparseDataset;
import smile.util.IntSet;
import smile.util.SparseArray;

/**
 * Smile's sparse learners behind {@link BinaryLearner}, with their models turned into plain linear
 * weights so that prediction needs neither Smile nor Java serialization. Smile's logistic
 * regression and maximum entropy take no example weights, so for class balance the rarer class
 * is oversampled to the size of the commoner one (deterministically, by seed). Stateless and
 * thread-safe.
 */
public final class SmileLearners {

    /** Fixed-point factor that turns fractional feature values into the whole counts Smile's naive Bayes needs. */
    static final int NB_SCALE = 1000;

    private SmileLearners() {
    }

    /** L2-regularized logistic regression fitted by L-BFGS ({@code SparseLogisticRegression}). */
    public static BinaryLearner logistic(double lambda) {
        return new BinaryLearner() {
            @Override
            public String name() {
                return "logreg";
            }

            @Override
            public Map<String, Object> hyperparameters() {
                return Hyperparameters.of("lambda", lambda, "balance", "oversampling", "solver", "smile L-BFGS");
            }

            @Override
            public LinearWeights fit(TrainingSet data, long seed) {
                int[] rows = balancedRows(data, seed);
                List<SampleInstance<SparseArray, Integer>> samples = new ArrayList<>(rows.length);
                for (int i : rows) {
                    samples.add(new SampleInstance<>(toSmile(data.x()[i]), data.positive()[i] ? 1 : 0));
                }
                SparseDataset<Integer> dataset = new SparseDataset<>(samples, data.dimension());
                var model = SparseLogisticRegression.binomial(dataset, new LogisticRegression.Options(lambda, 1e-5, 500));
                return fromCoefficients(model.coefficients(), data.dimension());
            }
        };
    }

    /** Maximum entropy over binary features (a feature is on when its value is non-zero). */
    public static BinaryLearner maxent(double lambda) {
        return new BinaryLearner() {
            @Override
            public String name() {
                return "maxent";
            }

            @Override
            public Map<String, Object> hyperparameters() {
                return Hyperparameters.of("lambda", lambda, "balance", "oversampling", "features", "binary", "solver", "smile L-BFGS");
            }

            @Override
            public LinearWeights fit(TrainingSet data, long seed) {
                int[] rows = balancedRows(data, seed);
                int[][] x = new int[rows.length][];
                int[] y = new int[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    SparseVector v = data.x()[rows[r]];
                    int[] on = java.util.Arrays.copyOf(v.indices(), v.size());
                    java.util.Arrays.sort(on);
                    x[r] = on;
                    y[r] = data.positive()[rows[r]] ? 1 : 0;
                }
                var model = Maxent.binomial(data.dimension(), x, y, new Maxent.Options(lambda, 1e-5, 500));
                return fromCoefficients(model.coefficients(), data.dimension());
            }
        };
    }

    /**
     * Naive Bayes over feature values as counts, multinomial or complement ({@code cnb}), with
     * equal class priors. Smile counts in whole numbers, so values (tf-idf weights below 1) go in
     * multiplied by {@value #NB_SCALE} and rounded, with the smoothing scaled alike. Its log-odds
     * are linear in the counts; the weights are read off by asking the fitted model about one unit
     * of each feature.
     */
    public static BinaryLearner naiveBayes(DiscreteNaiveBayes.Model variant, double smoothing) {
        String name = variant == DiscreteNaiveBayes.Model.CNB ? "cnb" : "nb";
        return new BinaryLearner() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, Object> hyperparameters() {
                return Hyperparameters.of("variant", variant.name(), "smoothing", smoothing, "priors", "equal");
            }

            @Override
            public LinearWeights fit(TrainingSet data, long seed) {
                int dim = data.dimension();
                var nb = new DiscreteNaiveBayes(variant, new double[] {0.5, 0.5}, dim, smoothing * NB_SCALE,
                        new IntSet(new int[] {0, 1}));
                for (int i = 0; i < data.size(); i++) {
                    SparseVector v = data.x()[i];
                    SparseArray counts = new SparseArray(v.size());
                    for (int k = 0; k < v.size(); k++) {
                        counts.append(v.index(k), Math.round(Math.abs(v.value(k)) * NB_SCALE));
                    }
                    counts.sort();
                    nb.update(counts, data.positive()[i] ? 1 : 0);
                }
                // with equal priors the empty document's log-odds are 0 (Smile answers it with zeros)
                double[] posterior = new double[2];
                float[] w = new float[dim];
                for (int f = 0; f < dim; f++) {
                    SparseArray unit = new SparseArray(1); // SparseArray.set does not add entries: build afresh
                    unit.append(f, 1.0);
                    nb.predict(unit, posterior);
                    w[f] = (float) (logOdds(posterior) * NB_SCALE);
                }
                return new LinearWeights(w, 0f);
            }
        };
    }

    private static double logOdds(double[] posterior) {
        double p1 = Math.max(posterior[1], 1e-300);
        double p0 = Math.max(posterior[0], 1e-300);
        return Math.log(p1) - Math.log(p0);
    }

    static SparseArray toSmile(SparseVector v) {
        SparseArray a = new SparseArray(v.size());
        for (int i = 0; i < v.size(); i++) {
            a.append(v.index(i), v.value(i));
        }
        a.sort();
        return a;
    }

    /** Smile's binomial coefficients: {@code dim} weights then the intercept. */
    private static LinearWeights fromCoefficients(double[] coefficients, int dim) {
        float[] w = new float[dim];
        for (int j = 0; j < dim; j++) {
            w[j] = (float) coefficients[j];
        }
        return new LinearWeights(w, (float) coefficients[dim]);
    }

    /** Row indices with the rarer class repeated (and topped up at random) to match the commoner one. */
    static int[] balancedRows(TrainingSet data, long seed) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            (data.positive()[i] ? pos : neg).add(i);
        }
        if (pos.isEmpty() || neg.isEmpty()) {
            throw new IllegalArgumentException("both classes are needed to fit, got " + pos.size() + " positive of " + data.size());
        }
        List<Integer> small = pos.size() < neg.size() ? pos : neg;
        List<Integer> large = small == pos ? neg : pos;
        SplittableRandom random = new SplittableRandom(seed);
        int[] rows = new int[2 * large.size()];
        int r = 0;
        for (int i : large) {
            rows[r++] = i;
        }
        for (int k = 0; k < large.size(); k++) {
            rows[r++] = k < small.size() * (large.size() / small.size()) ? small.get(k % small.size())
                    : small.get(random.nextInt(small.size()));
        }
        return rows;
    }
}
