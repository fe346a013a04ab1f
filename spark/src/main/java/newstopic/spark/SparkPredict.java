package newstopic.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import newstopic.article.ArticleFormatException;
import newstopic.article.RecordLayout;
import newstopic.model.ModelFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code spark-predict} job: tags JSON Lines, CSV, Parquet or folders of raw pages on Spark
 * and writes {@code newstopic predict}'s JSON Lines, or Parquet. Runs embedded
 * ({@code --master local[*]} by default) or under {@code spark-submit}, with the same arguments.
 * Bad records never fail the job unless {@code --strict}: they are counted and written to the
 * errors output. Exit codes as the CLI's: 0 success, 2 bad usage or input, 3 internal error.
 *
 * <p>{@link #run} builds a fresh command on each call; concurrent calls share the JVM's one
 * SparkSession, so run one at a time. Not thread-safe.
 */
@Command(name = "spark-predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tag articles on Apache Spark: JSON Lines, CSV, Parquet or folders of raw pages.",
                "Writes predict's JSON Lines (id, title, labels, scores, source) or Parquet to --output;",
                "records that cannot be read or scored go to --errors."})
public final class SparkPredict implements Callable<Integer> {

    /** Exit code for bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an unexpected internal error. */
    public static final int INTERNAL = 3;

