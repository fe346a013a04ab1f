package newstopic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import newstopic.model.Calibration;
import newstopic.train.corpus.Folds;
import org.junit.jupiter.api.Test;

class CalibrationAndFoldsTest {

    @Test
    void plattRecoversTheSlopeAndOffsetThatGeneratedTheLabels() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 20_000;
        double[] m = new double[n];
        boolean[] y = new boolean[n];
        Calibration truth = new Calibration(2.0, -0.5);
        for (int i = 0; i < n; i++) {
            m[i] = r.nextDouble(-3, 3);
            y[i] = r.nextDouble() < truth.probability(m[i]);
        }
        Calibration fitted = Platt.fit(m, y);
        assertEquals(2.0, fitted.a(), 0.1);
        assertEquals(-0.5, fitted.b(), 0.1);
    }

    @Test
    void plattWithOneClassFallsBackToTheLogistic() {
        assertEquals(Calibration.LOGISTIC, Platt.fit(new double[] {1, 2}, new boolean[] {true, true}));
    }

    @Test
    void thresholdMaximizesF1BetweenNeighbouringScores() {
        // best F1 keeps the top three (two right, one wrong): F1 = 2*2/(3+2) = 0.8
        double[] scores = {0.9, 0.8, 0.7, 0.4, 0.1};
        boolean[] truth = {true, false, true, false, false};
        assertEquals(0.55, Thresholds.bestF1(scores, truth), 1e-12);
        assertEquals(0.5, Thresholds.bestF1(scores, new boolean[5]), 0);
        // ties are never split
        assertEquals(0.45, Thresholds.bestF1(new double[] {0.7, 0.7, 0.2}, new boolean[] {true, false, false}), 1e-12);
    }

    @Test
    void thresholdIsTheMiddleOfTheCutsWithinThePlateauOfTheBestF1() {
        // 1,000 positives scored 0.55-0.95 and 1,000 negatives 0.05-0.45, then three negatives at
        // 0.52 and three positives at 0.48: cutting above, between or below these six costs at
        // most 3 errors of 2,006, an F1 step of about 0.0015, inside the plateau
        int n = 2006;
        double[] scores = new double[n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < 1000; i++) {
            scores[i] = 0.55 + 0.4 * i / 1000.0;
            truth[i] = true;
            scores[1000 + i] = 0.05 + 0.4 * i / 1000.0;
        }
        for (int i = 0; i < 3; i++) {
            scores[2000 + i] = 0.52 - 0.001 * i;
            scores[2003 + i] = 0.48 - 0.001 * i;
            truth[2003 + i] = true;
        }
        double t = Thresholds.bestF1(scores, truth);
        // the single best cut lies below all six (0.464, by one thousandth of F1 over cutting above
        // them); the plateau runs from 0.448 to 0.551 and its middle cut is between the two groups
        assertTrue(t > 0.47 && t < 0.53, "threshold " + t);
        // short texts take the plateau's lowest cut: below the six, above the bulk of the negatives
        double low = Thresholds.plateau(scores, truth).lowest();
        assertTrue(low > 0.445 && low < 0.478, "lowest cut " + low);
        // shifting every score moves the threshold with it: it is chosen from the cuts, not fixed
        double[] shifted = java.util.Arrays.stream(scores).map(v -> v * 0.5).toArray();
        assertEquals(t * 0.5, Thresholds.bestF1(shifted, truth), 1e-9);
    }

    @Test
    void foldsKeepGroupsTogetherBalanceLabelsAndRepeatWithTheSeed() {
        int n = 1000;
        int[] group = new int[n];
        String[] signature = new String[n];
        for (int i = 0; i < n; i++) {
            group[i] = i % 2 == 1 && i % 7 == 1 ? i - 1 : i; // some odd articles copy the even one before them
            signature[i] = i % 10 == 0 ? "migration" : i % 3 == 0 ? "conflict" : "";
        }
        int[] fold = Folds.assign(group, signature, 5, 9);
        assertArrayEquals(fold, Folds.assign(group, signature, 5, 9));
        for (int i = 0; i < n; i++) {
            assertEquals(fold[group[i]], fold[i], "copies share a fold");
        }
        Map<Integer, Integer> migration = new HashMap<>();
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            used.add(fold[i]);
            if (signature[i].equals("migration")) {
                migration.merge(fold[i], 1, Integer::sum);
            }
        }
        assertEquals(5, used.size());
        for (int count : migration.values()) {
            assertTrue(count >= 17 && count <= 23, "migration per fold: " + migration);
        }
    }
}
