package newstopic.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import newstopic.article.Article;
import newstopic.prediction.TopicClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * End-to-end classification, {@link TopicClassifier#classify(String, String)}, of short
 * (AG-News-sized) and long (3-5 KB) texts: normalization, featurization, scoring, calibration,
 * the headline rule (long texts are featurized a second time for their headline alone) and the
 * {@code Prediction} the API returns. One operation is one document; the {@link BytesCounter} row
 * gives MB/s.
 *
 * <p>The model is the file given by {@code -p model=PATH}, or else one trained once per trial on
 * the corpus with the defaults of {@code ./newstopic train}, in a child JVM (about ten seconds of
 * set-up, not measured; see {@link BenchmarkModels#modelFor}). Thread-safety: this state is
 * shared by all benchmark threads ({@code Scope.Benchmark}), as one {@link TopicClassifier} would
 * be in a server; it is only read after set-up. Each thread walks the texts with its own
 * {@link Cursor}.
 *
 * <p>{@link #wordScan} is the peer that {@code classify} is measured against: {@code tr -cs
 * 'A-Za-z0-9' '\n'} over the same texts, so that a shared, noisy machine slows both alike and the
 * ratio of their {@code :bytes} rows ({@code benchmarks/ratio.sh} prints it) stays meaningful.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// more warm-up than the featurizers: the whole prediction path has to be compiled
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ClassifyBenchmark {

    @Param({"data/corpus"})
    public String corpus;

    /** A model file to use instead of training one. */
    @Param({""})
    public String model;

    @Param({"short", "long"})
    public String size;

    private TopicClassifier classifier;
    private String[] titles;
    private String[] texts;
    private int[] docBytes;
    private Path dir;
    /** The same texts (title, newline, text, newline), repeated to {@value #SCAN_BYTES} bytes, for {@code tr}. */
    private Path scanFile;
    private long scanFileBytes;

    /** Large enough that starting {@code tr} (about a millisecond) is under 2% of a shot. */
    private static final int SCAN_BYTES = 32 << 20;

    /** One thread's position in the texts. Not thread-safe: one per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<Article> all = BenchmarkTexts.articles(corpus);
        List<Article> docs = BenchmarkTexts.ofSize(all, size);
        System.out.println(BenchmarkTexts.describe(size, docs));
        // plain arrays: the measured loop should not pay for Article.text() or list access
        titles = docs.stream().map(Article::title).toArray(String[]::new);
        texts = docs.stream().map(Article::text).toArray(String[]::new);
        docBytes = docs.stream().mapToInt(BenchmarkTexts::bytes).toArray();
        dir = BenchmarkModels.tempDir();
        classifier = TopicClassifier.load(BenchmarkModels.modelFor(model, corpus, dir));
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        for (int i = 0; i < titles.length; i++) {
            once.writeBytes((titles[i] + "\n" + texts[i] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] chunk = once.toByteArray();
        scanFile = dir.resolve("scan.txt");
        try (var out = Files.newOutputStream(scanFile)) {
            for (long n = 0; n < SCAN_BYTES; n += chunk.length) {
                out.write(chunk);
            }
        }
        scanFileBytes = Files.size(scanFile);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchmarkModels.delete(dir);
    }

    @Benchmark
    public void classify(Cursor cursor, BytesCounter counter, Blackhole bh) {
        int i = cursor.next;
        cursor.next = i + 1 == titles.length ? 0 : i + 1;
        counter.bytes += docBytes[i];
        bh.consume(classifier.classify(titles[i], texts[i]));
    }

    /**
     * The bare word scan of the same texts: one operation is one {@code tr -cs 'A-Za-z0-9' '\n'}
     * over {@link #scanFile}, output discarded; only its {@code :bytes} row is meaningful.
     */
    @Benchmark
    public int wordScan(BytesCounter counter) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tr", "-cs", "A-Za-z0-9", "\n")
                .redirectInput(scanFile.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("tr exited with " + code);
        }
        counter.bytes += scanFileBytes;
        return code;
    }
}
