package newstopic.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import newstopic.prediction.TopicClassifier;

/**
 * Adds topic predictions to any {@code Dataset<Row>} that has a text column: the library entry
 * point for use inside an existing Spark job.
 *
 * <pre>{@code
 * TopicScorer scorer = TopicScorer.load(spark, Path.of("models/newstopic.model"));
 * Dataset<Row> tagged = scorer.withTitleColumn("headline").transform(articles);
 * // adds labels: array<string>, scores: struct<conflict: double, ...>, error: string
 * }</pre>
 *
 * <p>The model file is read and checked once on the driver (a missing or corrupt file fails
 * there, with the model loader's message), and its bytes are broadcast. Each executor JVM loads
 * the model once and caches it by the file's SHA-256, so every task and every later job with the
 * same model reuses it. Rows are scored per partition, in batches; a row that cannot be scored
 * (no text, or an empty title and text) keeps null labels and scores and says why in the error
 * column, unless {@link #failOnError} is set. Scores are the calibrated probabilities that
 * {@code TopicClassifier.classify} gives, in full precision; labels are its labels, in the
 * model's order: exactly what {@code newstopic predict} reports.
 *
 * <p>Immutable and thread-safe: the {@code with...} methods return new scorers that share the
 * broadcast model, and {@link #transform} may be called from any thread.
 */
