package newstopic.train.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import newstopic.features.SparseVector;
import org.junit.jupiter.api.Test;
import smile.classification.DiscreteNaiveBayes;

class LearnersTest {

    private static final int DIMENSION = 60;
    private static final List<String> BUILT_IN = List.of("svm+cnb", "svm", "nbsvm", "logreg", "maxent", "nb", "cnb", "auto");
    private static final Learners.Settings SETTINGS = new Learners.Settings(1.0, true, 0.1);

    private static SparseVector vector(java.util.Map<Integer, Float> entries) {
        SparseVector v = new SparseVector();
        double norm = Math.sqrt(entries.values().stream().mapToDouble(f -> f * f).sum());
        try {
            // append is package-private to features; tests elsewhere build vectors the same way
            var append = SparseVector.class.getDeclaredMethod("append", int.class, float.class);
            append.setAccessible(true);
            for (var e : entries.entrySet()) {
                append.invoke(v, e.getKey(), (float) (e.getValue() / norm));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    /**
     * Toy documents: feature 0 marks positives, feature 1 negatives, and every document also has
     * four noise features from 2..59 with random counts; {@code flip} of the labels are wrong.
     */
    static TrainingSet toy(int n, double positiveShare, double flip, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SparseVector[] x = new SparseVector[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean pos = r.nextDouble() < positiveShare;
            java.util.Map<Integer, Float> entries = new java.util.TreeMap<>();
            entries.put(pos ? 0 : 1, 1f + r.nextInt(2));
            for (int k = 0; k < 4; k++) {
                entries.merge(2 + r.nextInt(DIMENSION - 2), 1f, Float::sum);
            }
            x[i] = vector(entries);
            y[i] = r.nextDouble() < flip ? !pos : pos;
        }
        return new TrainingSet(x, y, DIMENSION);
    }

    private static List<BinaryLearner> learnersUnderTest() {
        List<BinaryLearner> all = new ArrayList<>(List.of(
                new Ensemble("svm+cnb", List.of(new LinearSvm(1.0), new MultinomialNb(0.1))),
                new NbSvm(new LinearSvm(1.0), 1.0),
                new MultinomialNb(0.1),
                SmileLearners.logistic(0.1),
                SmileLearners.maxent(0.1),
                SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.MULTINOMIAL, 0.1),
                SmileLearners.naiveBayes(DiscreteNaiveBayes.Model.CNB, 0.1)));
        // and whatever the built-in names stand for
        for (String name : BUILT_IN) {
            all.addAll(Learners.candidates(name, SETTINGS));
        }
        return all;
    }

    @Test
    void hyperparametersKeepTheirDeclaredOrderSoHeadersPrintTheSameEveryRun() {
        Learners.Settings s = new Learners.Settings(0.25, true, 0.1);
        assertEquals(List.of("C", "balanced", "tolerance", "maxPasses", "loss", "solver"),
                List.copyOf(Learners.candidates("svm", s).get(0).hyperparameters().keySet()));
        assertEquals(List.of("svm", "nb", "combination"),
                List.copyOf(Learners.candidates("svm+cnb", s).get(0).hyperparameters().keySet()));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.of("C"));
    }

    @Test
    void everyLearnerSeparatesHeldOutToyDocuments() {
        TrainingSet train = toy(400, 0.3, 0.03, 1);
        TrainingSet test = toy(1000, 0.3, 0, 2);
        for (BinaryLearner learner : learnersUnderTest()) {
            LinearWeights w = learner.fit(train, 5);
            String who = Learners.describe(learner);
            assertEquals(DIMENSION, w.w().length, who);
            int positives = 0;
            int negatives = 0;
            int positiveRight = 0;
            int negativeRight = 0;
            for (int i = 0; i < test.size(); i++) {
                double m = w.margin(test.x()[i]);
                assertTrue(Double.isFinite(m), who + " margin " + m);
                if (test.positive()[i]) {
                    positives++;
                    positiveRight += m > 0 ? 1 : 0;
                } else {
                    negatives++;
                    negativeRight += m < 0 ? 1 : 0;
                }
            }
            assertTrue(positiveRight >= 0.95 * positives, who + ": positives " + positiveRight + "/" + positives);
            assertTrue(negativeRight >= 0.95 * negatives, who + ": negatives " + negativeRight + "/" + negatives);
            assertTrue(w.w()[0] > w.w()[1], who + ": w0 " + w.w()[0] + " w1 " + w.w()[1]);
        }
    }

    @Test
    void namesHoldTheBuiltInLearners() {
        List<String> names = Learners.names();
        assertTrue(names.containsAll(BUILT_IN), names.toString());
        assertEquals(names.size(), new HashSet<>(names).size(), "names are unique");
    }

    @Test
    void theEnsembleNameIsRecorded() {
        List<BinaryLearner> c = Learners.candidates("svm+cnb", SETTINGS);
        assertEquals(1, c.size());
        assertEquals("svm+cnb", c.get(0).name());
        assertTrue(c.get(0) instanceof Ensemble);
        // the model file records the members' settings under the ensemble
        assertTrue(c.get(0).hyperparameters().containsKey("svm"), c.get(0).hyperparameters().toString());
        assertTrue(c.get(0).hyperparameters().containsKey("nb"), c.get(0).hyperparameters().toString());
    }

    @Test
    void singleNamesGiveOneLearnerOfThatName() {
        for (String name : List.of("svm", "nbsvm", "logreg", "maxent", "nb", "cnb")) {
            List<BinaryLearner> c = Learners.candidates(name, SETTINGS);
            assertEquals(1, c.size(), name);
            assertEquals(name, c.get(0).name());
        }
        // the C of the settings reaches the SVM
        Object c = Learners.candidates("svm", new Learners.Settings(2.5, false, 0.1)).get(0).hyperparameters().get("C");
        assertEquals(2.5, ((Number) c).doubleValue());
    }

    @Test
    void autoGivesSeveralDistinctCandidates() {
        List<BinaryLearner> c = Learners.candidates("auto", SETTINGS);
        assertTrue(c.size() > 1, "candidates: " + c.size());
        List<String> described = c.stream().map(Learners::describe).toList();
        // reports tell candidates apart by their description
        assertEquals(described.size(), new HashSet<>(described).size(), described.toString());
        TreeSet<String> names = new TreeSet<>(c.stream().map(BinaryLearner::name).toList());
        assertTrue(names.size() > 1, names.toString());
    }

    @Test
    void anUnknownNameIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Learners.candidates("forest", SETTINGS));
        assertTrue(e.getMessage().contains("forest"), e.getMessage());
        for (String known : BUILT_IN) {
            assertTrue(e.getMessage().contains(known), known + " missing from: " + e.getMessage());
        }
    }

    @Test
    void aRegisteredLearnerIsWhatCandidatesReturn() {
        BinaryLearner constant = new BinaryLearner() {
            @Override
            public String name() {
                return "learners-test-constant";
            }

            @Override
            public Map<String, Object> hyperparameters() {
                return Map.of();
            }

            @Override
            public LinearWeights fit(TrainingSet data, long seed) {
                return new LinearWeights(new float[data.dimension()], 0f);
            }
        };
        AtomicReference<Learners.Settings> seen = new AtomicReference<>();
        Learners.register("learners-test-constant", s -> {
            seen.set(s);
            return List.of(constant);
        });
        assertTrue(Learners.names().contains("learners-test-constant"));
        List<BinaryLearner> c = Learners.candidates("learners-test-constant", SETTINGS);
        assertEquals(1, c.size());
        assertSame(constant, c.get(0));
        assertSame(SETTINGS, seen.get());
        // registering the name again replaces the learner, without a second entry
        Learners.register("learners-test-constant", s -> List.of(new MultinomialNb(1.0)));
        assertTrue(Learners.candidates("learners-test-constant", SETTINGS).get(0) instanceof MultinomialNb);
        assertEquals(1, Learners.names().stream().filter("learners-test-constant"::equals).count());
    }

    @Test
    void ensembleMarginsAreTheMeanOfMembersScaledToUnitStandardDeviation() {
        TrainingSet train = toy(300, 0.3, 0.05, 21);
        TrainingSet test = toy(200, 0.5, 0, 22);
        List<BinaryLearner> members = List.of(new LinearSvm(1.0), new MultinomialNb(0.1), SmileLearners.logistic(0.1));
        long seed = 40;
        LinearWeights ensemble = new Ensemble("trio", members).fit(train, seed);

        // member m is fitted with seed + m; its scale is 1 / (population standard deviation of its
        // margins over the training set)
        List<LinearWeights> fitted = new ArrayList<>();
        double[] std = new double[members.size()];
        for (int m = 0; m < members.size(); m++) {
            LinearWeights w = members.get(m).fit(train, seed + m);
            fitted.add(w);
            double[] margins = new double[train.size()];
            for (int i = 0; i < train.size(); i++) {
                margins[i] = w.margin(train.x()[i]);
            }
            double mean = java.util.Arrays.stream(margins).average().orElseThrow();
            double var = java.util.Arrays.stream(margins).map(v -> (v - mean) * (v - mean)).sum() / margins.length;
            std[m] = Math.sqrt(var);
            assertTrue(std[m] > 0, "member " + m + " margins vary");
        }
        for (TrainingSet data : List.of(train, test)) {
            for (int i = 0; i < data.size(); i++) {
                double expected = 0;
                for (int m = 0; m < members.size(); m++) {
                    expected += fitted.get(m).margin(data.x()[i]) / std[m];
                }
                expected /= members.size();
                double actual = ensemble.margin(data.x()[i]);
                // the ensemble keeps float weights: compare with a float-sized tolerance
                assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)), "row " + i);
            }
        }
    }

    @Test
    void ensembleOfOneIsItsMemberScaledToUnitStandardDeviation() {
        TrainingSet train = toy(200, 0.4, 0, 31);
        LinearWeights alone = new MultinomialNb(0.5).fit(train, 3);
        LinearWeights one = new Ensemble("one", List.of(new MultinomialNb(0.5))).fit(train, 3);
        double[] scaled = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            scaled[i] = one.margin(train.x()[i]);
            // same sign and proportional to the member's own margin
            assertTrue(Math.signum(scaled[i]) == Math.signum(alone.margin(train.x()[i])), "row " + i);
        }
        double mean = java.util.Arrays.stream(scaled).average().orElseThrow();
        double var = java.util.Arrays.stream(scaled).map(v -> (v - mean) * (v - mean)).sum() / scaled.length;
        assertEquals(1.0, Math.sqrt(var), 1e-4);
    }
}
