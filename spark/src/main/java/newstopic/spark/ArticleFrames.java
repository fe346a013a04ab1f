package newstopic.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

import newstopic.article.Article;
import newstopic.article.ArticleFormatException;
import newstopic.article.CsvArticleReader;
import newstopic.article.JsonLinesArticleReader;
import newstopic.article.RawPageReader;
import newstopic.article.ReadOptions;
import newstopic.article.ReadResult;
import newstopic.article.RecordLayout;
import newstopic.article.Source;
import newstopic.article.TextFiles;

/**
 * Reads {@link InputFile}s into one DataFrame of {@link #SCHEMA}, through core's readers, so
 * that every article gets the id, title, text and source that {@code newstopic predict} gives it.
 * Raw pages and CSV files are read a file per task (a CSV record may span lines); JSON Lines are
 * split across tasks by Spark, their line numbers counted in a first pass over the text; Parquet
 * is Spark's own. Each row is an article, a record that could not be read ({@code kind = error},
 * its message in {@code note}), or an article dropped as the duplicate of one read earlier
 * ({@code kind = duplicate}, the kept article's source in {@code note}). Stateless and
 * thread-safe; its functions are serializable and keep no state between calls.
 */
final class ArticleFrames {

    static final String ARTICLE = "article";
    static final String ERROR = "error";
    static final String DUPLICATE = "duplicate";

