package newstopic.train.learn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import smile.classification.DiscreteNaiveBayes;

/**
 * The learners training can use, by name: a new learner is one {@link BinaryLearner} class and one
 * {@link #register} line. A name gives one learner, or several candidates that cross-validation
 * chooses between ({@code auto}). Thread-safe: registration is synchronized and reads see a
 * consistent table.
 */
public final class Learners {

    /** The settings a learner may take from the training options. Immutable and thread-safe. */
    public record Settings(double c, boolean balanced, double nbAlpha) {
    }

    private static final Map<String, Function<Settings, List<BinaryLearner>>> REGISTRY = new LinkedHashMap<>();

    static {
        // for one label against the rest, complement and multinomial naive Bayes coincide
        register("svm+cnb", s -> List.of(new Ensemble("svm+cnb", List.of(svm(s.c(), s), new MultinomialNb(s.nbAlpha())))));
        register("svm", s -> List.of(svm(s.c(), s)));
        register("nbsvm", s -> List.of(new NbSvm(svm(s.c(), s), 1.0)));
        register("logreg", s -> List.of(SmileLearners.logistic(0.1)));
        register("maxent", s -> List.of(SmileLearners.maxent(0.1)));
        register("nb", s -> List.of(SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.MULTINOMIAL, s.nbAlpha())));
        register("cnb", s -> List.of(SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.CNB, s.nbAlpha())));
        register("auto", s -> List.of(svm(0.3, s), svm(1.0, s), svm(3.0, s), SmileLearners.logistic(0.1),
                SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.MULTINOMIAL, s.nbAlpha()),
                SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.CNB, s.nbAlpha())));
    }

    private Learners() {
    }

    /** Makes {@code name} available to training; a later registration of a name replaces the earlier. */
    public static synchronized void register(String name, Function<Settings, List<BinaryLearner>> factory) {
        REGISTRY.put(name, factory);
    }

    /** The registered names, in registration order. */
    public static synchronized List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The learner, or the candidates, a name stands for. */
    public static synchronized List<BinaryLearner> candidates(String name, Settings settings) {
        Function<Settings, List<BinaryLearner>> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown learner '" + name + "' (one of " + String.join(", ", REGISTRY.keySet()) + ")");
        }
        return factory.apply(settings);
    }

    /** How reports name a learner: its name, and its C when it has one. */
    public static String describe(BinaryLearner learner) {
        Object c = learner.hyperparameters().get("C");
        return c == null ? learner.name() : learner.name() + " C=" + c;
    }

    private static LinearSvm svm(double c, Settings s) {
        return new LinearSvm(c, s.balanced(), 0.1, 200);
    }
}
