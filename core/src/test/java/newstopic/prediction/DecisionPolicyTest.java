package newstopic.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import newstopic.model.SentenceWeights;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {

    private static final List<String> LABELS = List.of("conflict", "migration", "diplomacy");
    private static final double OFF = Double.NaN;

    private static DecisionPolicy multi(double[] thresholds, int minChars, double... headlineThresholds) {
        return new DecisionPolicy(Mode.MULTI, thresholds, minChars, headlineThresholds);
    }

    private static double[] off(int n) {
        double[] h = new double[n];
        Arrays.fill(h, OFF);
        return h;
    }

    /** Decides without a headline; returns the decisions. */
    private static boolean[] decide(DecisionPolicy policy, double[] p) {
        return decide(policy, p, null);
    }

    /** Decides {@code p} (updated in place) with {@code headline}; returns the decisions. */
    private static boolean[] decide(DecisionPolicy policy, double[] p, double[] headline) {
        boolean[] decisions = new boolean[p.length];
        policy.decide(p, headline, decisions);
        return decisions;
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
        DecisionPolicy single = new DecisionPolicy(Mode.SINGLE, new double[] {0.99, 0.99, 0.99}, 0, off(3));
        double[] p = {0.3, 0.35, 0.35};
        assertArrayEquals(new boolean[] {false, true, false}, decide(single, p), "the first of equals");
        assertArrayEquals(new double[] {0.3, 0.35, 0.35}, p, "probabilities are left alone");
        assertEquals(Mode.SINGLE, single.mode());
        // every decision is written, whatever the array held before
        boolean[] decisions = {true, false, true};
        single.decide(new double[] {0.1, 0.8, 0.1}, null, decisions);
        assertArrayEquals(new boolean[] {false, true, false}, decisions);
    }

    @Test
    void singleLabelIgnoresTheHeadline() {
        DecisionPolicy single = new DecisionPolicy(Mode.SINGLE, new double[] {0.5, 0.5, 0.5}, 10,
                new double[] {0.1, 0.1, 0.1});
        double[] p = {0.3, 0.4, 0.3};
        assertArrayEquals(new boolean[] {false, true, false}, decide(single, p, new double[] {0.9, 0.1, 0.9}),
                "argmax of the article only");
        assertArrayEquals(new double[] {0.3, 0.4, 0.3}, p, "no maximum with the headline");
    }

    @Test
    void multiLabelThresholdsAreInclusive() {
        double[] t = {0.5, 0.25, 0.8};
        DecisionPolicy policy = multi(t, 0, off(3));
        for (int k = 0; k < t.length; k++) {
            double[] p = new double[3];
            p[k] = t[k];
            assertTrue(decide(policy, p)[k], "p == threshold is assigned, label " + k);
            p[k] = Math.nextDown(t[k]);
            assertFalse(decide(policy, p)[k], "just below the threshold is not, label " + k);
            assertEquals(t[k], policy.threshold(k));
        }
        // labels are decided independently: several, or none
        assertArrayEquals(new boolean[] {true, true, true}, decide(policy, new double[] {0.9, 0.9, 0.9}));
        assertArrayEquals(new boolean[] {false, false, false}, decide(policy, new double[] {0.1, 0.1, 0.1}));
        assertArrayEquals(new boolean[] {true, false, false}, decide(policy, new double[] {0.5, 0.2, 0.7}));
    }

    @Test
    void headlineThresholdsAreInclusive() {
        double[] h = {0.6, 0.3, 0.9};
        DecisionPolicy policy = multi(new double[] {0.95, 0.95, 0.95}, 100, h);
        for (int k = 0; k < h.length; k++) {
            double[] headline = new double[3];
            headline[k] = h[k];
            assertTrue(decide(policy, new double[3], headline)[k], "headline == its threshold is assigned, label " + k);
            headline[k] = Math.nextDown(h[k]);
            assertFalse(decide(policy, new double[3], headline)[k], "just below is not, label " + k);
        }
    }

    @Test
    void policyKeepsItsOwnCopyOfThresholds() {
        double[] t = {0.5, 0.5};
        double[] h = {0.7, 0.7};
        DecisionPolicy policy = multi(t, 10, h);
        t[0] = 0.99;
        h[0] = 0.99;
        h[1] = OFF;
        assertEquals(0.5, policy.threshold(0));
        assertEquals(0.7, policy.headlineThreshold(0));
        assertTrue(policy.headlineApplies(1));
        assertTrue(decide(policy, new double[] {0.6, 0})[0]);
        assertArrayEquals(new boolean[] {true, true}, decide(policy, new double[] {0, 0}, new double[] {0.8, 0.8}));
    }

    @Test
    void headlineIsNeededOnlyWhenEveryConditionHolds() {
        DecisionPolicy policy = multi(new double[] {0.5, 0.5}, 10, OFF, 0.5);
        String longText = "x".repeat(10);
        assertTrue(policy.needsHeadline("Headline", longText));
        assertTrue(policy.needsHeadline("Headline", longText + "more"));
        assertFalse(policy.needsHeadline("Headline", "x".repeat(9)), "text shorter than minChars");
        assertFalse(policy.needsHeadline("", longText), "empty title");
        assertFalse(policy.needsHeadline("  \t", longText), "blank title");
        assertFalse(multi(new double[] {0.5, 0.5}, 0, 0.5, 0.5).needsHeadline("Headline", longText),
                "minChars 0 turns the rule off");
        assertFalse(multi(new double[] {0.5, 0.5}, 10, OFF, OFF).needsHeadline("Headline", longText),
                "no label under the rule");
        DecisionPolicy single = new DecisionPolicy(Mode.SINGLE, new double[] {0.5, 0.5}, 10, new double[] {0.5, 0.5});
        assertFalse(single.needsHeadline("Headline", longText), "single-label mode has no headline rule");
        assertEquals(0, single.headlineMinChars());
        assertFalse(single.headlineApplies(0));
        assertTrue(Double.isNaN(single.headlineThreshold(0)));
    }

    @Test
    void headlineAppliesPerLabelOnlyWhenTheRuleIsOn() {
        DecisionPolicy policy = multi(new double[] {0.5, 0.5, 0.5}, 600, 0.4, OFF, 0.8);
        assertEquals(600, policy.headlineMinChars());
        assertTrue(policy.headlineApplies(0));
        assertFalse(policy.headlineApplies(1));
        assertTrue(policy.headlineApplies(2));
        assertEquals(0.4, policy.headlineThreshold(0));
        assertTrue(Double.isNaN(policy.headlineThreshold(1)), "NaN where the rule is off for the label");
        assertEquals(0.8, policy.headlineThreshold(2));
        DecisionPolicy off = multi(new double[] {0.5, 0.5, 0.5}, 0, 0.4, 0.4, 0.4);
        for (int k = 0; k < 3; k++) {
            assertFalse(off.headlineApplies(k), "minChars 0, label " + k);
            assertTrue(Double.isNaN(off.headlineThreshold(k)), "minChars 0, label " + k);
        }
    }

    @Test
    void headlineTakesTheMaximumForRuleLabelsOnly() {
        DecisionPolicy policy = multi(new double[] {0.5, 0.5, 0.5, 0.5}, 100, 0.5, OFF, 0.5, 0.5);
        double[] article = {0.2, 0.2, 0.9, 0.4};
        double[] headline = {0.7, 0.95, 0.1, 0.4};
        boolean[] decisions = decide(policy, article, headline);
        // under the rule: max of both; label 1 is not and keeps the article's own probability
        assertArrayEquals(new double[] {0.7, 0.2, 0.9, 0.4}, article);
        assertArrayEquals(new double[] {0.7, 0.95, 0.1, 0.4}, headline, "the headline's array is left alone");
        // label 1's headline reaches the threshold but the rule is off for it
        assertArrayEquals(new boolean[] {true, false, true, false}, decisions);
    }

    @Test
    void withoutAHeadlineTheArticleAloneDecides() {
        DecisionPolicy policy = multi(new double[] {0.5, 0.5, 0.5}, 100, 0.1, 0.1, 0.1);
        double[] p = {0.6, 0.3, 0.05};
        assertArrayEquals(new boolean[] {true, false, false}, decide(policy, p, null));
        assertArrayEquals(new double[] {0.6, 0.3, 0.05}, p, "probabilities are left alone");
    }

    @Test
    void aLabelIsAssignedByItsHeadlineAloneAtTheHeadlineThreshold() {
        // the headline threshold (0.35) is below the article threshold (0.6): the headline reaches
        // the one but not the other, and the article reaches neither
        DecisionPolicy policy = multi(new double[] {0.6, 0.6, 0.6}, 100, 0.35, OFF, 0.9);
        double[] p = {0.2, 0.2, 0.2};
        double[] headline = {0.4, 0.4, 0.4};
        boolean[] decisions = decide(policy, p, headline);
        assertTrue(decisions[0], "the headline alone reaches label 0's headline threshold");
        assertFalse(decisions[1], "the rule is off for label 1");
        assertFalse(decisions[2], "label 2's headline threshold is higher than its headline");
        assertArrayEquals(new double[] {0.4, 0.2, 0.4}, p);
        // and the headline threshold can be higher than the article threshold: the article's own
        // probability still suffices, the headline's does not even when it passes the article threshold
        DecisionPolicy strict = multi(new double[] {0.3, 0.3}, 100, 0.8, 0.8);
        assertArrayEquals(new boolean[] {true, false}, decide(strict, new double[] {0.3, 0.1}, new double[] {0.1, 0.7}));
        assertArrayEquals(new boolean[] {false, true}, decide(strict, new double[] {0.1, 0.1}, new double[] {0.1, 0.8}));
    }

    @Test
    void aHeadlineBelowItsThresholdDoesNotAssignThoughItsProbabilityIsReported() {
        DecisionPolicy policy = multi(new double[] {0.5, 0.5}, 100, 0.7, 0.7);
        double[] p = {0.2, 0.1};
        double[] headline = {0.65, 0.05};
        boolean[] decisions = decide(policy, p, headline);
        // label 0: the headline passes the article threshold, not its own; the reported
        // probability (0.65) then reaches the article threshold yet the label stays unassigned
        assertArrayEquals(new boolean[] {false, false}, decisions);
        assertArrayEquals(new double[] {0.65, 0.1}, p, "the reported probability is the higher one");
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new DecisionPolicy(Mode.MULTI, new double[] {0.5, 0.5}, 0, off(3)));
        assertThrows(IllegalArgumentException.class,
                () -> new DecisionPolicy(Mode.SINGLE, new double[] {0.5, 0.5}, 0, off(1)));
    }

    private static ModelHeader.Builder builder() {
        return ModelHeader.builder(LABELS, FeaturizerConfig.DEFAULT);
    }

    @Test
    void policyOfAHeaderWithoutHeadlineThresholdsAppliesTheRuleToEveryLabelWithItsOwnThreshold() {
        // older model files have no headline thresholds: the rule covered all labels, at their thresholds
        ModelHeader header = builder().thresholds(List.of(0.3, 0.6, 0.9)).headlineRule(600, null).build();
        DecisionPolicy policy = DecisionPolicy.of(header);
        assertEquals(Mode.MULTI, policy.mode());
        assertEquals(600, policy.headlineMinChars());
        for (int k = 0; k < LABELS.size(); k++) {
            assertTrue(policy.headlineApplies(k), LABELS.get(k));
            assertEquals(header.thresholds().get(k), policy.threshold(k));
            assertEquals(header.thresholds().get(k), policy.headlineThreshold(k), LABELS.get(k));
        }
        double[] p = {0.1, 0.1, 0.1};
        boolean[] decisions = decide(policy, p, new double[] {0.8, 0.8, 0.8});
        assertArrayEquals(new double[] {0.8, 0.8, 0.8}, p);
        assertArrayEquals(new boolean[] {true, true, false}, decisions, "0.8 passes 0.3 and 0.6, not 0.9");
    }

    @Test
    void policyOfAHeaderWithHeadlineThresholdsAppliesTheRuleToThoseLabelsOnly() {
        ModelHeader header = builder().headlineRule(600, Arrays.asList(null, 0.7, null)).build();
        DecisionPolicy policy = DecisionPolicy.of(header);
        assertFalse(policy.headlineApplies(0));
        assertTrue(policy.headlineApplies(1));
        assertFalse(policy.headlineApplies(2));
        assertEquals(0.7, policy.headlineThreshold(1));
        assertEquals(0.5, policy.threshold(1), "the article threshold is unchanged");
        String text = "y".repeat(600);
        assertTrue(policy.needsHeadline("Boats reach Lampedusa", text));
        assertFalse(policy.needsHeadline("Boats reach Lampedusa", text.substring(1)));
        double[] p = {0.1, 0.1, 0.1};
        boolean[] decisions = decide(policy, p, new double[] {0.8, 0.8, 0.8});
        assertArrayEquals(new double[] {0.1, 0.8, 0.1}, p);
        assertArrayEquals(new boolean[] {false, true, false}, decisions);
        double[] below = {0.1, 0.1, 0.1};
        assertArrayEquals(new boolean[] {false, false, false}, decide(policy, below, new double[] {0.6, 0.6, 0.6}),
                "0.6 passes the article threshold 0.5 but not the headline threshold 0.7");
        assertArrayEquals(new double[] {0.1, 0.6, 0.1}, below);
    }

    @Test
    void policyOfAHeaderWithNoHeadlineThresholdNeverNeedsTheHeadline() {
        DecisionPolicy policy = DecisionPolicy.of(builder().headlineRule(600, Arrays.asList(null, null, null)).build());
        assertFalse(policy.needsHeadline("Title", "z".repeat(1000)));
        for (int k = 0; k < LABELS.size(); k++) {
            assertFalse(policy.headlineApplies(k));
        }
    }

    @Test
    void policyOfASingleLabelHeaderIgnoresTheHeadlineRule() {
        ModelHeader header = builder().mode(Mode.SINGLE).headlineRule(600, null).build();
        DecisionPolicy policy = DecisionPolicy.of(header);
        assertEquals(Mode.SINGLE, policy.mode());
        assertFalse(policy.needsHeadline("Title", "z".repeat(1000)));
        assertArrayEquals(new boolean[] {false, true, false}, decide(policy, new double[] {0.1, 0.2, 0.15}));
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
    void headerRejectsHeadlineThresholdsThatAreNotProbabilities() {
        for (double bad : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class,
                    () -> builder().headlineRule(600, Arrays.asList(0.5, bad, null)).build(), "headline threshold " + bad);
        }
        // the bounds are probabilities, null is "off for this label"
        assertDoesNotThrow(() -> builder().headlineRule(600, Arrays.asList(0.0, 1.0, null)).build());
        ModelHeader header = builder().headlineRule(600, Arrays.asList(0.4, null, 0.9)).build();
        assertEquals(Arrays.asList(0.4, null, 0.9), header.headlineThresholds());
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
    void headerRejectsMismatchedCounts() {
        assertThrows(IllegalArgumentException.class, () -> builder().thresholds(List.of(0.5, 0.5)).build());
        assertThrows(IllegalArgumentException.class,
                () -> builder().calibration(Collections.nCopies(4, Calibration.LOGISTIC)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().headlineRule(600, List.of()).build(),
                "no headline threshold at all");
        assertThrows(IllegalArgumentException.class, () -> builder().headlineRule(600, List.of(0.5, 0.5)).build(),
                "too few headline thresholds");
        assertThrows(IllegalArgumentException.class,
                () -> builder().headlineRule(600, List.of(0.5, 0.5, 0.5, 0.5)).build(), "too many headline thresholds");
        assertThrows(IllegalArgumentException.class, () -> builder().headlineRule(-1, null).build());
    }

    @Test
    void policyOfAHeaderWithSentenceWeightsReplacesThoseLabelsProbabilitiesOnly() {
        SentenceWeights rule = new SentenceWeights(-1, 0.5, 0.25, 2);
        ModelHeader header = builder().thresholds(List.of(0.5, 0.5, 0.5)).sentenceRule(4, Arrays.asList(null, rule, null)).build();
        DecisionPolicy policy = DecisionPolicy.of(header);
        assertEquals(4, policy.sentenceMinCount());
        assertNull(policy.sentenceWeights(0));
        assertEquals(rule, policy.sentenceWeights(1));
        String three = "One two three. Four five six. Seven eight nine.";
        assertFalse(policy.needsSentences(three));
        assertTrue(policy.needsSentences(three + " Ten eleven twelve."));
        double[] p = {0.9, 0.9, 0.9};
        boolean[] decisions = new boolean[3];
        policy.decide(p, null, new double[] {Double.NaN, 0.2, Double.NaN}, false, decisions);
        assertArrayEquals(new double[] {0.9, 0.2, 0.9}, p);
        assertArrayEquals(new boolean[] {true, false, true}, decisions);
        // the rule's own logistic: -1 + 0.5*2 + 0.25*4 + 2*1 = 3
        assertEquals(1 / (1 + Math.exp(-3)), rule.probability(2, 4, 1), 1e-12);
    }

    @Test
    void sentenceRuleIsOffWithoutWeightsInSingleModeAndInOlderHeaders() {
        assertEquals(0, DecisionPolicy.of(builder().sentenceRule(4, Arrays.asList(null, null, null)).build()).sentenceMinCount());
        assertEquals(0, DecisionPolicy.of(builder().mode(Mode.SINGLE)
                .sentenceRule(4, Collections.nCopies(3, new SentenceWeights(0, 1, 1, 1))).build()).sentenceMinCount());
        DecisionPolicy older = DecisionPolicy.of(builder().build());
        assertEquals(0, older.sentenceMinCount());
        assertFalse(older.needsSentences("One two three. Four five six. Seven eight nine. Ten eleven twelve. More words here."));
    }

    @Test
    void headerRejectsBadSentenceRules() {
        SentenceWeights w = new SentenceWeights(0, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> builder().sentenceRule(1, Collections.nCopies(3, w)).build(),
                "one sentence is no rule");
        assertThrows(IllegalArgumentException.class, () -> builder().sentenceRule(-2, null).build());
        assertThrows(IllegalArgumentException.class, () -> builder().sentenceRule(4, List.of(w, w)).build());
        assertThrows(IllegalArgumentException.class, () -> new SentenceWeights(0, Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SentenceWeights(0, 1, Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void shortTextsAreDecidedWithTheirOwnThresholds() {
        ModelHeader header = builder().thresholds(List.of(0.5, 0.5, 0.5)).shortText(20, List.of(0.3, 0.5, 0.7)).build();
        DecisionPolicy policy = DecisionPolicy.of(header);
        assertEquals(20, policy.shortTextChars());
        assertTrue(policy.isShort("x".repeat(19)));
        assertFalse(policy.isShort("x".repeat(20)));
        assertEquals(0.3, policy.shortThreshold(0), 0);
        assertEquals(0.5, policy.threshold(0), 0);
        boolean[] decisions = new boolean[3];
        policy.decide(new double[] {0.4, 0.6, 0.6}, null, null, true, decisions);
        assertArrayEquals(new boolean[] {true, true, false}, decisions);
        policy.decide(new double[] {0.4, 0.6, 0.6}, null, null, false, decisions);
        assertArrayEquals(new boolean[] {false, true, true}, decisions);
        // older headers, and single-label ones, have one threshold per label for every text
        DecisionPolicy older = DecisionPolicy.of(builder().thresholds(List.of(0.5, 0.5, 0.5)).build());
        assertEquals(0, older.shortTextChars());
        assertFalse(older.isShort(""));
        assertEquals(0.5, older.shortThreshold(0), 0);
        assertFalse(DecisionPolicy.of(builder().mode(Mode.SINGLE).shortText(20, List.of(0.3, 0.5, 0.7)).build()).isShort("x"));
    }

    @Test
    void headerRejectsBadShortTextThresholds() {
        assertThrows(IllegalArgumentException.class, () -> builder().shortText(20, null).build(), "a length without thresholds");
        assertThrows(IllegalArgumentException.class, () -> builder().shortText(0, List.of(0.3, 0.5, 0.7)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().shortText(-1, null).build());
        assertThrows(IllegalArgumentException.class, () -> builder().shortText(20, List.of(0.3, 0.5)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().shortText(20, List.of(0.3, 1.5, 0.7)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().shortText(20, Arrays.asList(0.3, null, 0.7)).build());
    }
}
