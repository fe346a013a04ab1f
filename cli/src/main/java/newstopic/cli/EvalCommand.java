package newstopic.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import newstopic.article.Article;
import newstopic.evaluation.Evaluation;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Scores a model against labeled articles. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a model on labeled articles: per-label precision, recall, F1 and support, micro and macro averages.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Labeled files or folders.")
    List<String> inputs;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--report", paramLabel = "DIR", description = "Also write report.json and report.html (with charts) into DIR.")
    Path report;

    @Option(names = "--min-micro-f1", paramLabel = "F1", description = "Exit with code 1 when micro-F1 is below this (for scripts).")
    Double minMicroF1;

    @Option(names = "--threads", description = "Classifying threads. Default: the number of cores.")
    Integer threads;

    /** A batch of articles and their predictions, in order. */
    private record Scored(List<Article> articles, List<Prediction> predictions) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (minMicroF1 != null && !(minMicroF1 >= 0 && minMicroF1 <= 1)) {
            throw new UserException("--min-micro-f1 must be a number from 0 to 1, got " + minMicroF1);
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new UserException("--threads needs at least 1, got " + workers);
        }
        TopicClassifier classifier = TopicClassifier.load(model.path());
        Evaluation.Accumulator accumulator = new Evaluation.Accumulator(classifier.labels(), classifier.header().mode(),
                classifier.header().thresholds());
        try (OrderedBatches<Scored> batches = new OrderedBatches<>(workers, 256, batch -> {
            List<Prediction> predictions = new ArrayList<>(batch.size());
            for (Article a : batch) {
                predictions.add(classifier.classify(a));
            }
            return new Scored(batch, predictions);
        }, scored -> {
            for (int i = 0; i < scored.articles().size(); i++) {
                accumulator.add(scored.articles().get(i), scored.predictions().get(i));
            }
        })) {
            input.stream(inputs, Set.copyOf(classifier.labels()), spec.commandLine().getErr(), batches::add);
            batches.finish();
        }
        if (accumulator.size() == 0) {
            throw new UserException("no articles found in " + String.join(", ", inputs));
        }
        Evaluation evaluation = accumulator.result();
        Reports.printEvaluation(evaluation, out);
        if (report != null) {
            Reports.write(evaluation, model.path().toString(), report);
            out.printf("report written to %s%n", report.resolve("report.html"));
        }
        if (minMicroF1 != null && evaluation.micro().f1() < minMicroF1) {
            spec.commandLine().getErr().printf("newstopic: micro-F1 %.3f is below %.3f%n", evaluation.micro().f1(), minMicroF1);
            return 1;
        }
        return 0;
    }
}