    /** id, title, text (null unless an article), source, kind, note, and the order of inputs. */
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, true)
            .add("source", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("note", DataTypes.StringType, true)
            .add("file_index", DataTypes.IntegerType, false)
            .add("line", DataTypes.LongType, false);

    private ArticleFrames() {
    }

    /**
     * Every input as rows of {@link #SCHEMA}. With {@code strict} the first bad record fails the
     * job (with the reader's message); otherwise it becomes an error row.
     */
    static Dataset<Row> read(SparkSession spark, List<InputFile> files, RecordLayout layout, boolean strict) {
        List<InputFile> perFile = new ArrayList<>();
        List<InputFile> raw = new ArrayList<>();
        List<InputFile> jsonl = new ArrayList<>();
        List<InputFile> parquet = new ArrayList<>();
        for (InputFile f : files) {
            switch (f.format()) {
                case CSV -> perFile.add(f);
                case RAW -> raw.add(f);
                case JSONL -> jsonl.add(f);
                case PARQUET -> parquet.add(f);
            }
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = sc.broadcast(new SerializableConfiguration(sc.hadoopConfiguration()));
        Dataset<Row> all = spark.createDataFrame(List.of(), SCHEMA);
        if (!perFile.isEmpty()) {
            all = all.union(perFile(spark, sc, perFile, new FileReader(conf, Layout.of(layout), strict)));
        }
        if (!raw.isEmpty()) {
            // as many shuffle partitions as files (up to the cores), not spark.sql.shuffle.partitions' 200
            int partitions = Math.max(1, Math.min(raw.size(), sc.defaultParallelism()));
            all = all.union(dropDuplicates(perFile(spark, sc, raw, new FileReader(conf, Layout.of(layout), strict))
                    .repartition(partitions, col("id"))));
        }
        if (!jsonl.isEmpty()) {
            all = all.union(jsonLines(spark, jsonl, layout, strict));
        }
        if (!parquet.isEmpty()) {
            all = all.union(parquet(spark, parquet, layout));
        }
        return all;
    }

    private static Dataset<Row> perFile(SparkSession spark, JavaSparkContext sc, List<InputFile> files, FileReader reader) {
        return spark.createDataFrame(sc.parallelize(files, files.size()).flatMap(reader), SCHEMA);
    }

    /**
     * Raw pages keep an article met in several files once, as {@code predict} does: the first in
     * input order stays, later ones become duplicate rows naming it. Equal articles have equal ids.
     */
    private static Dataset<Row> dropDuplicates(Dataset<Row> rows) {
        WindowSpec byArticle = Window.partitionBy(col("id")).orderBy(col("file_index"), col("line"));
        Column isArticle = col("kind").equalTo(ARTICLE);
        Dataset<Row> ranked = rows
                .withColumn("rank", when(isArticle, row_number().over(byArticle)).otherwise(lit(1)))
                .withColumn("kept", when(isArticle, first(col("source")).over(byArticle)));
        Column dropped = col("rank").gt(1);
        return ranked.select(col("id"), col("title"),
                        when(dropped, lit(null).cast(DataTypes.StringType)).otherwise(col("text")).as("text"),
                        col("source"),
                        when(dropped, lit(DUPLICATE)).otherwise(col("kind")).as("kind"),
                        when(dropped, col("kept")).otherwise(col("note")).as("note"),
                        col("file_index"), col("line"));
    }

    private static Dataset<Row> jsonLines(SparkSession spark, List<InputFile> files, RecordLayout layout, boolean strict) {
        Dataset<Row> lines = spark.read().text(files.stream().map(InputFile::uri).toArray(String[]::new))
                .select(col("value"), col("_metadata.file_path").as("file"), col("_metadata.file_block_start").as("block"));
        // first pass: lines per block, so that each block knows the line number it starts at
        Map<String, TreeMap<Long, Long>> blocks = new HashMap<>();
        for (Row r : lines.groupBy("file", "block").count().collectAsList()) {
            blocks.computeIfAbsent(InputFile.key(r.getString(0)), k -> new TreeMap<>()).put(r.getLong(1), r.getLong(2));
        }
        HashMap<String, Long> firstLine = new HashMap<>();
        blocks.forEach((file, counts) -> {
            long line = 1;
            for (Map.Entry<Long, Long> e : counts.entrySet()) {
                firstLine.put(file + "@" + e.getKey(), line);
                line += e.getValue();
            }
        });
        return lines.mapPartitions(new JsonLinesParser(byKey(files), firstLine, Layout.of(layout), strict), Encoders.row(SCHEMA));
    }

    private static Dataset<Row> parquet(SparkSession spark, List<InputFile> files, RecordLayout layout) {
        Dataset<Row> data = spark.read().parquet(files.stream().map(InputFile::uri).toArray(String[]::new));
        List<String> names = List.of(data.columns());
        Column text = col(layout.text());
        Column title = layout.title() != null && names.contains(layout.title()) ? col(layout.title()).cast("string")
                : lit("");
        Column id = layout.id() != null && names.contains(layout.id()) ? col(layout.id()).cast("string")
                : lit(null).cast("string");
        if (!names.contains(layout.text())) {
            throw new IllegalArgumentException(files.get(0).name() + ": no text column '" + layout.text() + "' among "
                    + String.join(", ", names) + " (name it with --columns)");
        }
        return data.select(id.as("id"), title.as("title"), text.cast("string").as("text"),
                        col("_metadata.file_path").as("file"), col("_metadata.row_index").as("row"))
                .mapPartitions(new ParquetRows(byKey(files), Layout.of(layout)), Encoders.row(SCHEMA));
    }

    private static HashMap<String, InputFile> byKey(List<InputFile> files) {
        HashMap<String, InputFile> out = new HashMap<>();
        for (InputFile f : files) {
            out.put(InputFile.key(f.uri()), f);
        }
        return out;
    }

    static Row article(Article a, String id, Source source, InputFile f) {
        return RowFactory.create(id, a.title(), a.text(), source.toString(), ARTICLE, null, f.index(), (long) source.line());
    }

    static Row error(Source source, String message, InputFile f) {
        return RowFactory.create(null, null, null, source.toString(), ERROR, message, f.index(), (long) source.line());
    }

    /** The id of a record without one: core's rule, the prefix or file name, then the line. */
    static String derivedId(RecordLayout layout, String name, long line) {
        return layout.derivedId(new Source(name, Math.toIntExact(line)));
    }

    /** Reads whole raw-page and CSV files, one per call. Serializable; no state between calls. */
    private record FileReader(Broadcast<SerializableConfiguration> conf, Layout spec, boolean strict)
            implements FlatMapFunction<InputFile, Row>, Serializable {

        @Override
        public Iterator<Row> call(InputFile f) throws IOException {
            List<Row> out = new ArrayList<>();
            String text;
            Path path = new Path(f.uri());
            try (InputStream in = path.getFileSystem(conf.value().value()).open(path)) {
                text = TextFiles.readUtf8(in, f.name());
            } catch (IOException e) {
                if (strict) {
                    throw e;
                }
                out.add(error(new Source(f.name(), 0), f.name() + ": cannot read: " + e.getMessage(), f));
                return out.iterator();
            }
            try {
                ReadResult result;
                if (f.format() == InputFile.Format.RAW) {
                    result = new RawPageReader(!strict).read(text, f.name());
                } else {
                    RecordLayout layout = spec.toRecordLayout();
                    RecordLayout unlabeled = layout.labels() == null ? layout : layout.withLabels(null);
                    result = new CsvArticleReader(unlabeled, new ReadOptions(!strict, null)).read(text, f.name());
                }
                for (Article a : result.articles()) {
                    out.add(article(a, a.id(), a.source(), f));
                }
                for (ArticleFormatException e : result.skipped()) {
                    out.add(error(e.source(), e.getMessage(), f));
                }
                for (ReadResult.Duplicate d : result.duplicates()) {
                    out.add(RowFactory.create(null, d.title(), null, d.dropped().toString(), DUPLICATE,
                            d.kept().toString(), f.index(), (long) d.dropped().line()));
                }
            } catch (ArticleFormatException e) {
                if (strict) {
                    throw e;
                }
                // a broken file (such as an unclosed CSV quote): the reader cannot go on past it
                out.add(error(e.source(), e.getMessage() + " (the rest of " + f.name() + " was not read)", f));
            }
            return out.iterator();
        }
    }

    /**
     * Parses JSON Lines, a line at a time, with core's reader; gives each article the line number
     * it has in its file. Serializable; the iterator it returns is for one thread.
     */
    private record JsonLinesParser(HashMap<String, InputFile> files, HashMap<String, Long> firstLine, Layout spec,
                                   boolean strict) implements MapPartitionsFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            RecordLayout layout = spec.toRecordLayout();
            RecordLayout unlabeled = layout.labels() == null ? layout : layout.withLabels(null);
            JsonLinesArticleReader reader = new JsonLinesArticleReader(unlabeled, new ReadOptions(true, null));
            return new Iterator<>() {
                private String block;
                private String fileKey;
                private long line;
                private Row next;

                @Override
                public boolean hasNext() {
                    while (next == null && rows.hasNext()) {
                        next = parse(rows.next());
                    }
                    return next != null;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    Row r = next;
                    next = null;
                    return r;
                }

                private Row parse(Row r) {
                    String key = InputFile.key(r.getString(1));
                    String thisBlock = key + "@" + r.getLong(2);
                    if (!thisBlock.equals(block)) {
                        block = thisBlock;
                        fileKey = key;
                        line = firstLine.get(thisBlock);
                    } else {
                        line++;
                    }
                    String value = r.getString(0);
                    if (line == 1 && value.startsWith("\uFEFF")) {
                        value = value.substring(1);
                    }
                    if (value.isBlank()) {
                        return null;
                    }
                    InputFile f = files.get(fileKey);
                    Source source = new Source(f.name(), (int) line);
                    ReadResult result = reader.read(value, f.name());
                    if (!result.skipped().isEmpty()) {
                        ArticleFormatException e = result.skipped().get(0);
                        ArticleFormatException here = new ArticleFormatException(source, e.field(), e.problem());
                        if (strict) {
                            throw here;
                        }
                        return error(source, here.getMessage(), f);
                    }
                    Article a = result.articles().get(0);
                    String id = layout.id() != null ? a.id() : derivedId(layout, f.name(), line);
                    return article(a, id, source, f);
                }
            };
        }
    }

    /** Gives Parquet rows their file's name, a source and, when they have none, an id. Serializable. */
    private record ParquetRows(HashMap<String, InputFile> files, Layout spec) implements MapPartitionsFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    InputFile f = files.get(InputFile.key(r.getString(3)));
                    long row = r.getLong(4) + 1;
                    String id = r.isNullAt(0) ? derivedId(spec.toRecordLayout(), f.name(), row) : r.getString(0);
                    String title = r.isNullAt(1) ? "" : r.getString(1);
                    return RowFactory.create(id, title, r.isNullAt(2) ? null : r.getString(2), f.name() + ":" + row,
                            ARTICLE, null, f.index(), row);
                }
            };
        }
    }
}
