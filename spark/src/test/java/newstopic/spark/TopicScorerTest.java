package newstopic.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newstopic.article.Article;
import newstopic.article.ArticleInputs;
import newstopic.article.InputFormat;
import newstopic.article.ReadOptions;
import newstopic.article.RecordLayout;
import newstopic.model.ModelFormatException;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;

/** The library entry point on a local[2] session: same predictions as TopicClassifier, bad rows reported. */
class TopicScorerTest {

    static final StructType ARTICLES = new StructType()
            .add("id", DataTypes.StringType).add("title", DataTypes.StringType).add("text", DataTypes.StringType);

    static SparkSession spark;
    static TopicClassifier classifier;
    static TopicScorer scorer;

    @BeforeAll
    static void setUp() throws IOException {
        spark = LocalSpark.session();
        classifier = TopicClassifier.load(TestModel.path());
        scorer = TopicScorer.load(spark, TestModel.path());
    }

    @Test
    void predictionsEqualTopicClassifiersForEveryBundledArticle() throws IOException {
        List<Article> articles = ArticleInputs.read(List.of(TestModel.CORPUS.toString(), TestModel.RAW.toString()),
                InputFormat.AUTO, RecordLayout.STANDARD.withLabels(null), ReadOptions.STRICT, System.in).articles();
        List<Row> rows = new ArrayList<>();
        for (Article a : articles) {
            rows.add(RowFactory.create(a.id(), a.title(), a.text()));
        }
        Dataset<Row> scored = scorer.transform(spark.createDataFrame(rows, ARTICLES).repartition(4));
        Map<String, Row> byId = new HashMap<>();
        for (Row r : scored.collectAsList()) {
            byId.put(r.getString(0), r);
        }
        assertEquals(articles.size(), byId.size());
        List<String> labels = classifier.labels();
        assertEquals(labels, scorer.labels());
        for (Article a : articles) {
            Prediction p = classifier.classify(a);
            Row r = byId.get(a.id());
            assertNull(r.get(5), a.id());
            assertEquals(p.labels(), r.getList(3), a.id());
            Row scores = r.getStruct(4);
            for (int k = 0; k < labels.size(); k++) {
                assertEquals(p.probabilities().get(labels.get(k)), scores.getDouble(k), 0.0, a.id() + " " + labels.get(k));
            }
        }
    }

    @Test
    void rowsThatCannotBeScoredGetAnErrorAndKeepTheirPlace() {
        List<Row> rows = List.of(RowFactory.create("ok", "Envoys meet in Cairo", "Talks on a truce in Gaza resumed."),
                RowFactory.create("null-text", "A title", null),
                RowFactory.create("blank", " ", ""),
                RowFactory.create("no-title", null, "Refugees crossed the border overnight."));
        List<Row> out = scorer.transform(spark.createDataFrame(rows, ARTICLES)).collectAsList();
        assertEquals(4, out.size());
        assertNull(out.get(0).get(5));
        assertEquals("no text", out.get(1).getString(5));
        assertNull(out.get(1).get(3));
        assertNull(out.get(1).get(4));
        assertEquals("empty text and title", out.get(2).getString(5));
        assertNull(out.get(3).get(5));
        assertEquals(classifier.classify("", "Refugees crossed the border overnight.").labels(), out.get(3).getList(3));
    }

    @Test
    void failOnErrorFailsTheJobNamingTheRow() {
        List<Row> rows = List.of(RowFactory.create("a1", "t", "some text"), RowFactory.create("b2", "t", null));
        Dataset<Row> scored = scorer.failOnError(true).transform(spark.createDataFrame(rows, ARTICLES));
        Exception e = assertThrows(Exception.class, scored::collectAsList);
        assertTrue(SparkPredict.userMessage(e).contains("row b2: no text"), SparkPredict.userMessage(e));
    }

    @Test
    void otherColumnNamesAndExtraColumnsAreKept() {
        StructType schema = new StructType().add("body", DataTypes.StringType).add("n", DataTypes.IntegerType);
        Dataset<Row> in = spark.createDataFrame(List.of(RowFactory.create("Shelling resumed near the front line.", 7)), schema);
        Row r = scorer.withTextColumn("body").withTitleColumn(null).withOutputColumns("topics", "p", "why")
                .transform(in).first();
        assertEquals(7, r.getInt(1));
        assertEquals(classifier.classify("", "Shelling resumed near the front line.").labels(), r.getList(2));
        assertEquals(List.of("body", "n", "topics", "p", "why"), List.of(r.schema().fieldNames()));
    }

    @Test
    void badColumnsFailOnTheDriver() {
        Dataset<Row> in = spark.createDataFrame(List.of(RowFactory.create("x", "t", "text")), ARTICLES);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scorer.withTextColumn("body").transform(in))
                .getMessage().contains("no text column 'body'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> scorer.withOutputColumns("title", "s", "e").transform(in)).getMessage().contains("already has a column 'title'"));
    }

    @Test
    void theModelIsLoadedOncePerJvmWhateverThePartitions() {
        ModelCache.clear();
        int before = ModelCache.loads();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(RowFactory.create("r" + i, "Ceasefire talks", "Mediators met again " + i));
        }
        long n = scorer.transform(spark.createDataFrame(rows, ARTICLES).repartition(8)).count();
        scorer.transform(spark.createDataFrame(rows, ARTICLES).repartition(3)).collectAsList();
        assertEquals(200, n);
        assertEquals(before + 1, ModelCache.loads());
    }

    @Test
    void aMissingOrCorruptModelFailsOnTheDriverWithTheLoadersMessage(@TempDir Path dir) throws IOException {
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> TopicScorer.load(spark, dir.resolve("none.model")));
        assertEquals(dir.resolve("none.model").toString(), missing.getFile());
        byte[] bytes = Files.readAllBytes(TestModel.path());
        bytes[bytes.length / 2] ^= 1;
        Path corrupt = Files.write(dir.resolve("corrupt.model"), bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TopicScorer.load(spark, corrupt));
        assertEquals(corrupt + ": checksum mismatch: the file is truncated or corrupt", e.getMessage());
    }
}
