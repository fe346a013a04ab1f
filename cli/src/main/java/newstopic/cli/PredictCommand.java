package newstopic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;

import newstopic.article.Article;
import newstopic.article.TextFiles;
import newstopic.prediction.Contribution;
import newstopic.prediction.Prediction;
import newstopic.prediction.PredictionJson;
import newstopic.prediction.TopicClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Classifies articles and prints the labels and probabilities. Inputs stream record by record;
 * batches are classified and formatted on every core and written in input order, so memory stays
 * flat and a closed pipe or a full disk stops the run at once.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tag articles from raw pages, CSV, JSON Lines or standard input ('-').",
                "Output: one JSON object per article (default), CSV, or a readable table."})
final class PredictCommand implements Callable<Integer> {

    /** Articles per batch: large enough that handing batches between threads costs nothing. */
    private static final int BATCH = 256;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files, folders, or - for standard input.")
    List<String> inputs;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = {"-f", "--format"}, description = "Output format: jsonl, csv or table. Default: ${DEFAULT-VALUE}.", defaultValue = "jsonl")
    String output;

    @Option(names = "--explain", paramLabel = "N", description = "Also give, per label, the N n-grams that pushed its decision most.", defaultValue = "0")
    int explain;

    @Option(names = "--threads", description = "Classifying threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--timing", description = {
            "After predicting, print one line to standard error: 'timing: load_s=S read_s=S classify_s=S total_s=S docs=N bytes=B'.",
            "load_s is loading the model; read_s the reading thread's time outside handing work over and writing;",
            "classify_s the classifying time summed over threads; total_s reading, classifying and writing, wall clock;",
            "bytes the UTF-8 bytes of title plus text of the articles classified."})
    boolean timing;

    @Override
    public Integer call() throws Exception {
        RowFormat format = switch (output) {
            case "jsonl" -> RowFormat.JSONL;
            case "csv" -> RowFormat.CSV;
            case "table" -> RowFormat.TABLE;
            default -> throw new UserException("unknown --format '" + output + "' (jsonl, csv or table)");
        };
        if (explain < 0) {
            throw new UserException("--explain needs 0 or more, got " + explain);
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new UserException("--threads needs at least 1, got " + workers);
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        TopicClassifier classifier = TopicClassifier.load(model.path());
        long t1 = System.nanoTime();
        Output sink = new Output(out, model.path().toString());
        sink.write(format.header(classifier.labels()));
        AtomicLong classifyNanos = new AtomicLong();
        long[] docs = {0};
        long[] bytes = {0};
        long[] handing = {0};
        try (OrderedBatches<String> batches = new OrderedBatches<>(workers, BATCH, batch -> {
            long start = System.nanoTime();
            StringBuilder sb = new StringBuilder(batch.size() * 256);
            for (Article a : batch) {
                format.append(sb, classifier.classify(a, explain), a, classifier.labels());
            }
            classifyNanos.addAndGet(System.nanoTime() - start);
            return sb.toString();
        }, sink::write)) {
            input.streamUnlabeled(inputs, spec.commandLine().getErr(), a -> {
                long start = System.nanoTime();
                docs[0]++;
                if (timing) {
                    bytes[0] += TextFiles.utf8Length(a.title()) + TextFiles.utf8Length(a.text());
                }
                batches.add(a);
                handing[0] += System.nanoTime() - start;
            });
            long start = System.nanoTime();
            batches.finish();
            handing[0] += System.nanoTime() - start;
        }
        sink.flush();
        long t2 = System.nanoTime();
        if (docs[0] == 0) {
            throw new UserException("no articles found in " + String.join(", ", inputs));
        }
        if (timing) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(String.format(java.util.Locale.ROOT,
                    "timing: load_s=%.6f read_s=%.6f classify_s=%.6f total_s=%.6f docs=%d bytes=%d",
                    (t1 - t0) / 1e9, (t2 - t1 - handing[0]) / 1e9, classifyNanos.get() / 1e9, (t2 - t1) / 1e9, docs[0], bytes[0]));
            err.flush();
        }
        return 0;
    }

    /**
     * Standard output that fails loudly: a write that did not happen (closed pipe, full disk)
     * stops the command instead of being dropped, as a PrintWriter would drop it. Not thread-safe.
     */
    static final class Output {
        private final PrintWriter out;
        private final String what;

        Output(PrintWriter out, String what) {
            this.out = out;
            this.what = what;
        }

        void write(String text) {
            out.write(text);
            if (out.checkError()) { // flushes: every batch reaches the stream or fails here
                throw new OutputException("cannot write the predictions to standard output (closed pipe or full disk?)");
            }
        }

        void flush() {
            write("");
        }
    }

    /** How predictions are written. Stateless and thread-safe. */
    enum RowFormat {
        JSONL {
            @Override
            void append(StringBuilder sb, Prediction p, Article a, List<String> labels) {
                PredictionJson.appendRow(sb, p, a.source().toString());
                sb.append('\n');
            }
        },
        CSV {
            private final CSVFormat csv = CSVFormat.RFC4180;

            @Override
            String header(List<String> labels) {
                List<String> header = new ArrayList<>(List.of("id", "title", "labels"));
                labels.forEach(l -> header.add(l + "_score"));
                return line(header);
            }

            @Override
            void append(StringBuilder sb, Prediction p, Article a, List<String> labels) {
                List<String> row = new ArrayList<>(List.of(p.id(), p.title(), String.join(";", p.labels())));
                StringBuilder number = new StringBuilder(8);
                for (String l : labels) {
                    number.setLength(0);
                    PredictionJson.appendFourDecimals(number, p.probabilities().get(l));
                    row.add(number.toString());
                }
                sb.append(line(row));
            }

            private String line(List<String> values) {
                StringBuilder sb = new StringBuilder();
                try {
                    csv.printRecord(sb, values.toArray());
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // a StringBuilder does not fail
                }
                return sb.toString();
            }
        },
        TABLE {
            @Override
            String header(List<String> labels) {
                StringBuilder head = new StringBuilder("%-28s".formatted("labels"));
                labels.forEach(l -> head.append(" %10s".formatted(l)));
                return head.append("  title").append(System.lineSeparator()).toString();
            }

            @Override
            void append(StringBuilder sb, Prediction p, Article a, List<String> labels) {
                sb.append("%-28s".formatted(p.labels().isEmpty() ? "-" : String.join(",", p.labels())));
                labels.forEach(l -> sb.append(" %10.3f".formatted(p.probabilities().get(l))));
                String title = p.title().length() > 70 ? p.title().substring(0, 67) + "..." : p.title();
                sb.append("  ").append(title).append(System.lineSeparator());
                for (Map.Entry<String, List<Contribution>> e : p.explanations().entrySet()) {
                    StringBuilder why = new StringBuilder("    " + e.getKey() + ": ");
                    for (Contribution c : e.getValue()) {
                        why.append("%s (%+.3f) ".formatted(c.ngram(), c.weight()));
                    }
                    sb.append(why.toString().stripTrailing()).append(System.lineSeparator());
                }
            }
        };

        String header(List<String> labels) {
            return "";
        }

        abstract void append(StringBuilder sb, Prediction p, Article a, List<String> labels);
    }
}
