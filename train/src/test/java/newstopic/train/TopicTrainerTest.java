package newstopic.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

import newstopic.article.Article;
import newstopic.article.Source;
import newstopic.features.FeaturizerConfig;
import newstopic.model.Mode;
import newstopic.model.ModelFile;
import newstopic.model.Provenance;
import newstopic.model.TopicModel;
import newstopic.prediction.DecisionPolicy;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;
import org.junit.jupiter.api.Test;

/** The training library through its one public call, on generated corpora whose answers are known. */
class TopicTrainerTest {

    private static final String[] FILLER = {"market", "weather", "harvest", "concert", "league", "museum", "budget",
            "river", "school", "bridge", "festival", "factory", "railway", "garden", "library", "theatre"};
    private static final String[] WAR = {"shelling", "airstrike", "militia", "ceasefire", "troops"};
    private static final String[] MOVE = {"refugees", "asylum", "deportation", "migrants", "displaced"};

    /** Short items: a label shows as its words in the text. */
    private static Article brief(int i, SplittableRandom r, boolean war, boolean move) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 12; w++) {
            text.append(FILLER[r.nextInt(FILLER.length)]).append(' ');
        }
        if (war) {
            text.append(WAR[r.nextInt(WAR.length)]).append(' ').append(WAR[r.nextInt(WAR.length)]).append(' ');
        }
        if (move) {
            text.append(MOVE[r.nextInt(MOVE.length)]).append(' ').append(MOVE[r.nextInt(MOVE.length)]).append(' ');
        }
        Set<String> labels = new java.util.TreeSet<>();
        if (war) {
            labels.add("conflict");
        }
        if (move) {
            labels.add("migration");
        }
        return Article.of("b" + i, FILLER[r.nextInt(FILLER.length)] + " news " + i, text.toString().strip(),
                new Source("gen.csv", i + 2), labels);
    }

    /**
     * A long war story whose body drowns its headline: migration, when it applies, is in the
     * headline alone (the guide's "the headline is about it").
     */
    private static Article headlineOnly(int i, SplittableRandom r, boolean move) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 1500) {
            text.append(r.nextInt(3) == 0 ? WAR[r.nextInt(WAR.length)] : FILLER[r.nextInt(FILLER.length)]).append(' ');
        }
        String title = move ? MOVE[r.nextInt(MOVE.length)] + " " + MOVE[r.nextInt(MOVE.length)] + " story " + i
                : FILLER[r.nextInt(FILLER.length)] + " story " + i;
        return Article.of("l" + i, title, text.toString().strip(), new Source("gen.csv", 10_000 + i),
                move ? Set.of("conflict", "migration") : Set.of("conflict"));
    }

    private static List<Article> corpus(long seed, int briefs, int longOnes) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < briefs; i++) {
            // war briefs are never about migration, so war words count against it
            boolean war = r.nextInt(3) == 0;
            out.add(brief(i, r, war, !war && r.nextInt(3) == 0));
        }
        for (int i = 0; i < longOnes; i++) {
            out.add(headlineOnly(i, r, r.nextBoolean()));
        }
        Collections.shuffle(out, new java.util.Random(seed));
        return out;
    }

    private static TrainOptions.Builder small() {
        return TrainOptions.builder().folds(3).threads(2)
                .featurizer(FeaturizerConfig.DEFAULT.withMinDf(1));
    }

    @Test
    void theModelCarriesTheReportItReturnsAndClassifiesWhatItLearned() {
        List<Article> articles = corpus(1, 300, 0);
        TrainingResult result = TopicTrainer.train(articles, small().build());
        TopicModel model = result.model();
        assertEquals(result.cv(), model.header().metrics());
        assertEquals(List.of("conflict", "migration"), model.header().labels());
        assertEquals(3, result.cv().folds());
        assertEquals("svm+cnb", model.header().learner(), "the learner is recorded as the command line names it");
        assertTrue(result.cv().micro().mean() > 0.9, "words that decide the label are learned: " + result.cv().micro());
        TopicClassifier classifier = new TopicClassifier(model);
        int right = 0;
        for (Article a : articles) {
            if (Set.copyOf(classifier.classify(a).labels()).equals(a.labels())) {
                right++;
            }
        }
        assertTrue(right > 0.95 * articles.size(), right + " of " + articles.size());
    }

    /** A listener that keeps training's notes. */
    private static TrainingListener notingInto(List<String> notes) {
        return new TrainingListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
    }

    @Test
    void theHeadlineRuleIsDecidedPerLabelAndStoredAsDecided() {
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrainingResult result = TopicTrainer.train(corpus(2, 300, 60), small().headlineRule(600).build(), notingInto(notes));
        List<String> labels = result.model().header().labels();
        DecisionPolicy policy = new TopicClassifier(result.model()).policy();
        for (int k = 0; k < labels.size(); k++) {
            String label = labels.get(k);
            String note = notes.stream().filter(n -> n.startsWith("headline rule for " + label + ": ")).findFirst().orElseThrow();
            assertEquals(note.contains(": kept"), policy.headlineApplies(k), note);
        }
        TrainingResult off = TopicTrainer.train(corpus(2, 300, 60), small().headlineRule(0).build());
        assertEquals(0, off.model().header().headlineRule());
        assertFalse(new TopicClassifier(off.model()).policy().needsHeadline("a headline", "x".repeat(5000)));
    }

    @Test
    void sameSeedSameModelOtherSeedOtherFolds() throws IOException {
        List<Article> articles = corpus(3, 200, 0);
        TopicModel a = TopicTrainer.train(articles, small().seed(5).build()).model();
        TopicModel b = TopicTrainer.train(articles, small().seed(5).build()).model();
        TopicModel c = TopicTrainer.train(articles, small().seed(6).build()).model();
        assertEquals(weights(a), weights(b));
        assertEquals(a.header().thresholds(), b.header().thresholds());
        assertNotEquals(a.header().metrics(), c.header().metrics());
    }

    private static String weights(TopicModel m) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < m.featurizer().dimension(); f++) {
            for (int k = 0; k < m.labelCount(); k++) {
                sb.append(m.weight(f, k)).append(',');
            }
        }
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        ModelFile.writeTo(m, ignored); // and the model can be written
        return sb.toString();
    }

    @Test
    void singleLabelModeAssignsExactlyOneLabelAndReportsAccuracy() {
        SplittableRandom r = new SplittableRandom(4);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            boolean war = i % 2 == 0;
            Article a = brief(i, r, war, !war);
            articles.add(a);
        }
        TrainingResult result = TopicTrainer.train(articles, small().mode(Mode.SINGLE).build());
        assertTrue(result.cv().accuracy().mean() > 0.9, result.cv().accuracy().toString());
        TopicClassifier classifier = new TopicClassifier(result.model());
        for (Article a : articles.subList(0, 20)) {
            assertEquals(1, classifier.classify(a).labels().size());
        }
    }

    @Test
    void defaultsFollowTheMode() {
        TrainOptions multi = TrainOptions.builder().build();
        TrainOptions single = TrainOptions.builder().mode(Mode.SINGLE).build();
        assertEquals(0.25, multi.c());
        assertTrue(multi.balanced());
        assertEquals(0.5, single.c());
        assertFalse(single.balanced());
        assertEquals(0.7, single.toBuilder().c(0.7).build().c());
    }

    /**
     * A long war story of ten sentences: migration, when it applies, is developed by two sentences;
     * otherwise one sentence in three stories mentions it in passing (which earns nothing).
     */
    private static Article developed(int i, SplittableRandom r, boolean move) {
        List<String> sentences = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                b.append(r.nextInt(3) == 0 ? WAR[r.nextInt(WAR.length)] : FILLER[r.nextInt(FILLER.length)]).append(' ');
            }
            String words = b.toString().strip();
            sentences.add(Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".");
        }
        int mentions = move ? 2 : r.nextInt(3) == 0 ? 1 : 0;
        for (int m = 0; m < mentions; m++) {
            sentences.set(r.nextInt(10), "Many " + MOVE[r.nextInt(MOVE.length)] + " and " + MOVE[r.nextInt(MOVE.length)] + " were counted.");
        }
        return Article.of("s" + i, FILLER[r.nextInt(FILLER.length)] + " report " + i, String.join(" ", sentences),
                new Source("gen.csv", 20_000 + i), move ? Set.of("conflict", "migration") : Set.of("conflict"));
    }

    @Test
    void theSentenceRuleIsDecidedPerLabelAndStoredAsDecided() {
        SplittableRandom r = new SplittableRandom(4);
        List<Article> articles = new ArrayList<>(corpus(4, 300, 0));
        for (int i = 0; i < 120; i++) {
            articles.add(developed(i, r, r.nextBoolean()));
        }
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrainingResult result = TopicTrainer.train(articles, small().sentenceRule(5).build(), notingInto(notes));
        List<String> labels = result.model().header().labels();
        DecisionPolicy policy = new TopicClassifier(result.model()).policy();
        for (int k = 0; k < labels.size(); k++) {
            String label = labels.get(k);
            var note = notes.stream().filter(n -> n.startsWith("sentence rule for " + label + ": ")).findFirst();
            // conflict is on every long article: one class only, so the rule is not even tried
            assertEquals(note.isPresent() && note.get().contains(": kept"), policy.sentenceWeights(k) != null, notes.toString());
        }
        assertEquals(policy.sentenceMinCount() > 0, result.model().header().sentenceWeights() != null);
        TrainingResult off = TopicTrainer.train(articles, small().sentenceRule(0).build());
        assertEquals(0, off.model().header().sentenceRule());
        assertEquals(null, off.model().header().sentenceWeights());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("sentence rule for migration: ")), notes.toString());
    }

    @Test
    void shortTextsGetTheLowestThresholdsOfThePlateau() {
        List<Article> articles = corpus(3, 200, 0);
        TrainingResult result = TopicTrainer.train(articles, small().shortText(600).build());
        var header = result.model().header();
        assertEquals(600, header.shortText());
        for (int k = 0; k < header.labels().size(); k++) {
            assertTrue(header.shortThresholds().get(k) <= header.thresholds().get(k), header.shortThresholds().toString());
        }
        TrainingResult off = TopicTrainer.train(articles, small().shortText(0).build());
        assertEquals(0, off.model().header().shortText());
        assertEquals(null, off.model().header().shortThresholds());
        assertEquals(header.thresholds(), off.model().header().thresholds(), "the other texts keep their thresholds");
        assertThrows(IllegalArgumentException.class, () -> small().shortText(-1).build());
    }

    @Test
    void aLongTextModelDecidesLongTextsWhenCrossValidationKeepsIt() {
        List<Article> articles = corpus(6, 120, 40);
        List<String> notes = new ArrayList<>();
        TrainingResult routed = TopicTrainer.train(articles, small().build(), notingInto(notes));
        TrainingResult one = TopicTrainer.train(articles, small().longLearner(TrainOptions.NO_LONG_LEARNER).build());
        assertEquals(null, one.model().longTexts());
        assertEquals("svm+cnb", one.cv().learner());
        // the war stories' migration is in their headline: nbsvm, fitted on the same folds, finds it out of fold
        TopicModel model = routed.model();
        TopicModel longTexts = model.longTexts();
        assertTrue(longTexts != null, notes.toString());
        assertEquals("nbsvm", longTexts.header().learner());
        assertEquals(0, longTexts.header().shortText());
        assertTrue(longTexts.featurizer() == model.featurizer());
        assertEquals("svm+cnb, nbsvm C=0.25 for texts of 600+ characters", routed.cv().learner());
        assertTrue(routed.cv().micro().mean() > one.cv().micro().mean(), routed.cv().micro() + " against " + one.cv().micro());
        // long texts are decided as the long-text model alone decides them, briefs as the main model alone
        TopicClassifier classifier = new TopicClassifier(model);
        TopicClassifier longAlone = new TopicClassifier(longTexts);
        TopicClassifier mainAlone = new TopicClassifier(model.withLongTexts(null));
        int right = 0;
        for (Article a : articles) {
            boolean isShort = a.text().length() < 600;
            assertEquals((isShort ? mainAlone : longAlone).classify(a), classifier.classify(a));
            right += !isShort && Set.copyOf(classifier.classify(a).labels()).equals(a.labels()) ? 1 : 0;
        }
        assertTrue(right >= 38, right + " of 40 long articles right");

        // held-out articles: the long ones fit the long-text decisions, the briefs alone cannot
        SplittableRandom r = new SplittableRandom(12);
        List<Article> briefs = new ArrayList<>();
        List<Article> longOnes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            briefs.add(brief(500 + i, r, i % 3 == 0, i % 3 == 1));
            longOnes.add(headlineOnly(500 + i, r, i % 2 == 0));
        }
        for (int i = 0; i < 10; i++) { // long and about nothing: conflict's negatives
            StringBuilder text = new StringBuilder();
            while (text.length() < 1000) {
                text.append(FILLER[r.nextInt(FILLER.length)]).append(' ');
            }
            longOnes.add(Article.of("q" + i, "quiet day " + i, text.toString().strip(), new Source("quiet.csv", i + 2), Set.of()));
        }
        List<Article> both = new ArrayList<>(briefs);
        both.addAll(longOnes);
        List<String> fitted = new ArrayList<>();
        TopicModel calibrated = TopicTrainer.train(articles, both, small().build(), notingInto(fitted)).model();
        assertTrue(fitted.contains("texts of 600+ characters: decisions fitted on the 50 calibration articles of that length"),
                fitted.toString());
        assertEquals(List.of(new Provenance.InputFile("gen.csv", "", 40), new Provenance.InputFile("quiet.csv", "", 10)),
                calibrated.longTexts().header().hyperparameters().get("decisionsFittedOn"));
        List<String> kept = new ArrayList<>();
        TopicModel briefsOnly = TopicTrainer.train(articles, briefs, small().build(), notingInto(kept)).model();
        assertTrue(kept.contains("texts of 600+ characters: decided as the corpus folds decided them, since the 0 "
                + "calibration articles of that length do not hold both a positive and a negative of conflict"), kept.toString());
        assertEquals(longTexts.header().thresholds(), briefsOnly.longTexts().header().thresholds());
        assertEquals(longTexts.header().calibration(), briefsOnly.longTexts().header().calibration());
        assertFalse(briefsOnly.longTexts().header().hyperparameters().containsKey("decisionsFittedOn"));
    }

    @Test
    void badOptionsAreNamedWhenBuilt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().folds(1).build())
                .getMessage().contains("2 folds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().learner("forest").build())
                .getMessage().contains("svm+cnb"));
        assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().threads(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().c(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().nearDuplicate(0).build());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().sentenceRule(1).build())
                .getMessage().contains("sentence rule"));
    }

    @Test
    void badCorporaAreTrainingExceptionsNamingTheArticle() {
        List<Article> articles = new ArrayList<>(corpus(5, 60, 0));
        articles.add(Article.of("x", "No labels here", "some text", new Source("in.csv", 99), null));
        TrainingException e = assertThrows(TrainingException.class, () -> TopicTrainer.train(articles, small().build()));
        assertTrue(e.getMessage().startsWith("in.csv:99: "), e.getMessage());

        List<Article> noPositive = corpus(5, 60, 0);
        assertTrue(assertThrows(TrainingException.class, () -> TopicTrainer.train(noPositive,
                small().labels(List.of("conflict", "migration", "diplomacy")).build())).getMessage().contains("diplomacy"));

        List<Article> clash = new ArrayList<>(corpus(5, 60, 0));
        clash.add(Article.of("c1", "Same story", "word for word the same text here", new Source("a.csv", 2), Set.of("conflict")));
        clash.add(Article.of("c2", "Same story", "word for word the same text here", new Source("b.csv", 3), Set.of()));
        assertTrue(assertThrows(TrainingException.class, () -> TopicTrainer.train(clash, small().build()))
                .getMessage().startsWith("b.csv:3: same text as a.csv:2"));
    }

    @Test
    void theListenerHearsEveryStepAndTheNotes() {
        ConcurrentLinkedQueue<String> heard = new ConcurrentLinkedQueue<>();
        long[] units = {0};
        TopicTrainer.train(corpus(6, 120, 40), small().build(), new TrainingListener() {
            @Override
            public void stepStarted(String step, long total) {
                heard.add("start " + step);
            }

            @Override
            public synchronized void advanced(long n) {
                units[0] += n;
            }

            @Override
            public void note(String message) {
                heard.add("note " + message);
            }
        });
        assertTrue(heard.stream().anyMatch(s -> s.startsWith("start cross-validating svm+cnb")), heard.toString());
        assertTrue(heard.stream().anyMatch(s -> s.startsWith("note headline rule for migration")), heard.toString());
        assertTrue(units[0] > 0);
    }

    @Test
    void predictionsOfTheModelUseTheStoredThresholds() {
        TrainingResult result = TopicTrainer.train(corpus(7, 200, 0), small().build());
        TopicClassifier classifier = new TopicClassifier(result.model());
        Prediction p = classifier.classify("", "shelling troops market");
        int k = result.model().header().labels().indexOf("conflict");
        assertEquals(p.probabilities().get("conflict") >= result.model().header().thresholds().get(k), p.has("conflict"));
    }

    @Test
    void decisionsCanBeFittedOnHeldOutArticlesInstead() {
        List<Article> articles = corpus(8, 240, 0);
        // held-out articles whose war briefs are all labeled conflict but use only one war word:
        // their margins are lower, so the threshold fitted on them must be lower than the corpus's
        SplittableRandom r = new SplittableRandom(11);
        List<Article> held = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boolean war = i % 3 == 0;
            String text = FILLER[r.nextInt(FILLER.length)] + " " + FILLER[r.nextInt(FILLER.length)] + " "
                    + FILLER[r.nextInt(FILLER.length)] + (war ? " " + WAR[r.nextInt(WAR.length)] : "");
            held.add(Article.of("h" + i, "item " + i, text, new Source("held.csv", i + 2), war ? Set.of("conflict") : Set.of()));
        }
        TrainingResult corpusOnly = TopicTrainer.train(articles, small().build());
        TrainingResult calibrated = TopicTrainer.train(articles, held, small().build(), TrainingListener.NONE);
        int conflict = calibrated.model().header().labels().indexOf("conflict");
        assertTrue(calibrated.model().header().hyperparameters().containsKey("decisionsFittedOn"));
        assertNotEquals(corpusOnly.model().header().calibration().get(conflict),
                calibrated.model().header().calibration().get(conflict), "the calibration comes from the held-out articles");
        TopicClassifier classifier = new TopicClassifier(calibrated.model());
        int right = 0;
        for (Article a : held) {
            right += classifier.classify(a).has("conflict") == a.labels().contains("conflict") ? 1 : 0;
        }
        assertTrue(right >= 0.9 * held.size(), right + " of " + held.size() + " held-out articles decided right");

        List<Article> foreign = List.of(Article.of("f", "t", "text", new Source("held.csv", 9), Set.of("sports")));
        assertTrue(assertThrows(TrainingException.class, () -> TopicTrainer.train(articles, foreign, small().build(),
                TrainingListener.NONE)).getMessage().startsWith("held.csv:9: calibration label \"sports\""));
    }
}