    private static final int SHOWN = 20;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or folders (local paths or Hadoop URIs such as s3a://...).")
    List<String> inputs;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE",
            description = "Model file (default: models/newstopic.model in the newstopic folder).")
    Path model;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*]: Spark embedded, all cores).")
    String master;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Output folder.")
    String output;

    @Option(names = {"-f", "--format"}, description = "Output format: jsonl or parquet. Default: ${DEFAULT-VALUE}.",
            defaultValue = "jsonl")
    String format;

    @Option(names = "--errors", paramLabel = "DIR",
            description = "Where records that cannot be read or scored go, as JSON Lines (source, id, error). Default: OUTPUT/_errors.")
    String errors;

    @Option(names = "--input-format", description = "auto (by file name), csv, jsonl, parquet or raw. Default: ${DEFAULT-VALUE}.",
            defaultValue = "auto")
    String inputFormat;

    @Option(names = "--layout", description = "CSV/JSONL layout: standard (id,title,text,labels) or agnews (class,title,description; no header).",
            defaultValue = "standard")
    String layout;

    @Option(names = "--columns", split = ",", paramLabel = "ID,TITLE,TEXT,LABELS",
            description = "Field names of id, title, text and labels, for other layouts (use - for absent); Parquet too.")
    List<String> columns;

    @Option(names = "--strict", description = "Fail the job on the first record that cannot be read or scored.")
    boolean strict;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spread the articles over N partitions before scoring (default: as read).")
    Integer partitions;

    @Option(names = "--overwrite", description = "Replace the output (and errors) folder when it exists.")
    boolean overwrite;

    private PrintWriter err;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the job with the given streams for help and messages; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        SparkPredict job = new SparkPredict();
        job.err = err;
        CommandLine cli = new CommandLine(job);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = userMessage(e);
            if (message != null) {
                err.println("newstopic: " + message);
                return BAD_INPUT;
            }
            err.println("newstopic: internal error: " + e);
            e.printStackTrace(err);
            return INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("jsonl", "parquet").contains(format)) {
            throw new IllegalArgumentException("unknown --format '" + format + "' (jsonl or parquet)");
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions needs 1 or more, got " + partitions);
        }
        RecordLayout recordLayout = recordLayout();
        InputFile.Format forced = InputFile.Format.parse(inputFormat);
        Path modelFile = model != null ? model : defaultModel();
        if (!java.nio.file.Files.isRegularFile(modelFile)) {
            throw new NoSuchFileException(modelFile.toString(), null,
                    "no such model file (train one with 'newstopic train', or name one with --model)");
        }
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = session();
        try {
            return predict(spark, modelFile, recordLayout, forced);
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("newstopic spark-predict");
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }

    private int predict(SparkSession spark, Path modelFile, RecordLayout recordLayout, InputFile.Format forced)
            throws Exception {
        long start = System.nanoTime();
        // the model first: a missing or corrupt one fails before any input is read
        TopicScorer scorer = TopicScorer.load(spark, modelFile);
        List<InputFile> files = InputFile.list(inputs, forced, spark.sparkContext().hadoopConfiguration());
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no article files (.csv, .jsonl, .ndjson, .parquet, .txt) in "
                    + String.join(", ", inputs));
        }
        Dataset<Row> read = ArticleFrames.read(spark, files, recordLayout, strict).drop("file_index", "line");
        if (partitions != null) {
            read = read.repartition(partitions);
        }
        Column isArticle = col("kind").equalTo(ArticleFrames.ARTICLE);
        Dataset<Row> result = scorer.transform(read)
                .select(col("id"), col("title"), col("labels"), col("scores"), col("source"), col("kind"),
                        when(isArticle, col("error")).otherwise(col("note")).as("error"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Column failed = col("kind").equalTo(ArticleFrames.ERROR).or(isArticle.and(col("error").isNotNull()));
            Row counts = result.agg(
                    sum(when(col("kind").notEqual(ArticleFrames.DUPLICATE), 1).otherwise(0)),
                    sum(when(isArticle.and(col("error").isNull()), 1).otherwise(0)),
                    sum(when(failed, 1).otherwise(0)),
                    sum(when(col("kind").equalTo(ArticleFrames.DUPLICATE), 1).otherwise(0))).first();
            long readCount = counts.isNullAt(0) ? 0 : counts.getLong(0);
            long scored = counts.isNullAt(1) ? 0 : counts.getLong(1);
            long failures = counts.isNullAt(2) ? 0 : counts.getLong(2);
            long duplicates = counts.isNullAt(3) ? 0 : counts.getLong(3);
            if (strict && failures > 0) {
                Row first = result.filter(failed).select("error").first();
                throw new IllegalArgumentException(first.getString(0));
            }
            reportDuplicates(result, duplicates);
            SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            Dataset<Row> ok = result.filter(isArticle.and(col("error").isNull()))
                    .select("id", "title", "labels", "scores", "source");
            if (format.equals("jsonl")) {
                ok.mapPartitions(new JsonLines(scorer.labels()), Encoders.STRING()).write().mode(mode).text(output);
            } else {
                ok.write().mode(mode).parquet(output);
            }
            String errorsDir = errors != null ? errors : output.replaceFirst("/+$", "") + "/_errors";
            if (failures > 0) {
                result.filter(failed).select(col("source"), col("id"), col("error")).write().mode(mode).json(errorsDir);
            }
            err.printf("newstopic: read %,d article(s) from %,d file(s); scored %,d; failed %,d%s; %,d duplicate(s) dropped (%.1f s)%n",
                    readCount, files.size(), scored, failures, failures > 0 ? " (listed in " + errorsDir + ")" : "",
                    duplicates, (System.nanoTime() - start) / 1e9);
            err.printf("newstopic: wrote %s (%s)%n", output, format);
            err.flush();
            return 0;
        } finally {
            result.unpersist();
        }
    }

    private void reportDuplicates(Dataset<Row> result, long duplicates) {
        if (duplicates == 0) {
            return;
        }
        List<Row> shown = result.filter(col("kind").equalTo(ArticleFrames.DUPLICATE))
                .select(col("source"), col("error"), col("title")).limit(SHOWN).collectAsList();
        for (Row d : shown) {
            // the wording of predict's notes
            err.println("newstopic: note: " + d.getString(0) + ": duplicate of " + d.getString(1) + " (\"" + d.getString(2) + "\")");
        }
        if (duplicates > shown.size()) {
            err.printf("newstopic: note: and %,d more duplicate(s)%n", duplicates - shown.size());
        }
    }

    private RecordLayout recordLayout() {
        return RecordLayout.named(layout, columns);
    }

    private static Path defaultModel() {
        return newstopic.Home.defaultModel();
    }

    /** The one-sentence message for a user's mistake or bad input, or {@code null} for a bug. */
    static String userMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            switch (t) {
                case NoSuchFileException n -> {
                    return n.getFile() + ": " + (n.getReason() != null ? n.getReason() : "no such file or folder");
                }
                case ModelFormatException m -> {
                    return m.getMessage();
                }
                case ArticleFormatException a -> {
                    return a.getMessage();
                }
                case IllegalArgumentException i -> {
                    return i.getMessage();
                }
                case java.nio.charset.CharacterCodingException c -> {
                    return c.getMessage();
                }
                default -> {
                }
            }
            if (t.getClass().getName().equals("org.apache.spark.sql.AnalysisException")) {
                return t.getMessage();
            }
            // a failed task: Spark reports the executor's exception in its message (on a cluster, only there)
            String m = t.getMessage();
            for (String cause : List.of(ArticleFormatException.class.getName() + ": ",
                    IllegalArgumentException.class.getName() + ": ")) {
                int at = m == null ? -1 : m.indexOf(cause);
                if (at >= 0) {
                    String rest = m.substring(at + cause.length());
                    int end = rest.indexOf('\n');
                    return end < 0 ? rest.strip() : rest.substring(0, end).strip();
                }
            }
        }
        return null;
    }

    /** Writes predict's JSON Lines for rows of id, title, labels, scores, source. Serializable; no state between calls. */
    private record JsonLines(List<String> labels) implements MapPartitionsFunction<Row, String> {

        @Override
        public Iterator<String> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public String next() {
                    Row r = rows.next();
                    List<String> assigned = r.getList(2);
                    Row s = r.getStruct(3);
                    Map<String, Double> scores = new LinkedHashMap<>();
                    for (int k = 0; k < labels.size(); k++) {
                        scores.put(labels.get(k), s.getDouble(k));
                    }
                    return PredictionJson.line(r.getString(0), r.getString(1), new ArrayList<>(assigned), scores,
                            r.getString(4));
                }
            };
        }
    }
}
