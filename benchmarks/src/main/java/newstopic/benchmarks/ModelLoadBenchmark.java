package newstopic.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

/**
 * Time to load a model file with {@link TopicClassifier#load}: read it, check its checksum, parse
 * the header and rebuild the featurizer and weights. The file is written once per trial by
 * training on the corpus with the defaults of {@code ./newstopic train} in a child JVM, so this
 * JVM has loaded none of the model code before, or given by {@code -p model=PATH}; it is read
 * from the page cache, so disk speed is not measured.
 *
 * <p>{@code load} is the steady state (a warmed-up JVM, e.g. a server reloading its model);
 * {@code loadCold} is the first load in a fresh JVM, as each {@code ./newstopic predict} does,
 * one shot in each of several forks. Thread-safety: the state is shared ({@code Scope.Benchmark})
 * and only read after set-up; run it with one thread.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ModelLoadBenchmark {

    @Param({"data/corpus"})
    public String corpus;

    /** A model file to use instead of training one. */
    @Param({""})
    public String model;

    private Path file;
    private Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchmarkModels.tempDir();
        file = BenchmarkModels.modelFor(model, corpus, dir);
        System.out.printf("model %s: %,d bytes%n", file, Files.size(file));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchmarkModels.delete(dir);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public TopicClassifier load() throws IOException {
        return TopicClassifier.load(file);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public TopicClassifier loadCold() throws IOException {
        return TopicClassifier.load(file);
    }
}
