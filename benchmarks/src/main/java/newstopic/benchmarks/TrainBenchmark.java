package newstopic.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import newstopic.article.Article;
import newstopic.article.TextFiles;
import newstopic.model.TopicModel;
import newstopic.train.TopicTrainer;
import newstopic.train.TrainOptions;
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

/**
 * Training time on {@code size} generated articles ({@link TrainingSets}, made from the corpus
 * with a fixed seed, in memory). Each shot is one {@link TopicTrainer#train} call with the
 * defaults of {@code newstopic train}: near-duplicate grouping, 5-fold cross-validation for
 * calibration, thresholds and metrics, the final fit on everything and model assembly; reading
 * inputs and writing the model are not timed. {@code -p folds=2} and {@code -p learner=svm} change
 * those options. Training uses every core.
 *
 * <p>Thread-safety: the state is shared ({@code Scope.Benchmark}) and one training uses all
 * cores by itself, so run it with one benchmark thread.
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

    @Param({"5"})
    public int folds;

    @Param({"svm+cnb"})
    public String learner;

    private List<Article> articles;
    private TrainOptions options;

    @Setup(Level.Trial)
    public void setUp() {
        List<Article> source = BenchmarkTexts.articles(corpus);
        articles = TrainingSets.generate(source, size, SEED);
        options = TrainOptions.builder().folds(folds).learner(learner).build();
        long bytes = 0;
        for (Article a : articles) {
            bytes += TextFiles.utf8Length(a.title()) + TextFiles.utf8Length(a.text());
        }
        System.out.printf("training set: %,d articles from %,d in %s, %,d bytes of text (%,d on average)%n",
                size, source.size(), corpus, bytes, bytes / size);
    }

    @Benchmark
    public TopicModel train() {
        return TopicTrainer.train(articles, options).model();
    }
}
