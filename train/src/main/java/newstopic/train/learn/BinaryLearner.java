package newstopic.train.learn;

import java.util.Map;

/**
 * Fits one label's linear classifier. Implementations are immutable and thread-safe: folds and
 * labels are fitted in parallel with the same instance.
 */
public interface BinaryLearner {

    /** Short name used on the command line and in the model file. */
    String name();

    /** The settings, for the model's provenance. */
    Map<String, Object> hyperparameters();

    /**
     * Fits on {@code data}; {@code seed} makes any randomness repeatable. Both classes must be
     * present.
     */
    LinearWeights fit(TrainingSet data, long seed);
}
