package newstopic.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newstopic.article.Article;
import newstopic.article.ArticleFormatException;
import newstopic.article.Source;
import newstopic.model.Mode;
import newstopic.prediction.Prediction;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final List<String> LABELS = List.of("conflict", "migration", "diplomacy");
    private static final List<Double> THRESHOLDS = List.of(0.5, 0.4, 0.6);

    private static Article article(int i, Set<String> labels) {
        return Article.of("a" + i, "Title " + i, "Body " + i, new Source("eval.jsonl", i), labels);
    }

    /** A prediction whose probability of label k is (i + 1) / 100 + k / 1000: distinct for every cell. */
    private static Prediction prediction(int i, Set<String> predicted) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (int k = 0; k < LABELS.size(); k++) {
            p.put(LABELS.get(k), score(i, k));
        }
        return new Prediction("a" + i, "Title " + i, LABELS.stream().filter(predicted::contains).toList(), p, Map.of());
    }

    private static double score(int i, int k) {
        return (i % 97 + 1) / 100.0 + k / 1000.0 + i * 1e-7;
    }

    /**
     * The hand-made table: truth and predicted labels per article. Counted by hand:
     * <pre>
     *              support  tp  fp  fn  F1
     *   conflict      3      2   0   1  4/5
     *   migration     2      2   1   0  4/5
     *   diplomacy     3      1   1   2  2/5
     *   micro         8      5   2   3  10/15
     * </pre>
     * exact matches: articles 0, 3, 5, 7 of 8.
     */
    private static final List<List<Set<String>>> TABLE = List.of(
            List.of(Set.of("conflict"), Set.of("conflict")),
            List.of(Set.of("conflict", "diplomacy"), Set.of("conflict")),
            List.of(Set.of(), Set.of("migration")),
            List.of(Set.of("migration"), Set.of("migration")),
            List.of(Set.of("diplomacy"), Set.of()),
            List.of(Set.of(), Set.of()),
            List.of(Set.of("conflict"), Set.of("diplomacy")),
            List.of(Set.of("migration", "diplomacy"), Set.of("migration", "diplomacy")));

    private static Evaluation evaluateTable() {
        Evaluation.Accumulator acc = new Evaluation.Accumulator(LABELS, Mode.MULTI, THRESHOLDS);
        for (int i = 0; i < TABLE.size(); i++) {
            acc.add(article(i, TABLE.get(i).get(0)), prediction(i, TABLE.get(i).get(1)));
        }
        assertEquals(TABLE.size(), acc.size());
        return acc.result();
    }

    private static void assertCounts(LabelMetrics m, String label, int tp, int fp, int fn, int support) {
        assertEquals(label, m.label());
        assertEquals(tp, m.truePositives(), label + " tp");
        assertEquals(fp, m.falsePositives(), label + " fp");
        assertEquals(fn, m.falseNegatives(), label + " fn");
        assertEquals(support, m.support(), label + " support");
    }

    @Test
    void countsPerLabelMatchTheHandCountedTable() {
        Evaluation e = evaluateTable();
        assertEquals(LABELS, e.labels());
        assertEquals(Mode.MULTI, e.mode());
        assertEquals(THRESHOLDS, e.thresholds());
        assertCounts(e.metrics().get(0), "conflict", 2, 0, 1, 3);
        assertCounts(e.metrics().get(1), "migration", 2, 1, 0, 2);
        assertCounts(e.metrics().get(2), "diplomacy", 1, 1, 2, 3);
    }

    @Test
    void precisionRecallAndF1FollowFromTheCounts() {
        Evaluation e = evaluateTable();
        LabelMetrics conflict = e.metrics().get(0);
        assertEquals(1.0, conflict.precision(), 1e-12);
        assertEquals(2.0 / 3, conflict.recall(), 1e-12);
        assertEquals(0.8, conflict.f1(), 1e-12);
        LabelMetrics migration = e.metrics().get(1);
        assertEquals(2.0 / 3, migration.precision(), 1e-12);
        assertEquals(1.0, migration.recall(), 1e-12);
        assertEquals(0.8, migration.f1(), 1e-12);
        LabelMetrics diplomacy = e.metrics().get(2);
        assertEquals(0.5, diplomacy.precision(), 1e-12);
        assertEquals(1.0 / 3, diplomacy.recall(), 1e-12);
        assertEquals(0.4, diplomacy.f1(), 1e-12);
    }

    @Test
    void microPoolsCountsAndMacroAveragesF1() {
        Evaluation e = evaluateTable();
        LabelMetrics micro = e.micro();
        assertCounts(micro, "micro", 5, 2, 3, 8);
        assertEquals(5.0 / 7, micro.precision(), 1e-12);
        assertEquals(5.0 / 8, micro.recall(), 1e-12);
        assertEquals(2.0 / 3, micro.f1(), 1e-12);
        // macro: (0.8 + 0.8 + 0.4) / 3, which differs from micro here, so the two cannot be swapped
        assertEquals(2.0 / 3, e.macroF1(), 1e-12);
    }

    @Test
    void macroAndMicroDifferWhenLabelsAreUnbalanced() {
        // a frequent label done well and a rare one done badly: macro punishes the rare one more
        List<LabelMetrics> all = List.of(new LabelMetrics("a", 90, 10, 0, 90), new LabelMetrics("b", 0, 5, 5, 5));
        assertEquals((180.0 / 190 + 0.0) / 2, LabelMetrics.macroF1(all), 1e-12);
        assertEquals(180.0 / (180 + 15 + 5), LabelMetrics.micro(all).f1(), 1e-12);
    }

    @Test
    void accuracyIsTheExactMatchRatio() {
        assertEquals(4.0 / 8, evaluateTable().accuracy(), 1e-12);
    }

    @Test
    void scoresAndTruthAreKeptPerLabelAndArticle() {
        Evaluation e = evaluateTable();
        assertEquals(TABLE.size(), e.articles());
        for (int k = 0; k < LABELS.size(); k++) {
            assertEquals(TABLE.size(), e.scores()[k].length);
            assertEquals(TABLE.size(), e.truth()[k].length);
            for (int i = 0; i < TABLE.size(); i++) {
                assertEquals(score(i, k), e.scores()[k][i], 0.0);
                assertEquals(TABLE.get(i).get(0).contains(LABELS.get(k)), e.truth()[k][i]);
            }
        }
    }

    @Test
    void countsAgreeWithLabelMetricsOfTheSameColumns() {
        Evaluation e = evaluateTable();
        for (int k = 0; k < LABELS.size(); k++) {
            boolean[] predicted = new boolean[TABLE.size()];
            for (int i = 0; i < TABLE.size(); i++) {
                predicted[i] = TABLE.get(i).get(1).contains(LABELS.get(k));
            }
            assertEquals(LabelMetrics.of(LABELS.get(k), e.truth()[k], predicted), e.metrics().get(k));
        }
    }

    @Test
    void growingPastTheInitialCapacityKeepsEveryScore() {
        int n = 64 * 3 + 7; // several doublings of the 64-slot arrays
        Evaluation.Accumulator acc = new Evaluation.Accumulator(LABELS, Mode.MULTI, THRESHOLDS);
        int expectedConflict = 0;
        for (int i = 0; i < n; i++) {
            Set<String> truth = i % 3 == 0 ? Set.of("conflict") : Set.of();
            Set<String> predicted = i % 2 == 0 ? Set.of("conflict") : Set.of();
            if (i % 3 == 0 && i % 2 == 0) {
                expectedConflict++;
            }
            acc.add(article(i, truth), prediction(i, predicted));
        }
        Evaluation e = acc.result();
        assertEquals(n, e.articles());
        for (int k = 0; k < LABELS.size(); k++) {
            assertEquals(n, e.scores()[k].length);
            for (int i = 0; i < n; i++) {
                assertEquals(score(i, k), e.scores()[k][i], 0.0, "label " + k + " article " + i);
                assertEquals(k == 0 && i % 3 == 0, e.truth()[k][i], "label " + k + " article " + i);
            }
        }
        assertEquals(expectedConflict, e.metrics().get(0).truePositives()); // i divisible by 6
        assertEquals((n + 2) / 3, e.metrics().get(0).support());
    }

    @Test
    void resultIsASnapshotThatLaterAddsDoNotChange() {
        Evaluation.Accumulator acc = new Evaluation.Accumulator(LABELS, Mode.MULTI, THRESHOLDS);
        acc.add(article(0, Set.of("conflict")), prediction(0, Set.of("conflict")));
        Evaluation first = acc.result();
        acc.add(article(1, Set.of()), prediction(1, Set.of("conflict")));
        assertEquals(1, first.articles());
        assertEquals(0, first.metrics().get(0).falsePositives());
        assertEquals(1, acc.result().metrics().get(0).falsePositives());
    }

    @Test
    void anEmptyEvaluationHasNoArticlesAndZeroScores() {
        Evaluation e = new Evaluation.Accumulator(LABELS, Mode.SINGLE, THRESHOLDS).result();
        assertEquals(0, e.articles());
        assertEquals(0.0, e.accuracy());
        assertEquals(0.0, e.macroF1());
        assertEquals(0.0, e.micro().f1());
        assertEquals(0.0, e.micro().precision());
        assertEquals(0.0, e.micro().recall());
    }

    @Test
    void anUnlabeledArticleIsAnErrorNamingItsSource() {
        Evaluation.Accumulator acc = new Evaluation.Accumulator(LABELS, Mode.MULTI, THRESHOLDS);
        Article unlabeled = article(7, null);
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> acc.add(unlabeled, prediction(7, Set.of())));
        assertSame(unlabeled.source(), e.source());
        assertTrue(e.getMessage().startsWith("eval.jsonl:7"), e.getMessage());
        assertEquals(0, acc.size(), "nothing was counted");
    }

    @Test
    void aLabelTheModelLacksIsAnErrorNamingSourceAndLabel() {
        Evaluation.Accumulator acc = new Evaluation.Accumulator(LABELS, Mode.MULTI, THRESHOLDS);
        acc.add(article(1, Set.of("conflict")), prediction(1, Set.of("conflict")));
        Article sports = article(12, Set.of("conflict", "sports"));
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> acc.add(sports, prediction(12, Set.of())));
        assertEquals(new Source("eval.jsonl", 12), e.source());
        assertEquals("labels", e.field());
        assertTrue(e.getMessage().startsWith("eval.jsonl:12"), e.getMessage());
        assertTrue(e.getMessage().contains("sports"), e.getMessage());
        // the rejected article left no partial counts behind
        assertEquals(1, acc.size());
        Evaluation r = acc.result();
        assertCounts(r.metrics().get(0), "conflict", 1, 0, 0, 1);
        assertArrayEquals(new double[] {score(1, 0)}, r.scores()[0]);
    }

    @Test
    void singleLabelAccuracyIsTheShareOfRightLabels() {
        Evaluation.Accumulator acc = new Evaluation.Accumulator(LABELS, Mode.SINGLE, THRESHOLDS);
        acc.add(article(0, Set.of("conflict")), prediction(0, Set.of("conflict")));
        acc.add(article(1, Set.of("migration")), prediction(1, Set.of("diplomacy")));
        acc.add(article(2, Set.of("diplomacy")), prediction(2, Set.of("diplomacy")));
        Evaluation e = acc.result();
        assertEquals(Mode.SINGLE, e.mode());
        assertEquals(2.0 / 3, e.accuracy(), 1e-12);
    }
}
