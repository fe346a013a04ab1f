package newstopic.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import newstopic.features.FeaturizerConfig;
import newstopic.model.Calibration;
import newstopic.model.Mode;
import newstopic.model.ModelHeader;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {

    private static final List<String> LABELS = List.of("conflict", "migration", "diplomacy");

    private static DecisionPolicy multi(double[] thresholds, int minChars, boolean... headline) {
        return new DecisionPolicy(Mode.MULTI, thresholds, minChars, headline);
    }

    /** The first index holding the largest value, found a different way than the code under test. */
    private static int firstOfMax(double[] p) {
        double max = Arrays.stream(p).max().orElseThrow();
        for (int k = 0; k < p.length; k++) {
            if (p[k] == max) {
                return k;
            }
        }
        throw new AssertionError();
    }

    @Test
    void argmaxIsTheHighestAndTheFirstOfEquals() {
        assertEquals(2, DecisionPolicy.argmax(new double[] {0.1, 0.2, 0.7}));
        assertEquals(0, DecisionPolicy.argmax(new double[] {0.9, 0.05, 0.05}));
        assertEquals(1, DecisionPolicy.argmax(new double[] {0.2, 0.4, 0.4}));
        assertEquals(0, DecisionPolicy.argmax(new double[] {0.5, 0.5, 0.5}));
        assertEquals(0, DecisionPolicy.argmax(new double[] {0.3}));
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            double[] p = new double[1 + r.nextInt(6)];
            for (int k = 0; k < p.length; k++) {
                p[k] = r.nextInt(4) / 4.0; // few distinct values: many ties
            }
            assertEquals(firstOfMax(p), DecisionPolicy.argmax(p), Arrays.toString(p));
        }
    }

    @Test
    void singleLabelAssignsExactlyTheArgmaxWhateverTheThresholds() {
        // thresholds no label reaches: single-label mode must still pick one
        DecisionPolicy single = new DecisionPolicy(Mode.SINGLE, new double[] {0.99, 0.99, 0.99}, 0,
                new boolean[3]);
        double[] p = {0.3, 0.35, 0.35};
        assertFalse(single.decide(p, 0));
        assertTrue(single.decide(p, 1));
        assertFalse(single.decide(p, 2));
        assertEquals(Mode.SINGLE, single.mode());
    }

    @Test
    void multiLabelThresholdsAreInclusive() {
        double[] t = {0.5, 0.25, 0.8};
        DecisionPolicy policy = multi(t, 0, false, false, false);
        for (int k = 0; k < t.length; k++) {
            double[] p = new double[3];
            p[k] = t[k];
            assertTrue(policy.decide(p, k), "p == threshold is assigned, label " + k);
            p[k] = Math.nextDown(t[k]);
            assertFalse(policy.decide(p, k), "just below the threshold is not, label " + k);
            assertEquals(t[k], policy.threshold(k));
        }
        // labels are decided independently: several, or none
        double[] p = {0.9, 0.9, 0.9};
        assertTrue(policy.decide(p, 0) && policy.decide(p, 1) && policy.decide(p, 2));
        double[] none = {0.1, 0.1, 0.1};
        assertFalse(policy.decide(none, 0) || policy.decide(none, 1) || policy.decide(none, 2));
    }

    @Test
    void policyKeepsItsOwnCopyOfThresholds() {
        double[] t = {0.5, 0.5};
        DecisionPolicy policy = multi(t, 0, false, false);
        t[0] = 0.99;
        assertEquals(0.5, policy.threshold(0));
        assertTrue(policy.decide(new double[] {0.6, 0}, 0));
    }

    @Test
    void headlineIsNeededOnlyWhenEveryConditionHolds() {
        DecisionPolicy policy = multi(new double[] {0.5, 0.5}, 10, false, true);
        String longText = "x".repeat(10);
        assertTrue(policy.needsHeadline("Headline", longText));
        assertTrue(policy.needsHeadline("Headline", longText + "more"));
        assertFalse(policy.needsHeadline("Headline", "x".repeat(9)), "text shorter than minChars");
        assertFalse(policy.needsHeadline("", longText), "empty title");
        assertFalse(policy.needsHeadline("  \t", longText), "blank title");
        assertFalse(multi(new double[] {0.5, 0.5}, 0, true, true).needsHeadline("Headline", longText),
                "minChars 0 turns the rule off");
        assertFalse(multi(new double[] {0.5, 0.5}, 10, false, false).needsHeadline("Headline", longText),
                "no label flagged");
        DecisionPolicy single = new DecisionPolicy(Mode.SINGLE, new double[] {0.5, 0.5}, 10, new boolean[] {true, true});
        assertFalse(single.needsHeadline("Headline", longText), "single-label mode has no headline rule");
        assertEquals(0, single.headlineMinChars());
        assertFalse(single.headlineApplies(0));
    }

    @Test
    void headlineAppliesPerFlaggedLabelOnlyWhenTheRuleIsOn() {
        DecisionPolicy policy = multi(new double[] {0.5, 0.5, 0.5}, 600, true, false, true);
        assertEquals(600, policy.headlineMinChars());
        assertTrue(policy.headlineApplies(0));
        assertFalse(policy.headlineApplies(1));
        assertTrue(policy.headlineApplies(2));
        DecisionPolicy off = multi(new double[] {0.5, 0.5, 0.5}, 0, true, true, true);
        assertFalse(off.headlineApplies(0));
    }

    @Test
    void combineTakesTheMaximumForFlaggedLabelsOnly() {
        DecisionPolicy policy = multi(new double[] {0.5, 0.5, 0.5, 0.5}, 100, true, false, true, true);
        double[] article = {0.2, 0.2, 0.9, 0.4};
        double[] headline = {0.7, 0.95, 0.1, 0.4};
        policy.combine(article, headline);
        // flagged: max of both; label 1 is not flagged and keeps the article's own probability
        assertArrayEquals(new double[] {0.7, 0.2, 0.9, 0.4}, article);
        assertArrayEquals(new double[] {0.7, 0.95, 0.1, 0.4}, headline, "the headline's array is left alone");
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new DecisionPolicy(Mode.MULTI, new double[] {0.5, 0.5}, 0, new boolean[3]));
    }

    private static ModelHeader.Builder builder() {
        return ModelHeader.builder(LABELS, FeaturizerConfig.DEFAULT);
    }

    @Test
    void policyOfAHeaderWithoutHeadlineLabelsAppliesTheRuleToEveryLabel() {
        // older model files have no headlineLabels: the rule covered all labels then
        ModelHeader header = builder().thresholds(List.of(0.3, 0.6, 0.9)).headlineRule(600, null).build();
        DecisionPolicy policy = DecisionPolicy.of(header);
        assertEquals(Mode.MULTI, policy.mode());
        assertEquals(600, policy.headlineMinChars());
        for (int k = 0; k < LABELS.size(); k++) {
            assertTrue(policy.headlineApplies(k), LABELS.get(k));
            assertEquals(header.thresholds().get(k), policy.threshold(k));
        }
        double[] p = {0.1, 0.1, 0.1};
        policy.combine(p, new double[] {0.8, 0.8, 0.8});
        assertArrayEquals(new double[] {0.8, 0.8, 0.8}, p);
    }

    @Test
    void policyOfAHeaderWithHeadlineLabelsAppliesTheRuleToThoseOnly() {
        ModelHeader header = builder().headlineRule(600, List.of("migration")).build();
        DecisionPolicy policy = DecisionPolicy.of(header);
        assertFalse(policy.headlineApplies(0));
        assertTrue(policy.headlineApplies(1));
        assertFalse(policy.headlineApplies(2));
        String text = "y".repeat(600);
        assertTrue(policy.needsHeadline("Boats reach Lampedusa", text));
        assertFalse(policy.needsHeadline("Boats reach Lampedusa", text.substring(1)));
        double[] p = {0.1, 0.1, 0.1};
        policy.combine(p, new double[] {0.8, 0.8, 0.8});
        assertArrayEquals(new double[] {0.1, 0.8, 0.1}, p);
    }

    @Test
    void policyOfAHeaderWithAnEmptyHeadlineListNeverNeedsTheHeadline() {
        DecisionPolicy policy = DecisionPolicy.of(builder().headlineRule(600, List.of()).build());
        assertFalse(policy.needsHeadline("Title", "z".repeat(1000)));
    }

    @Test
    void policyOfASingleLabelHeaderIgnoresTheHeadlineRule() {
        ModelHeader header = builder().mode(Mode.SINGLE).headlineRule(600, null).build();
        DecisionPolicy policy = DecisionPolicy.of(header);
        assertEquals(Mode.SINGLE, policy.mode());
        assertFalse(policy.needsHeadline("Title", "z".repeat(1000)));
        assertTrue(policy.decide(new double[] {0.1, 0.2, 0.15}, 1));
    }

    @Test
    void headerRejectsDuplicateLabels() {
        assertThrows(IllegalArgumentException.class,
                () -> ModelHeader.builder(List.of("conflict", "migration", "conflict"), FeaturizerConfig.DEFAULT).build());
    }

    @Test
    void headerRejectsThresholdsThatAreNotProbabilities() {
        for (double bad : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> builder().thresholds(List.of(0.5, bad, 0.5)).build(),
                    "threshold " + bad);
        }
        // the bounds themselves are probabilities
        assertDoesNotThrow(() -> builder().thresholds(List.of(0.0, 1.0, 0.5)).build());
    }

    @Test
    void headerRejectsNonFiniteCalibration() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            List<Calibration> badA = List.of(Calibration.LOGISTIC, new Calibration(bad, 0), Calibration.LOGISTIC);
            List<Calibration> badB = List.of(Calibration.LOGISTIC, Calibration.LOGISTIC, new Calibration(1, bad));
            assertThrows(IllegalArgumentException.class, () -> builder().calibration(badA).build(), "a = " + bad);
            assertThrows(IllegalArgumentException.class, () -> builder().calibration(badB).build(), "b = " + bad);
        }
        List<Calibration> withNull = java.util.Arrays.asList(Calibration.LOGISTIC, null, Calibration.LOGISTIC);
        assertThrows(RuntimeException.class, () -> builder().calibration(withNull).build());
    }

    @Test
    void headerRejectsMismatchedCountsAndUnknownHeadlineLabels() {
        assertThrows(IllegalArgumentException.class, () -> builder().thresholds(List.of(0.5, 0.5)).build());
        assertThrows(IllegalArgumentException.class,
                () -> builder().calibration(Collections.nCopies(4, Calibration.LOGISTIC)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().headlineRule(600, List.of("sports")).build());
        assertThrows(IllegalArgumentException.class, () -> builder().headlineRule(-1, null).build());
    }
}
