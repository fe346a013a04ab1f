package newstopic.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import newstopic.article.Article;
import newstopic.article.Source;
import newstopic.text.AnalyzerConfig;
import newstopic.text.PlainTokenizerTest;
import org.junit.jupiter.api.Test;

/**
 * {@link TfIdfFeaturizer#featurize} takes a fast path (plain-text tokenizer, word cache); its
 * vectors must be bit for bit those of the reference analysis chain, which
 * {@link TfIdfFeaturizer#forEachNgram} still walks (normalizer, tokenizer, stop-word and stem
 * filters, vocabulary lookup), summed in the same order.
 */
class PlainPathEquivalenceTest {

    @Test
    void featurizeGivesTheReferenceChainsVectorsOnTheCorpusAndAdversarialText() throws IOException {
        List<String> texts = new ArrayList<>(PlainTokenizerTest.corpusTexts());
        List<Article> fitOn = new ArrayList<>();
        for (int i = 0; i + 1 < texts.size(); i += 2) {
            fitOn.add(Article.of("d" + i, texts.get(i), texts.get(i + 1), new Source("t", i + 1), null));
        }
        texts.addAll(PlainTokenizerTest.ADVERSARIAL);
        // a vocabulary that knows the adversarial words too, so their n-grams are features
        for (String t : PlainTokenizerTest.ADVERSARIAL) {
            fitOn.add(Article.of("a", t, t, new Source("a", 1), null));
            fitOn.add(Article.of("b", t, t, new Source("a", 1), null));
        }
        AnalyzerConfig train = AnalyzerConfig.DEFAULT.withStopWords(true).withStem(true);
        for (FeaturizerConfig config : List.of(FeaturizerConfig.DEFAULT.withAnalyzer(train),
                FeaturizerConfig.DEFAULT.withMinDf(1).withMaxNgram(3),
                FeaturizerConfig.DEFAULT.withAnalyzer(new AnalyzerConfig(false, false, false, false, false, false, true, true)))) {
            TfIdfFeaturizer f = TfIdfFitter.fit(config, fitOn);
            Workspace ws = f.newWorkspace();
            for (int i = 0; i < texts.size(); i++) {
                String title = i % 7 == 0 ? "" : texts.get((i * 31) % texts.size());
                assertSameVector(f, ws, title, texts.get(i));
            }
        }
    }

    @Test
    void featurizeStaysExactWhileTheWordCacheFillsAndEmpties() {
        // far more distinct words than the cache holds, with known words in between
        FeaturizerConfig config = FeaturizerConfig.DEFAULT.withMinDf(1)
                .withAnalyzer(AnalyzerConfig.DEFAULT.withStopWords(true).withStem(true));
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            StringBuilder sb = new StringBuilder("The talks on refugees ");
            for (int w = 0; w < 1500; w++) {
                int len = 1 + random.nextInt(18);
                for (int c = 0; c < len; c++) {
                    sb.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
                }
                sb.append(w % 50 == 0 ? " the talks. " : " ");
            }
            texts.add(sb.toString());
        }
        List<Article> fitOn = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fitOn.add(Article.of("d" + i, "", texts.get(i), new Source("t", i + 1), null));
        }
        TfIdfFeaturizer f = TfIdfFitter.fit(config, fitOn);
        Workspace ws = f.newWorkspace();
        for (String text : texts) {
            assertSameVector(f, ws, "Talks", text);
        }
    }

    private static void assertSameVector(TfIdfFeaturizer f, Workspace ws, String title, String body) {
        SparseVector actual = new SparseVector();
        f.featurize(title, body, ws, actual);
        SparseVector expected = reference(f, ws, title, body);
        String where = "title: " + title + "\nbody: " + body;
        assertEquals(expected.size(), actual.size(), where);
        assertArrayEquals(java.util.Arrays.copyOf(expected.indices(), expected.size()),
                java.util.Arrays.copyOf(actual.indices(), actual.size()), where);
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(Float.floatToRawIntBits(expected.value(k)), Float.floatToRawIntBits(actual.value(k)), where);
        }
    }

    /** The vector from the reference chain's n-grams, summed and weighted as featurize does. */
    private static SparseVector reference(TfIdfFeaturizer f, Workspace ws, String title, String body) {
        FeaturizerConfig config = f.config();
        FeatureAccumulator acc = new FeatureAccumulator();
        acc.clear();
        if (config.titleWeight() > 0) {
            f.forEachNgram(title, "", ws, (index, sign, ngram, inTitle, start, end) -> {
                if (inTitle) {
                    acc.add(index, config.titleWeight());
                }
            });
        }
        f.forEachNgram("", body, ws, (index, sign, ngram, inTitle, start, end) -> {
            if (!inTitle) {
                acc.add(index, 1f);
            }
        });
        SparseVector out = new SparseVector();
        acc.writeTo(out, config.sublinearTf(), f.idfs(), config.l2());
        return out;
    }
}
