package newstopic.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-predict job end to end on the shared local[2] session, against the CLI's predict. */
class SparkPredictTest {

    static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = LocalSpark.session();
    }

    record Run(int code, String err) {
    }

    static Run sparkPredict(String... args) {
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--master", "local[2]", "--model", TestModel.path().toString()));
        all.addAll(List.of(args));
        int code = SparkPredict.run(all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new Run(code, err.toString());
    }

    static List<String> predict(String... inputs) {
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("predict", "--model", TestModel.path().toString()));
        args.addAll(List.of(inputs));
        int code = newstopic.cli.Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        return out.toString().lines().sorted().toList();
    }

    static List<String> partLines(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
            return lines.stream().sorted().toList();
        }
    }

    @Test
    void jsonLinesEqualPredictsForEveryArticleOfTheBundledData(@TempDir Path tmp) throws IOException {
        String corpus = TestModel.CORPUS.toString();
        String raw = TestModel.RAW.toString();
        Path out = tmp.resolve("out");
        Run run = sparkPredict("--output", out.toString(), corpus, raw);
        assertEquals(0, run.code(), run.err());
        List<String> expected = predict(corpus, raw);
        assertTrue(run.err().contains("scored %,d; failed 0; 1 duplicate(s) dropped".formatted(expected.size())), run.err());
        assertTrue(run.err().contains("page_09.txt:23: duplicate of " + raw + "/page_02.txt:1"), run.err());
        // byte for byte the lines of predict: id, title, labels, scores (4 decimals), source
        assertEquals(expected, partLines(out));
        assertFalse(Files.exists(out.resolve("_errors")));
        // and Spark reads them back as JSON
        assertEquals(expected.size(), spark.read().json(out.toString()).count());
    }

    @Test
    void parquetOutputHoldsTheSamePredictions(@TempDir Path tmp) throws IOException {
        String corpus = TestModel.CORPUS.toString();
        Path jsonl = tmp.resolve("jsonl");
        Path parquet = tmp.resolve("parquet");
        assertEquals(0, sparkPredict("--output", jsonl.toString(), corpus).code());
        Run run = sparkPredict("--format", "parquet", "--output", parquet.toString(), corpus);
        assertEquals(0, run.code(), run.err());
        Map<String, List<String>> expected = new HashMap<>();
        for (Row r : spark.read().json(jsonl.toString()).select("id", "labels").collectAsList()) {
            expected.put(r.getString(0), r.getList(1));
        }
        List<Row> rows = spark.read().parquet(parquet.toString()).collectAsList();
        assertEquals(List.of("id", "title", "labels", "scores", "source"), List.of(rows.get(0).schema().fieldNames()));
        assertEquals(expected.size(), rows.size());
        for (Row r : rows) {
            assertEquals(expected.get(r.getString(0)), r.getList(2), r.getString(0));
        }
    }

    @Test
    void badRecordsAreReportedNotDroppedAndStrictFailsOnTheFirst(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), """
                {"id":"j1","title":"Envoys meet in Cairo","text":"Talks on a truce in Gaza resumed."}
                {"id":"j2","title":"broken",
                
                {"id":"j4","title":"No text here"}
                {"id":"j5","title":"Boats reach Lampedusa","text":"Hundreds of migrants landed overnight."}
                """);
        Files.writeString(in.resolve("b.csv"), """
                id,title,text
                c1,Shelling resumes,Artillery hit the town again.
                c2,,
                """);
        Path out = tmp.resolve("out");
        Run run = sparkPredict("--output", out.toString(), in.toString());
        assertEquals(0, run.code(), run.err());
        List<String> expected = predictLenient(in);
        assertEquals(expected, partLines(out));
        assertTrue(run.err().contains("failed 3 (listed in " + out + "/_errors)"), run.err());
        List<String> errors = partLines(out.resolve("_errors"));
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(in.resolve("a.jsonl") + ":2")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(in.resolve("a.jsonl") + ":4")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(in.resolve("b.csv") + ":3")), errors.toString());

        Run strict = sparkPredict("--strict", "--output", tmp.resolve("strict").toString(), in.toString());
        assertEquals(SparkPredict.BAD_INPUT, strict.code(), strict.err());
        assertTrue(strict.err().startsWith("newstopic: " + in.resolve("a.jsonl") + ":2")
                || strict.err().startsWith("newstopic: " + in.resolve("b.csv") + ":3"), strict.err());
    }

    /** What predict --lenient writes for the good records of {@code in}. */
    private static List<String> predictLenient(Path in) {
        StringWriter out = new StringWriter();
        int code = newstopic.cli.Main.run(new String[] {"predict", "--lenient", "--model", TestModel.path().toString(),
                in.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        return out.toString().lines().sorted().toList();
    }

    @Test
    void jsonLinesKeepTheirLineNumbersWhenSplitAcrossTasks(@TempDir Path tmp) throws IOException {
        // small blocks: the file is read by several tasks, each starting mid-file
        spark.conf().set("spark.sql.files.maxPartitionBytes", "2048");
        try {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= 120; i++) {
                sb.append(i % 40 == 0 ? "" : "{\"title\":\"Talks " + i + "\",\"text\":\"Envoys met for talks on a truce, round " + i + ".\"}")
                        .append('\n');
            }
            Path file = Files.writeString(tmp.resolve("news.jsonl"), sb);
            Path out = tmp.resolve("out");
            Run run = sparkPredict("--columns", "-,title,text,-", "--output", out.toString(), file.toString());
            assertEquals(0, run.code(), run.err());
            StringWriter expected = new StringWriter();
            assertEquals(0, newstopic.cli.Main.run(new String[] {"predict", "--columns", "-,title,text,-", "--model",
                    TestModel.path().toString(), file.toString()}, new PrintWriter(expected), new PrintWriter(new StringWriter())));
            assertEquals(expected.toString().lines().sorted().toList(), partLines(out));
            assertTrue(partLines(out).stream().anyMatch(l -> l.contains("\"id\":\"news-119\"")));
        } finally {
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        }
    }

    @Test
    void parquetInputIsScoredLikeTheSameArticlesInJsonLines(@TempDir Path tmp) throws IOException {
        Path jsonl = tmp.resolve("in.jsonl");
        Files.writeString(jsonl, """
                {"id":"p1","title":"Envoys meet in Cairo","text":"Talks on a truce in Gaza resumed."}
                {"id":"p2","title":"Boats reach Lampedusa","text":"Hundreds of migrants landed overnight."}
                """);
        Path parquet = tmp.resolve("in.parquet");
        spark.createDataFrame(List.of(RowFactory.create("p1", "Envoys meet in Cairo", "Talks on a truce in Gaza resumed."),
                        RowFactory.create("p2", "Boats reach Lampedusa", "Hundreds of migrants landed overnight.")),
                TopicScorerTest.ARTICLES).coalesce(1).write().parquet(parquet.toString());
        Path out = tmp.resolve("out");
        Run run = sparkPredict("--input-format", "parquet", "--format", "parquet", "--output", out.toString(), parquet.toString());
        assertEquals(0, run.code(), run.err());
        Map<String, List<String>> expected = new HashMap<>();
        for (String line : predict(jsonl.toString())) {
            Row r = spark.read().json(spark.createDataset(List.of(line), org.apache.spark.sql.Encoders.STRING())).first();
            expected.put(r.getAs("id"), r.getList(r.fieldIndex("labels")));
        }
        Map<String, List<String>> actual = new HashMap<>();
        for (Row r : spark.read().parquet(out.toString()).collectAsList()) {
            actual.put(r.getString(0), r.getList(2));
        }
        assertEquals(expected, actual);
    }

    @Test
    void aMissingModelOrInputIsAOneSentenceError(@TempDir Path tmp) throws IOException {
        StringWriter err = new StringWriter();
        int code = SparkPredict.run(new String[] {"--model", tmp.resolve("none.model").toString(), "--output",
                tmp.resolve("o").toString(), TestModel.CORPUS.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(SparkPredict.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("newstopic: " + tmp.resolve("none.model") + ": no such model file"), err.toString());
        Run run = sparkPredict("--output", tmp.resolve("o").toString(), tmp.resolve("nothing-here").toString());
        assertEquals(SparkPredict.BAD_INPUT, run.code());
        assertEquals("newstopic: " + tmp.resolve("nothing-here") + ": no such file or folder", run.err().strip());
    }
}
