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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * (3-5 KB) articles from the bundled corpus ({@link BenchmarkTexts#ofSize}). One operation is one
 * document, so the score is documents per second; the {@link BytesCounter} row gives MB/s.
 * {@code analyzer} is {@code library} ({@link AnalyzerConfig#DEFAULT}: no stop-word removal, no
 * stemming) or {@code train} (stop words dropped and Porter stemming, as {@code newstopic train}
 * configures its models by default, so what {@link ClassifyBenchmark} pays for). Not thread-safe:
 * JMH gives each benchmark thread its own instance ({@code Scope.Thread}), so with {@code -t 2}
 * each thread has its own featurizers and workspaces.
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

    @Param({"library", "train"})
    public String analyzer;

    private List<Article> docs;
    private int[] docBytes;
    private Featurizer hashing;
    private Featurizer tfidf;
    private Workspace hashingWs;
    private Workspace tfidfWs;
    private Analyzer.Pipeline pipeline;
    private final SparseVector out = new SparseVector();
    private int next;

    @Setup
    public void setUp() {
        List<Article> all = BenchmarkTexts.articles(corpus);
        docs = BenchmarkTexts.ofSize(all, size);
        docBytes = docs.stream().mapToInt(BenchmarkTexts::bytes).toArray();
        AnalyzerConfig analysis = switch (analyzer) {
            case "library" -> AnalyzerConfig.DEFAULT;
            case "train" -> AnalyzerConfig.DEFAULT.withStopWords(true).withStem(true);
            default -> throw new IllegalArgumentException("analyzer is library or train, not " + analyzer);
        };
        FeaturizerConfig config = FeaturizerConfig.DEFAULT.withAnalyzer(analysis);
        hashing = new HashingFeaturizer(config.withKind(FeaturizerConfig.Kind.HASHING));
        tfidf = TfIdfFitter.fit(config, all);
        hashingWs = hashing.newWorkspace();
        tfidfWs = tfidf.newWorkspace();
        pipeline = new Analyzer(analysis).newPipeline();
    }

    /** The next document, its UTF-8 size added to the byte counter. */
    private Article nextDoc(BytesCounter counter) {
        Article a = docs.get(next);
        counter.bytes += docBytes[next];
        next = next + 1 == docs.size() ? 0 : next + 1;
        return a;
    }

    @Benchmark
    public int tokenize(BytesCounter counter) {
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
    public void featurizeHashing(BytesCounter counter, Blackhole bh) {
        Article a = nextDoc(counter);
        hashing.featurize(a.title(), a.text(), hashingWs, out);
        bh.consume(out.size());
    }

    @Benchmark
    public void featurizeTfIdf(BytesCounter counter, Blackhole bh) {
        Article a = nextDoc(counter);
        tfidf.featurize(a.title(), a.text(), tfidfWs, out);
        bh.consume(out.size());
    }
}
