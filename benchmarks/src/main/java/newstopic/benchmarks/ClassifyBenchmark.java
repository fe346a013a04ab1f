package newstopic.benchmarks;

import java.io.IOException;
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
}
