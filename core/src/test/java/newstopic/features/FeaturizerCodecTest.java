package newstopic.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import newstopic.article.Article;
import newstopic.article.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every featurizer kind fits, writes and reads back through its codec to the same vectors. */
class FeaturizerCodecTest {

    private static final List<Article> ARTICLES = List.of(
            Article.of("a", "Shelling resumes", "Artillery shelled the town as talks stalled.", new Source("t", 1), null),
            Article.of("b", "Envoys meet", "Envoys met in Cairo for talks on a truce.", new Source("t", 2), null),
            Article.of("c", "Boats reach island", "Migrants reached the island after talks on returns.", new Source("t", 3), null));

    @ParameterizedTest
    @EnumSource(FeaturizerConfig.Kind.class)
    void whatIsWrittenReadsBackToTheSameVectors(FeaturizerConfig.Kind kind) throws IOException {
        FeaturizerConfig config = FeaturizerConfig.DEFAULT.withKind(kind).withMinDf(1).withHashBits(12);
        FeaturizerCodec codec = FeaturizerCodec.of(kind);
        Featurizer fitted = codec.fit(config, ARTICLES);
        assertEquals(kind, fitted.config().kind());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.writeData(fitted, new DataOutputStream(bytes));
        Featurizer read = codec.read(config, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), bytes.size());
        assertEquals(fitted.dimension(), read.dimension());
        for (String text : List.of("Shelling and talks in Cairo", "migrants reached the town", "nothing known here")) {
            SparseVector a = new SparseVector();
            SparseVector b = new SparseVector();
            fitted.featurize("", text, fitted.newWorkspace(), a);
            read.featurize("", text, read.newWorkspace(), b);
            assertArrayEquals(a.copy().indices(), b.copy().indices(), text);
            assertArrayEquals(a.copy().values(), b.copy().values(), text);
        }
    }

    @ParameterizedTest
    @EnumSource(FeaturizerConfig.Kind.class)
    void aKindThatLearnsFromTheDataFitsDifferentlyOnOtherArticles(FeaturizerConfig.Kind kind) {
        FeaturizerConfig config = FeaturizerConfig.DEFAULT.withKind(kind).withMinDf(1).withHashBits(12);
        FeaturizerCodec codec = FeaturizerCodec.of(kind);
        int all = codec.fit(config, ARTICLES).dimension();
        int one = codec.fit(config, ARTICLES.subList(0, 1)).dimension();
        if (codec.learnsFromData()) {
            assertNotEquals(all, one, "a fitted vocabulary depends on the articles");
        } else {
            assertEquals(all, one, "a kind that learns nothing is the same on any articles");
        }
    }
}