public final class TopicScorer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows classified per batch inside a partition. */
    public static final int DEFAULT_BATCH_SIZE = 512;

    private final Broadcast<byte[]> model;
    private final String checksum;
    private final List<String> labels;
    private final String textColumn;
    private final String titleColumn;
    private final String idColumn;
    private final String labelsColumn;
    private final String scoresColumn;
    private final String errorColumn;
    private final int batchSize;
    private final boolean failOnError;

    private TopicScorer(Broadcast<byte[]> model, String checksum, List<String> labels, String textColumn,
                        String titleColumn, String idColumn, String labelsColumn, String scoresColumn,
                        String errorColumn, int batchSize, boolean failOnError) {
        this.model = model;
        this.checksum = checksum;
        this.labels = List.copyOf(labels);
        this.textColumn = Objects.requireNonNull(textColumn, "textColumn");
        this.titleColumn = titleColumn;
        this.idColumn = idColumn;
        this.labelsColumn = Objects.requireNonNull(labelsColumn, "labelsColumn");
        this.scoresColumn = Objects.requireNonNull(scoresColumn, "scoresColumn");
        this.errorColumn = Objects.requireNonNull(errorColumn, "errorColumn");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.failOnError = failOnError;
    }

    /**
     * Reads and checks a model file on the driver and broadcasts it. The scorer reads text from
     * {@code text}, and headlines from {@code title} and ids from {@code id} when the data has
     * such columns.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException         when the file cannot be read or is no valid model; the message
     *                             is the model loader's, naming the file and the problem
     */
    public static TopicScorer load(SparkSession spark, Path modelFile) throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            throw new NoSuchFileException(modelFile.toString(), null, "no such model file");
        }
        byte[] bytes = Files.readAllBytes(modelFile);
        TopicClassifier classifier = TopicClassifier.load(modelFile); // the loader's checks and messages
        String checksum = sha256(bytes);
        ModelCache.put(checksum, classifier);
        Broadcast<byte[]> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return new TopicScorer(broadcast, checksum, classifier.labels(), "text", "title", "id", "labels", "scores",
                "error", DEFAULT_BATCH_SIZE, false);
    }

    /** The labels of the model, in the order of the scores struct's fields. */
    public List<String> labels() {
        return labels;
    }

    /** The SHA-256 of the model file, in hex: the key of the per-executor model cache. */
    public String modelChecksum() {
        return checksum;
    }

    /** Reads the text from {@code column} (default {@code text}). */
    public TopicScorer withTextColumn(String column) {
        return new TopicScorer(model, checksum, labels, column, titleColumn, idColumn, labelsColumn, scoresColumn,
                errorColumn, batchSize, failOnError);
    }

    /** Reads headlines from {@code column} (default {@code title}; {@code null} for none). */
    public TopicScorer withTitleColumn(String column) {
        return new TopicScorer(model, checksum, labels, textColumn, column, idColumn, labelsColumn, scoresColumn,
                errorColumn, batchSize, failOnError);
    }

    /** Names failing rows by {@code column} (default {@code id}; {@code null} for none). */
    public TopicScorer withIdColumn(String column) {
        return new TopicScorer(model, checksum, labels, textColumn, titleColumn, column, labelsColumn, scoresColumn,
                errorColumn, batchSize, failOnError);
    }

    /** Names the added columns (default {@code labels}, {@code scores}, {@code error}). */
    public TopicScorer withOutputColumns(String labels, String scores, String error) {
        return new TopicScorer(model, checksum, this.labels, textColumn, titleColumn, idColumn, labels, scores, error,
                batchSize, failOnError);
    }

    /** Classifies {@code size} rows at a time inside a partition (default {@value #DEFAULT_BATCH_SIZE}). */
    public TopicScorer withBatchSize(int size) {
        return new TopicScorer(model, checksum, labels, textColumn, titleColumn, idColumn, labelsColumn, scoresColumn,
                errorColumn, size, failOnError);
    }

    /** With {@code true}, the first row that cannot be scored fails the task, and so the job. */
    public TopicScorer failOnError(boolean fail) {
        return new TopicScorer(model, checksum, labels, textColumn, titleColumn, idColumn, labelsColumn, scoresColumn,
                errorColumn, batchSize, fail);
    }

    /** The schema {@link #transform} gives {@code input}: its columns, then labels, scores and error. */
    public StructType outputSchema(StructType input) {
        List<String> names = Arrays.asList(input.fieldNames());
        for (String added : List.of(labelsColumn, scoresColumn, errorColumn)) {
            if (names.contains(added)) {
                throw new IllegalArgumentException("the data already has a column '" + added
                        + "'; drop it or name the added columns with withOutputColumns");
            }
        }
        requireString(input, textColumn, "text");
        StructField[] scoreFields = labels.stream()
                .map(l -> DataTypes.createStructField(l, DataTypes.DoubleType, false))
                .toArray(StructField[]::new);
        return input
                .add(labelsColumn, DataTypes.createArrayType(DataTypes.StringType, false), true)
                .add(scoresColumn, DataTypes.createStructType(scoreFields), true)
                .add(errorColumn, DataTypes.StringType, true);
    }

    /**
     * Adds the labels, scores and error columns to {@code input}. Lazy, like every Spark
     * transformation: rows are scored when an action runs.
     *
     * @throws IllegalArgumentException when the text column is missing or not a string, or an
     *                                  added column's name is taken
     */
    public Dataset<Row> transform(Dataset<Row> input) {
        StructType schema = input.schema();
        StructType out = outputSchema(schema);
        List<String> names = Arrays.asList(schema.fieldNames());
        int title = titleColumn != null && names.contains(titleColumn) ? requireString(schema, titleColumn, "title") : -1;
        int id = idColumn != null && names.contains(idColumn) ? schema.fieldIndex(idColumn) : -1;
        ScoreFunction f = new ScoreFunction(model, checksum, schema.fieldIndex(textColumn), title, id, batchSize,
                failOnError);
        return input.mapPartitions(f, Encoders.row(out));
    }

    private static int requireString(StructType schema, String column, String role) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("no " + role + " column '" + column + "' among "
                    + String.join(", ", schema.fieldNames()));
        }
        StructField field = schema.apply(column);
        if (!(field.dataType() instanceof StringType)) {
            throw new IllegalArgumentException("the " + role + " column '" + column + "' holds "
                    + field.dataType().simpleString() + ", not strings");
        }
        return schema.fieldIndex(column);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
