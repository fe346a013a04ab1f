package newstopic.train.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import newstopic.features.SparseVector;
import org.junit.jupiter.api.Test;
import smile.classification.SVM;
import smile.util.SparseArray;

class LinearSvmTest {

    /**
     * Sparse documents over 200 features where features 0-9 lean positive and 10-19 negative,
     * plus noise features; {@code flip} labels are wrong on purpose.
     */
    static TrainingSet synthetic(int n, double positiveShare, double flip, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SparseVector[] x = new SparseVector[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean pos = r.nextDouble() < positiveShare;
            java.util.Map<Integer, Float> entries = new java.util.TreeMap<>();
            for (int k = 0; k < 3; k++) {
                entries.put((pos ? 0 : 10) + r.nextInt(10), 1f);
            }
            for (int k = 0; k < 5; k++) {
                entries.put(20 + r.nextInt(180), 1f);
            }
            SparseVector v = new SparseVector();
            double norm = Math.sqrt(entries.size());
            for (var e : entries.entrySet()) {
                appendTo(v, e.getKey(), (float) (e.getValue() / norm));
            }
            x[i] = v;
            y[i] = r.nextDouble() < flip ? !pos : pos;
        }
        return new TrainingSet(x, y, 200);
    }

    static void appendTo(SparseVector v, int index, float value) {
        // SparseVector.append is package-private to features: build through a tiny featurizer-free route
        try {
            var m = SparseVector.class.getDeclaredMethod("append", int.class, float.class);
            m.setAccessible(true);
            m.invoke(v, index, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static double accuracy(LinearWeights w, TrainingSet data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            if ((w.margin(data.x()[i]) > 0) == data.positive()[i]) {
                right++;
            }
        }
        return (double) right / data.size();
    }

    @Test
    void separatesCleanDataAndLearnsTheSignalFeatures() {
        TrainingSet train = synthetic(400, 0.5, 0, 1);
        LinearWeights w = new LinearSvm(1.0).fit(train, 7);
        assertEquals(1.0, accuracy(w, train));
        assertEquals(1.0, accuracy(w, synthetic(400, 0.5, 0, 2)));
        for (int f = 0; f < 10; f++) {
            assertTrue(w.w()[f] > 0 && w.w()[f + 10] < 0, "feature " + f);
        }
    }

    @Test
    void agreesWithSmilesKernelSvmOnNoisyData() {
        TrainingSet train = synthetic(300, 0.5, 0.1, 3);
        TrainingSet test = synthetic(500, 0.5, 0.0, 4);
        LinearWeights ours = new LinearSvm(1.0, false, 0.01, 1000).fit(train, 7);
        SparseArray[] x = new SparseArray[train.size()];
        int[] y = new int[train.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = SmileLearners.toSmile(train.x()[i]);
            y[i] = train.positive()[i] ? 1 : -1;
        }
        var smile = SVM.fit(x, y, 200, new SVM.Options(1.0));
        int agree = 0;
        for (int i = 0; i < test.size(); i++) {
            boolean theirs = smile.predict(SmileLearners.toSmile(test.x()[i])) > 0;
            if (theirs == ours.margin(test.x()[i]) > 0) {
                agree++;
            }
        }
        assertTrue(agree >= 0.95 * test.size(), "agreement " + agree + "/" + test.size());
        assertTrue(accuracy(ours, test) >= 0.95, "accuracy " + accuracy(ours, test));
    }

    @Test
    void balancingRaisesRecallOfARareClass() {
        TrainingSet train = synthetic(600, 0.05, 0.15, 5);
        TrainingSet test = synthetic(2000, 0.05, 0, 6);
        int plain = positivesFound(new LinearSvm(1.0, false, 0.01, 500).fit(train, 1), test);
        int balanced = positivesFound(new LinearSvm(1.0, true, 0.01, 500).fit(train, 1), test);
        assertTrue(balanced > plain, "balanced " + balanced + " vs plain " + plain);
    }

    private static int positivesFound(LinearWeights w, TrainingSet test) {
        int found = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.positive()[i] && w.margin(test.x()[i]) > 0) {
                found++;
            }
        }
        return found;
    }

    @Test
    void sameSeedSameModel() {
        TrainingSet train = synthetic(200, 0.3, 0.1, 8);
        assertArrayEquals(new LinearSvm(0.5).fit(train, 11).w(), new LinearSvm(0.5).fit(train, 11).w());
    }

    @Test
    void oneClassIsRefused() {
        TrainingSet allNegative = new TrainingSet(synthetic(10, 0.5, 0, 9).x(), new boolean[10], 200);
        assertThrows(IllegalArgumentException.class, () -> new LinearSvm(1.0).fit(allNegative, 1));
    }

    @Test
    void closedFormNaiveBayesMatchesSmilesAndItsComplementVariant() {
        TrainingSet train = synthetic(300, 0.3, 0.05, 12);
        double alpha = 0.1;
        float[] ours = new MultinomialNb(alpha).fit(train, 1).w();
        float[] multinomial = SmileLearners.naiveBayes(smile.classification.DiscreteNaiveBayes.Model.MULTINOMIAL, alpha).fit(train, 1).w();
        float[] complement = SmileLearners.naiveBayes(smile.classification.DiscreteNaiveBayes.Model.CNB, alpha).fit(train, 1).w();
        for (int f = 0; f < 200; f++) {
            // Smile is fed whole counts in thousandths, so its log-odds per unit are NB_SCALE times
            // ours: the same model up to a positive scale (and the rounding of those counts)
            double scaled = ours[f] * SmileLearners.NB_SCALE;
            assertEquals(scaled, multinomial[f], Math.max(1, Math.abs(scaled) * 0.03), "feature " + f);
            assertEquals(multinomial[f], complement[f], Math.abs(multinomial[f]) * 1e-5, "feature " + f);
        }
    }

    @Test
    void smileLearnersGiveUsableLinearWeights() {
        TrainingSet train = synthetic(300, 0.3, 0.05, 10);
        TrainingSet test = synthetic(500, 0.3, 0, 11);
        for (BinaryLearner learner : java.util.List.of(SmileLearners.logistic(0.1), SmileLearners.maxent(0.1),
                SmileLearners.naiveBayes(smile.classification.DiscreteNaiveBayes.Model.MULTINOMIAL, 0.1),
                SmileLearners.naiveBayes(smile.classification.DiscreteNaiveBayes.Model.CNB, 0.1))) {
            double acc = accuracy(learner.fit(train, 3), test);
            assertTrue(acc >= 0.9, learner.name() + " accuracy " + acc);
        }
    }
}
