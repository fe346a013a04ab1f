package newstopic.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import newstopic.article.Article;
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

/**
 * Training time on {@code size} generated articles ({@link TrainingSets}, made from the corpus
 * with a fixed seed and written to a temporary CSV file at set-up). Each shot is one
 * {@code newstopic train FILE --model MODEL -q} through the command line's entry point, with its
 * defaults: reading the CSV, near-duplicate grouping, 5-fold cross-validation for calibration,
 * thresholds and metrics, the final fit on everything, and writing the model (with the SHA-256 of
 * the input). {@code -p trainArgs="--cv 2"} and the like add options. Training uses every core
 * ({@code --threads} defaults to them).
 *
 * <p>Thread-safety: the state is shared ({@code Scope.Benchmark}) and one training uses all
 * cores by itself, so run it with one benchmark thread; two would write the same model file.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class TrainBenchmark {

    /** The seed of the generated set, so that every run trains on the same articles. */
    private static final long SEED = 20261122;

    @Param({"data/corpus"})
    public String corpus;

    @Param({"10000", "100000"})
    public int size;

    /** More {@code newstopic train} options, separated by spaces (none by default). */
    @Param({""})
    public String trainArgs;

    private Path dir;
    private Path input;
    private Path model;
    private String[] command;

    @Setup(Level.Trial)
    public void setUp() {
        List<Article> source = BenchmarkTexts.articles(corpus);
        dir = BenchmarkModels.tempDir();
        input = dir.resolve("train-" + size + ".csv");
        model = dir.resolve("train.model");
        command = BenchmarkModels.trainCommand(input.toString(), model, trainArgs);
        long bytes = TrainingSets.write(source, size, SEED, input);
        System.out.printf("training set: %,d articles from %,d in %s, %,d bytes of text (%,d on average)%n",
                size, source.size(), corpus, bytes, bytes / size);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchmarkModels.delete(dir);
    }

    @Benchmark
    public long train() throws IOException {
        BenchmarkModels.run(command);
        return Files.size(model);
    }
}
