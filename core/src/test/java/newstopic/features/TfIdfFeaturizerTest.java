package newstopic.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import newstopic.article.Article;
import newstopic.article.Source;
import org.junit.jupiter.api.Test;

class TfIdfFeaturizerTest {

    /** Raw counts, no norm, no title: values are plain tf * idf. */
    static final FeaturizerConfig PLAIN = FeaturizerConfig.DEFAULT.withMinDf(1).withTitleWeight(0)
            .withSublinearTf(false);
    private static final FeaturizerConfig PLAIN_NO_L2 = new FeaturizerConfig(FeaturizerConfig.Kind.TFIDF,
            PLAIN.analyzer(), 2, 20, true, 1, 1.0, 0, false, false, 0f);

    static List<Article> docs(String... bodies) {
        List<Article> list = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            list.add(Article.of("d" + i, "", bodies[i], new Source("t", i + 1), null));
        }
        return list;
    }

    private static final List<Article> CORPUS = docs("Red boat", "red car, red!", "blue car");
    private static final double IDF_DF2 = Math.log(4.0 / 3.0) + 1; // N = 3
    private static final double IDF_DF1 = Math.log(4.0 / 2.0) + 1;

    /** Feature words to value. */
    static Map<String, Float> named(TfIdfFeaturizer f, SparseVector v) {
        Map<String, Float> m = new TreeMap<>();
        for (int i = 0; i < v.size(); i++) {
            m.put(f.ngram(v.index(i)), v.value(i));
        }
        return m;
    }

    @Test
    void cachedWordIdsGiveExactlyTheAnalysisChainsFeatures() {
        // stop words, stems, an acronym that spells a stop word, numbers: the cached path must
        // see the n-grams the plain analysis chain sees, also after the cache filled and emptied
        List<String> texts = new ArrayList<>(List.of(
                "The U.S. envoys were talking with us about talks in the US",
                "Refugees and the refugee camps: 2,500 people talked of talking",
                "the THE The talks Talks TALKS",
                "Talks in Z\u00fcrich and \u0141\u00f3d\u017a on internationalisation internationalisations"));
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 40; i++) {
            StringBuilder sb = new StringBuilder("talks ");
            for (int w = 0; w < 400; w++) {
                sb.append((char) ('a' + random.nextInt(26))).append((char) ('a' + random.nextInt(26)))
                        .append((char) ('a' + random.nextInt(26))).append("ing ");
            }
            texts.add(sb.append("refugees of the U.S.").toString());
        }
        FeaturizerConfig config = FeaturizerConfig.DEFAULT.withMinDf(1);
        List<Article> docs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            docs.add(Article.of("d" + i, "", texts.get(i), new Source("t", i + 1), null));
        }
        TfIdfFeaturizer f = TfIdfFitter.fit(config, docs);
        Workspace ws = f.newWorkspace();
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                SparseVector v = new SparseVector();
                f.featurize("", text, ws, v);
                java.util.Set<Integer> cached = new java.util.HashSet<>();
                for (int i = 0; i < v.size(); i++) {
                    cached.add(v.index(i));
                }
                java.util.Set<Integer> chain = new java.util.HashSet<>();
                f.forEachNgram("", text, f.newWorkspace(), (index, sign, ngram, inTitle, start, end) -> chain.add(index));
                assertEquals(chain, cached, text.substring(0, Math.min(60, text.length())));
            }
        }
    }

    @Test
    void fitsUnigramsAndBigramsWithSmoothedIdf() {
        TfIdfFeaturizer f = TfIdfFitter.fit(PLAIN_NO_L2, CORPUS);
        assertEquals(8, f.dimension()); // red boat car blue + red-boat red-car car-red blue-car
        SparseVector v = new SparseVector();
        f.featurize("", "red car red", f.newWorkspace(), v);
        Map<String, Float> m = named(f, v);
        assertEquals(4, m.size());
        assertEquals(2 * IDF_DF2, m.get("red"), 1e-6);
        assertEquals(IDF_DF2, m.get("car"), 1e-6);
        assertEquals(IDF_DF1, m.get("red car"), 1e-6);
        assertEquals(IDF_DF1, m.get("car red"), 1e-6);
    }

    @Test
    void minDfAndMaxFeaturesPrune() {
        TfIdfFeaturizer f = TfIdfFitter.fit(PLAIN_NO_L2.withMinDf(2), CORPUS);
        assertEquals(2, f.dimension());
        assertEquals(List.of("car", "red"), List.of(f.ngram(0), f.ngram(1)).stream().sorted().toList());
        assertEquals(1, TfIdfFitter.fit(PLAIN_NO_L2.withMaxFeatures(1), docs("a b", "b c", "b d")).dimension());
        TfIdfFeaturizer top = TfIdfFitter.fit(PLAIN_NO_L2.withMaxFeatures(1), docs("a b", "b c", "b d"));
        assertEquals("b", top.ngram(0));
    }

    @Test
    void sublinearTfAndL2Norm() {
        TfIdfFeaturizer f = TfIdfFitter.fit(PLAIN.withMinDf(2).withSublinearTf(true), CORPUS);
        SparseVector v = new SparseVector();
        f.featurize("", "red car red", f.newWorkspace(), v);
        Map<String, Float> m = named(f, v);
        double red = 1 + Math.log(2);
        double norm = Math.sqrt(red * red + 1);
        assertEquals(red / norm, m.get("red"), 1e-6);
        assertEquals(1 / norm, m.get("car"), 1e-6);
    }

    @Test
    void titleTokensCountTitleWeightTimesAndNgramsDoNotCrossFromTitleToBody() {
        FeaturizerConfig config = PLAIN_NO_L2.withTitleWeight(2.5f);
        TfIdfFeaturizer f = TfIdfFitter.fit(config, CORPUS);
        SparseVector v = new SparseVector();
        f.featurize("red", "car", f.newWorkspace(), v);
        Map<String, Float> m = named(f, v);
        assertEquals(2.5 * IDF_DF2, m.get("red"), 1e-6);
        assertEquals(IDF_DF2, m.get("car"), 1e-6);
        assertEquals(2, m.size()); // no "red car" bigram across the boundary
    }

    @Test
    void unknownWordsBreakNgramsAndIndicesAreDistinct() {
        TfIdfFeaturizer f = TfIdfFitter.fit(PLAIN, CORPUS);
        SparseVector v = new SparseVector();
        f.featurize("", "red zebra car blue car red boat", f.newWorkspace(), v);
        Map<String, Float> m = named(f, v);
        assertEquals(List.of("blue", "blue car", "boat", "car", "car red", "red", "red boat"), List.copyOf(m.keySet()));
        assertEquals(v.size(), java.util.Arrays.stream(v.indices(), 0, v.size()).distinct().count());
    }

    @Test
    void writesAndReadsBackExactly() throws IOException {
        TfIdfFeaturizer f = TfIdfFitter.fit(FeaturizerConfig.DEFAULT, docs(
                "Refugees crossed the border", "The border talks resumed", "Talks on refugees resumed in Geneva",
                "Geneva hosts border talks"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FeaturizerIO.writeData(f, new DataOutputStream(bytes));
        FeaturizerConfig config = FeaturizerIO.configFromJson(FeaturizerIO.configToJson(f.config()));
        assertEquals(f.config(), config);
        Featurizer back = FeaturizerIO.read(config, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(f.dimension(), back.dimension());
        SparseVector a = new SparseVector();
        SparseVector b = new SparseVector();
        for (String text : List.of("refugees in geneva talks", "border", "nothing known")) {
            f.featurize("Border talks", text, f.newWorkspace(), a);
            back.featurize("Border talks", text, back.newWorkspace(), b);
            assertArrayEquals(java.util.Arrays.copyOf(a.indices(), a.size()), java.util.Arrays.copyOf(b.indices(), b.size()));
            assertArrayEquals(java.util.Arrays.copyOf(a.values(), a.size()), java.util.Arrays.copyOf(b.values(), b.size()));
        }
        byte[] truncated = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 3);
        assertThrows(EOFException.class, () -> FeaturizerIO.read(config, new DataInputStream(new ByteArrayInputStream(truncated))));
    }

    @Test
    void explanationsNameNgramsInWords() {
        TfIdfFeaturizer f = TfIdfFitter.fit(PLAIN, CORPUS);
        List<String> seen = new ArrayList<>();
        f.forEachNgram("Blue car", "red boat", f.newWorkspace(), (index, sign, ngram, inTitle, start, end) -> {
            assertEquals(ngram, f.ngram(index));
            seen.add(ngram);
        });
        assertEquals(List.of("blue", "car", "blue car", "red", "boat", "red boat"), seen);
    }
}
