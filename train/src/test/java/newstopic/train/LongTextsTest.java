package newstopic.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import newstopic.model.Mode;
import newstopic.train.learn.BinaryLearner;
import newstopic.train.learn.Learners;
import org.junit.jupiter.api.Test;

class LongTextsTest {

    private static final int N = 800;
    private static final int FOLDS = 4;

    /** Margins that separate label "a" on the rows {@code separates} marks and are noise elsewhere. */
    private static CrossValidation.Margins margins(boolean[] truth, boolean[] separates, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] full = new double[N][];
        for (int i = 0; i < N; i++) {
            double m = separates[i] ? (truth[i] ? 2 : -2) + r.nextDouble() - 0.5 : r.nextGaussian() * 2;
            full[i] = new double[] {m};
        }
        return new CrossValidation.Margins(full, new double[N][], new double[N][][]);
    }

    private record Setup(boolean[][] truth, boolean[] shortText, int[] fold) {
    }

    private static Setup setup() {
        SplittableRandom r = new SplittableRandom(3);
        boolean[][] truth = new boolean[1][N];
        boolean[] shortText = new boolean[N];
        int[] fold = new int[N];
        for (int i = 0; i < N; i++) {
            truth[0][i] = r.nextInt(3) == 0;
            shortText[i] = i % 2 == 0;
            fold[i] = (i / 2) % FOLDS; // every fold holds short and long rows
        }
        return new Setup(truth, shortText, fold);
    }

    private static boolean[] not(boolean[] b) {
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = !b[i];
        }
        return out;
    }

    private static LongTexts crossValidate(Setup s, CrossValidation.Margins main, CrossValidation.Margins longOof,
                                           List<String> notes) {
        TrainOptions options = TrainOptions.builder().build();
        BinaryLearner learner = Learners.candidates("nbsvm", new Learners.Settings(0.25, true, 1.0)).getFirst();
        DecisionTuning.Tuned mainDecisions = DecisionTuning.tune(main, s.truth(), List.of("a"), Mode.MULTI, N);
        boolean[][] mainPredicted = CvScoring.predictions(main, mainDecisions.scores(), s.truth(), s.fold(), FOLDS, 1,
                Mode.MULTI, s.shortText());
        return LongTexts.crossValidated(learner, List.of(longOof), mainPredicted, s.truth(), s.fold(), FOLDS,
                List.of("a"), options, s.shortText(), new TrainingListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                });
    }

    @Test
    void aLearnerThatDecidesTheLongTextsBetterDecidesThemAndTheRoutedFoldsShowIt() {
        Setup s = setup();
        // the main learner separates the short texts only, the long-text learner the long ones only
        CrossValidation.Margins main = margins(s.truth()[0], s.shortText(), 5);
        CrossValidation.Margins longOof = margins(s.truth()[0], not(s.shortText()), 6);
        List<String> notes = new ArrayList<>();
        LongTexts kept = crossValidate(s, main, longOof, notes);
        assertTrue(kept != null, notes.toString());
        assertTrue(notes.getFirst().startsWith("texts of 600+ characters: svm+cnb micro-F1 0.")
                && notes.getFirst().endsWith("decided by a nbsvm model of their own"), notes.toString());
        // each text decided by the learner that separates it: far better folds than the main learner's alone
        var alone = DecisionTuningTest.perFold(main, DecisionTuning.tune(main, s.truth(), List.of("a"), Mode.MULTI, N).scores(),
                s.truth(), s.fold(), FOLDS, List.of("a"), Mode.MULTI, s.shortText());
        for (int f = 0; f < FOLDS; f++) {
            double routedF1 = kept.perFold().get(f).getFirst().f1();
            assertTrue(routedF1 > 0.97 && alone.get(f).getFirst().f1() < 0.9, routedF1 + " against " + alone.get(f));
        }
        // its thresholds were tuned on the long rows alone: the short rows' noise did not move them
        assertEquals(1, kept.decisions().thresholds().size());
        double t = kept.decisions().thresholds().getFirst();
        for (int i = 1; i < N; i += 2) {
            assertEquals(s.truth()[0][i], kept.decisions().calibration().getFirst().probability(longOof.full()[i][0]) >= t);
        }
    }

    @Test
    void aLearnerThatDecidesTheLongTextsNoBetterIsDropped() {
        Setup s = setup();
        boolean[] everywhere = new boolean[N];
        java.util.Arrays.fill(everywhere, true);
        CrossValidation.Margins main = margins(s.truth()[0], everywhere, 5);
        CrossValidation.Margins longOof = margins(s.truth()[0], s.shortText(), 6);
        List<String> notes = new ArrayList<>();
        assertNull(crossValidate(s, main, longOof, notes));
        assertTrue(notes.getFirst().endsWith(": one model for every text"), notes.toString());
    }

    @Test
    void theLongTextLearnerIsOneNamedLearnerAndRoutesOnlyMultiLabelModelsWithShortTexts() {
        assertTrue(TrainOptions.builder().build().routesLongTexts());
        assertFalse(TrainOptions.builder().longLearner(TrainOptions.NO_LONG_LEARNER).build().routesLongTexts());
        assertFalse(TrainOptions.builder().shortText(0).build().routesLongTexts());
        assertFalse(TrainOptions.builder().mode(Mode.SINGLE).build().routesLongTexts());
        assertFalse(TrainOptions.builder().learner("nbsvm").build().routesLongTexts(), "the same learner twice is one model");
        assertTrue(TrainOptions.builder().longLearner("svm").build().routesLongTexts());
        for (String bad : List.of("auto", "forest", "")) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> TrainOptions.builder().longLearner(bad).build()).getMessage();
            assertTrue(message.contains("'" + bad + "'") && message.contains("none"), message);
        }
    }
}
