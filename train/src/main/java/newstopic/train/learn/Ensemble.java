package newstopic.train.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newstopic.features.SparseVector;

/**
 * Several linear learners combined into one linear model: each member's margins are scaled to
 * unit standard deviation on the training set, then averaged. A sum of linear models is linear,
 * so the model file and prediction stay the same. Pairs a discriminative learner with a
 * generative one, whose mistakes differ. Immutable and thread-safe.
 */
public final class Ensemble implements BinaryLearner {

    private final String name;
    private final List<BinaryLearner> members;

    /** {@code name} is what the command line calls it and the model file records. */
    public Ensemble(String name, List<BinaryLearner> members) {
        this.name = name;
        this.members = List.copyOf(members);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        for (BinaryLearner m : members) {
            h.put(m.name(), m.hyperparameters());
        }
        h.put("combination", "mean of margins scaled to unit standard deviation");
        return h;
    }

    @Override
    public LinearWeights fit(TrainingSet data, long seed) {
        int dim = data.dimension();
        float[] w = new float[dim];
        double b = 0;
        List<LinearWeights> fitted = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            fitted.add(members.get(m).fit(data, seed + m));
        }
        for (LinearWeights lw : fitted) {
            double sum = 0;
            double sq = 0;
            for (SparseVector x : data.x()) {
                double margin = lw.margin(x);
                sum += margin;
                sq += margin * margin;
            }
            double mean = sum / data.size();
            double std = Math.sqrt(Math.max(sq / data.size() - mean * mean, 1e-12));
            double scale = 1.0 / (std * fitted.size());
            for (int f = 0; f < dim; f++) {
                w[f] += (float) (lw.w()[f] * scale);
            }
            b += lw.b() * scale;
        }
        return new LinearWeights(w, (float) b);
    }
}
