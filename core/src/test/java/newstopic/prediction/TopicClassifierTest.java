package newstopic.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import newstopic.features.SparseVector;
import newstopic.model.Mode;
import newstopic.model.SentenceWeights;
import newstopic.model.TopicModel;
import newstopic.model.TestModels;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private final TopicClassifier multi = new TopicClassifier(TestModels.small(Mode.MULTI));

    @Test
    void decidesEachLabelByItsCalibratedThreshold() {
        Prediction war = multi.classify("", "war and shelling");
        assertEquals(List.of("conflict"), war.labels());
        assertTrue(war.probabilities().get("conflict") > 0.9, war.toString());
        assertTrue(war.probabilities().get("diplomacy") < 0.5, war.toString());
        assertEquals(List.of("conflict", "diplomacy"), multi.classify("War talks", "an envoy arrived").labels());
        assertEquals(List.of(), multi.classify("", "market weather").labels());
        assertEquals(List.of("conflict", "diplomacy"), List.copyOf(war.probabilities().keySet()));
    }

    @Test
    void aLongArticleAlsoTakesTheLabelsItsHeadlineAloneEarns() {
        // 50 repetitions of four weighted words drown the headline: diplomacy's margin over the
        // whole article is about 0.19 (probability 0.55, under its 0.6 threshold); the headline
        // alone gives about 4.0
        String body = "war shelling market weather ".repeat(50);
        TopicClassifier ruled = new TopicClassifier(TestModels.small(Mode.MULTI, 200));
        assertEquals(List.of("conflict"), multi.classify("Envoy talks", body).labels());
        assertEquals(List.of("conflict", "diplomacy"), ruled.classify("Envoy talks", body).labels());
        assertTrue(ruled.classify("Envoy talks", body).probabilities().get("diplomacy") > 0.95);
        // short texts are judged as a whole, as before
        String shortBody = "war shelling market weather ".repeat(5);
        assertEquals(multi.classify("Envoy talks", shortBody), ruled.classify("Envoy talks", shortBody));
        // diplomacy is explained by the headline that earned it; conflict, which the article earned, by the article
        Prediction explained = ruled.classify(null, "Envoy talks", body, 10);
        assertEquals(multi.classify(null, "Envoy talks", "", 10).explanations().get("diplomacy"),
                explained.explanations().get("diplomacy"));
        assertEquals(multi.classify(null, "Envoy talks", body, 10).explanations().get("conflict"),
                explained.explanations().get("conflict"));
        // and highlighted so: diplomacy's shares are the headline's margin, in the headline only
        Highlight h = ruled.highlight("Envoy talks", body);
        TopicModel m = multi.model();
        SparseVector v = new SparseVector(16);
        double[] margins = new double[2];
        m.featurizer().featurize("Envoy talks", "", m.featurizer().newWorkspace(), v);
        m.margins(v, margins);
        assertEquals(margins[1] - m.bias(1), h.title().spans().stream().mapToDouble(x -> x.weights().get(1)).sum(), 1e-6);
        assertTrue(h.body().spans().stream().allMatch(x -> x.weights().get(1) == 0), "no body word earned diplomacy");
        assertEquals(multi.highlight("Envoy talks", body).body().spans().stream().map(x -> x.weights().get(0)).toList(),
                h.body().spans().stream().map(x -> x.weights().get(0)).toList(), "conflict is the article's");
    }

    @Test
    void theSentenceRuleScoresEachSentenceAloneForItsLabelsOnly() {
        // diplomacy's rule weighs only the second-best sentence's margin; its calibration is the plain
        // logistic, so the article's diplomacy probability is the second-highest of its sentences'
        TopicClassifier ruled = new TopicClassifier(TestModels.withSentenceRule(TestModels.small(Mode.MULTI), 3,
                java.util.Arrays.asList(null, new SentenceWeights(0, 0, 0, 1))));
        List<String> sentences = List.of("The envoy held talks with both sides.", "Talks went on late into the night.",
                "Shelling was heard near the market.", "The weather turned cold over the market.");
        String text = String.join(" ", sentences);
        double[] each = sentences.stream().mapToDouble(t -> multi.classify("", t).probabilities().get("diplomacy"))
                .sorted().toArray();
        Prediction p = ruled.classify("Market report", text);
        assertEquals(each[each.length - 2], p.probabilities().get("diplomacy"), 1e-4);
        assertEquals(p.probabilities().get("diplomacy") >= 0.6, p.labels().contains("diplomacy"));
        // conflict has no rule: its probability is the whole article's
        assertEquals(multi.classify("Market report", text).probabilities().get("conflict"), p.probabilities().get("conflict"), 1e-9);
        // fewer sentences than the rule needs: the article is judged as a whole
        String two = sentences.get(0) + " " + sentences.get(2);
        assertEquals(multi.classify("Market report", two), ruled.classify("Market report", two));
    }

    @Test
    void underTheSentenceRuleExplanationsComeFromTheSentencesTheRuleWeighed() {
        // diplomacy's rule weighs the second-best sentence only: its explanation is that sentence's
        TopicClassifier ruled = new TopicClassifier(TestModels.withSentenceRule(TestModels.small(Mode.MULTI), 3,
                java.util.Arrays.asList(null, new SentenceWeights(0, 0, 0, 1))));
        String second = "Talks went on late into the night.";
        String text = "The envoy held talks with both sides. " + second
                + " Shelling was heard near the market. The weather turned cold over the market.";
        Prediction p = ruled.classify(null, "Market report", text, 50);
        Prediction alone = multi.classify(null, "", second, 50);
        assertEquals(alone.explanations().get("diplomacy").size(), p.explanations().get("diplomacy").size());
        java.util.Map<String, Double> expected = new java.util.HashMap<>();
        alone.explanations().get("diplomacy").forEach(c -> expected.put(c.ngram(), c.weight()));
        for (Contribution c : p.explanations().get("diplomacy")) {
            assertEquals(expected.get(c.ngram()), c.weight(), 1e-6, c.ngram());
        }
        // conflict has no rule: its explanation is the whole article's, as without the rule
        assertEquals(multi.classify(null, "Market report", text, 50).explanations().get("conflict"),
                p.explanations().get("conflict"));
    }

    @Test
    void shortTextsAreDecidedWithTheShortTextThresholds() {
        // a short-text threshold of 0 assigns diplomacy to every text under 40 characters, and only to those
        TopicClassifier split = new TopicClassifier(TestModels.withShortText(TestModels.small(Mode.MULTI), 40,
                List.of(0.6, 0.0)));
        String text = "war near the market";
        assertEquals(List.of("conflict", "diplomacy"), split.classify("", text).labels());
        assertEquals(multi.classify("", text).probabilities(), split.classify("", text).probabilities());
        String longer = (text + " ").repeat(3);
        assertEquals(multi.classify("", longer), split.classify("", longer));
    }

    @Test
    void textsThatAreNotShortAreScoredDecidedAndExplainedByTheLongTextModel() {
        TopicClassifier routed = new TopicClassifier(TestModels.withLongTexts(TestModels.small(Mode.MULTI), 40));
        String brief = "talks near the market";
        assertEquals(multi.classify("", brief), routed.classify("", brief));
        String article = "talks with the envoy near the market, then more talks";
        assertEquals(List.of("diplomacy"), multi.classify("", article).labels());
        // in the long-text model only "market" counts, for conflict
        Prediction p = routed.classify(null, "", article, 3);
        assertEquals(List.of("conflict"), p.labels());
        assertEquals(1 / (1 + Math.exp(1)), p.probabilities().get("diplomacy"), 1e-9);
        assertEquals(List.of("market"), p.explanations().get("conflict").stream().map(Contribution::ngram).toList());
        Highlight h = routed.highlight("", article);
        assertEquals(List.of("market"), h.body().spans().stream()
                .map(s -> h.body().text().substring(s.start(), s.end())).toList());
        assertEquals(0.5, routed.longTextPolicy().threshold(1), 1e-12);
        assertEquals(0.6, routed.policy().threshold(1), 1e-12);
    }

    @Test
    void singleModeAssignsExactlyOneLabelAndProbabilitiesSumToOne() {
        TopicClassifier single = new TopicClassifier(TestModels.small(Mode.SINGLE));
        Prediction p = single.classify("", "market weather");
        assertEquals(1, p.labels().size());
        assertEquals(1.0, p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(List.of("diplomacy"), single.classify("", "envoy talks").labels());
    }

    @Test
    void explanationsNameTheWordsThatPushedEachDecision() {
        Prediction p = multi.classify(null, "Shelling", "war near the market; talks", 2);
        assertEquals("shelling", p.explanations().get("conflict").get(0).ngram());
        assertEquals("war", p.explanations().get("conflict").get(1).ngram());
        assertTrue(p.explanations().get("conflict").get(0).weight() > 0);
        assertEquals(1, p.explanations().get("diplomacy").size());
        assertEquals("talks", p.explanations().get("diplomacy").get(0).ngram());
        // diplomacy is not assigned, so its list shows what held it back: only "talks" moved it at all
        assertEquals(List.of("conflict"), p.labels());
    }

    @Test
    void highlightsSplitEachMarginOverTheWordsThatEarnedIt() {
        String title = "Shelling resumes";
        String body = "War near the \u201cmarket\u201d; talks, then war again";
        Highlight h = multi.highlight(title, body);
        assertEquals(List.of("conflict", "diplomacy"), h.labels());
        // the body is shown as normalized: curly quotes became straight ones, offsets point into it
        assertEquals("War near the \"market\"; talks, then war again", h.body().text());
        List<String> words = h.body().spans().stream().map(s -> h.body().text().substring(s.start(), s.end())).toList();
        assertEquals(List.of("War", "talks", "war"), words);
        Highlight.Span firstWar = h.body().spans().get(0);
        Highlight.Span talks = h.body().spans().get(1);
        assertTrue(firstWar.weights().get(0) > 0 && firstWar.weights().get(1) == 0, firstWar.toString());
        assertTrue(talks.weights().get(1) > 0 && talks.weights().get(0) == 0, talks.toString());
        // both occurrences of "war" share its contribution equally
        assertEquals(firstWar.weights(), h.body().spans().get(2).weights());
        assertEquals("Shelling", h.title().text().substring(h.title().spans().get(0).start(), h.title().spans().get(0).end()));
        // all shares add up to the margin without its bias
        TopicModel m = multi.model();
        SparseVector v = new SparseVector(16);
        m.featurizer().featurize(title, body, m.featurizer().newWorkspace(), v);
        double[] margins = new double[2];
        m.margins(v, margins);
        for (int k = 0; k < 2; k++) {
            final int label = k;
            double sum = java.util.stream.Stream.concat(h.title().spans().stream(), h.body().spans().stream())
                    .mapToDouble(s -> s.weights().get(label)).sum();
            assertEquals(margins[k] - m.bias(k), sum, 1e-6);
        }
    }

    @Test
    void manyThreadsGetExactlyTheSingleThreadedResults() throws Exception {
        List<String> texts = new ArrayList<>();
        String[] words = {"war", "talks", "envoy", "shelling", "market", "weather", "near", "the"};
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 3 + r.nextInt(30); w++) {
                sb.append(words[r.nextInt(words.length)]).append(' ');
            }
            texts.add(sb.toString());
        }
        List<Prediction> expected = texts.stream().map(t -> multi.classify("", t)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> texts.stream().map(x -> multi.classify("", x)).toList()));
            }
            for (Future<List<Prediction>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
