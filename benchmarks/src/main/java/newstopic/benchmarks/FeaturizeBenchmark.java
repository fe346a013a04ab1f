package newstopic.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import newstopic.article.Article;
import newstopic.features.Featurizer;
import newstopic.features.FeaturizerConfig;
import newstopic.features.HashingFeaturizer;
import newstopic.features.SparseVector;
import newstopic.features.TfIdfFitter;
import newstopic.features.Workspace;
import newstopic.text.Analyzer;
import newstopic.text.AnalyzerConfig;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of text analysis and featurization on short (AG-News-sized, 150-400 bytes) and long
 * (3-5 KB) articles from the bundled corpus. The {@code bytes} counter gives MB/s: JMH reports it
 * per second next to the documents per second. Not thread-safe: JMH gives each benchmark thread
 * its own instance ({@code Scope.Thread}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FeaturizeBenchmark {

    @Param({"data/corpus"})
    public String corpus;

    @Param({"short", "long"})
    public String size;

    private List<Article> docs;
    private int[] docBytes;
    private Featurizer hashing;
    private Featurizer tfidf;
    private Workspace hashingWs;
    private Workspace tfidfWs;
    private Analyzer.Pipeline pipeline;
    private final SparseVector out = new SparseVector();
    private int next;

    /** Bytes of text processed, reported per second by JMH. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        List<Article> all = BenchmarkTexts.articles(corpus);
        docs = size.equals("short") ? BenchmarkTexts.sized(all, 150, 400) : BenchmarkTexts.sized(all, 1500, 5000);
        if (docs.isEmpty()) {
            throw new IllegalStateException("no " + size + " articles in " + corpus);
        }
        docBytes = docs.stream().mapToInt(BenchmarkTexts::bytes).toArray();
        hashing = new HashingFeaturizer(FeaturizerConfig.DEFAULT.withKind(FeaturizerConfig.Kind.HASHING));
        tfidf = TfIdfFitter.fit(FeaturizerConfig.DEFAULT, all);
        hashingWs = hashing.newWorkspace();
        tfidfWs = tfidf.newWorkspace();
        pipeline = new Analyzer(AnalyzerConfig.DEFAULT).newPipeline();
    }

    /** The next document, its UTF-8 size added to the byte counter. */
    private Article nextDoc(Bytes counter) {
        Article a = docs.get(next);
        counter.bytes += docBytes[next];
        next = next + 1 == docs.size() ? 0 : next + 1;
        return a;
    }

    @Benchmark
    public int tokenize(Bytes counter) {
        Article a = nextDoc(counter);
        int tokens = 0;
        pipeline.reset(a.title());
        while (pipeline.next()) {
            tokens++;
        }
        pipeline.reset(a.text());
        while (pipeline.next()) {
            tokens++;
        }
        return tokens;
    }

    @Benchmark
    public void featurizeHashing(Bytes counter, Blackhole bh) {
        Article a = nextDoc(counter);
        hashing.featurize(a.title(), a.text(), hashingWs, out);
        bh.consume(out.size());
    }

    @Benchmark
    public void featurizeTfIdf(Bytes counter, Blackhole bh) {
        Article a = nextDoc(counter);
        tfidf.featurize(a.title(), a.text(), tfidfWs, out);
        bh.consume(out.size());
    }
}
