package newstopic.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import newstopic.article.Article;
import newstopic.features.SparseVector;
import newstopic.features.Workspace;
import newstopic.model.TopicModel;
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
 * Scoring a featurized document with a trained {@link TopicModel}: the per-label margins
 * ({@code w . x + b}) alone, and followed by calibration into probabilities. The documents are
 * featurized once at set-up with the model's own featurizer, so only scoring is measured. One
 * operation is one document.
 *
 * <p>The model is the file given by {@code -p model=PATH}, or else one trained once per trial on
 * the corpus with the defaults of {@code ./newstopic train}, in a child JVM (see
 * {@link BenchmarkModels#modelFor}). Thread-safety: this state (model and vectors) is shared by
 * all benchmark threads ({@code Scope.Benchmark}) and only read after set-up; each thread writes
 * into its own {@link Scores}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ScoringBenchmark {

    @Param({"data/corpus"})
    public String corpus;

    /** A model file to use instead of training one. */
    @Param({""})
    public String model;

    @Param({"short", "long"})
    public String size;

    private TopicModel topicModel;
    private SparseVector[] vectors;
    private Path dir;

    /** One thread's score buffer and position in the vectors. Not thread-safe: one per thread. */
    @State(Scope.Thread)
    public static class Scores {
        double[] scores;
        int next;

        @Setup(Level.Trial)
        public void setUp(ScoringBenchmark benchmark) {
            scores = new double[benchmark.topicModel.labelCount()];
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<Article> docs = BenchmarkTexts.ofSize(BenchmarkTexts.articles(corpus), size);
        dir = BenchmarkModels.tempDir();
        topicModel = TopicClassifier.load(BenchmarkModels.modelFor(model, corpus, dir)).model();
        Workspace ws = topicModel.featurizer().newWorkspace();
        SparseVector x = new SparseVector();
        vectors = new SparseVector[docs.size()];
        long features = 0;
        for (int i = 0; i < vectors.length; i++) {
            topicModel.featurizer().featurize(docs.get(i).title(), docs.get(i).text(), ws, x);
            vectors[i] = x.copy();
            features += x.size();
        }
        System.out.println(BenchmarkTexts.describe(size, docs) + ", " + features / vectors.length
                + " non-zero features on average, " + topicModel.labelCount() + " labels");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchmarkModels.delete(dir);
    }

    private SparseVector next(Scores s) {
        int i = s.next;
        s.next = i + 1 == vectors.length ? 0 : i + 1;
        return vectors[i];
    }

    @Benchmark
    public void margins(Scores s, Blackhole bh) {
        topicModel.margins(next(s), s.scores);
        bh.consume(s.scores);
    }

    @Benchmark
    public void probabilities(Scores s, Blackhole bh) {
        topicModel.margins(next(s), s.scores);
        topicModel.probabilities(s.scores);
        bh.consume(s.scores);
    }
}
