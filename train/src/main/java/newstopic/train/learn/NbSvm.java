package newstopic.train.learn;

import java.util.LinkedHashMap;
import java.util.Map;

import newstopic.features.SparseVector;

/**
 * NB-SVM (Wang and Manning, ACL 2012): every feature is first scaled by its naive Bayes
 * log-count ratio {@code r = ln((p / |p|1) / (q / |q|1))}, where p and q sum the feature over
 * positive and negative examples (plus {@code alpha}); a linear SVM is fitted on the scaled
 * vectors. Because {@code w . (r * x) = (w * r) . x}, the result is an ordinary linear model on
 * the original features. Words that separate the classes start with more weight, which helps
 * most on small corpora. Immutable and thread-safe.
 */
public final class NbSvm implements BinaryLearner {

    private final LinearSvm svm;
    private final double alpha;

    public NbSvm(LinearSvm svm, double alpha) {
        this.svm = svm;
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "nbsvm";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>(svm.hyperparameters());
        h.put("alpha", alpha);
        h.put("scaling", "naive Bayes log-count ratio");
        return h;
    }

    @Override
    public LinearWeights fit(TrainingSet data, long seed) {
        int dim = data.dimension();
        double[] p = new double[dim];
        double[] q = new double[dim];
        java.util.Arrays.fill(p, alpha);
        java.util.Arrays.fill(q, alpha);
        for (int i = 0; i < data.size(); i++) {
            double[] sum = data.positive()[i] ? p : q;
            SparseVector v = data.x()[i];
            for (int k = 0; k < v.size(); k++) {
                sum[v.index(k)] += Math.abs(v.value(k));
            }
        }
        double pTotal = 0;
        double qTotal = 0;
        for (int f = 0; f < dim; f++) {
            pTotal += p[f];
            qTotal += q[f];
        }
        float[] r = new float[dim];
        for (int f = 0; f < dim; f++) {
            r[f] = (float) Math.log((p[f] / pTotal) / (q[f] / qTotal));
        }
        SparseVector[] scaled = new SparseVector[data.size()];
        for (int i = 0; i < data.size(); i++) {
            scaled[i] = data.x()[i].scaled(r);
        }
        LinearWeights inner = svm.fit(new TrainingSet(scaled, data.positive(), dim), seed);
        float[] w = inner.w();
        for (int f = 0; f < dim; f++) {
            w[f] *= r[f];
        }
        return new LinearWeights(w, inner.b());
    }
}
