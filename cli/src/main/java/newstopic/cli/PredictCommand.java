package newstopic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import newstopic.article.Article;
import newstopic.article.ReadResult;
import newstopic.article.TextFiles;
import newstopic.prediction.Contribution;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Classifies articles and prints the labels and probabilities. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tag articles from raw pages, CSV, JSON Lines or standard input ('-').",
                "Output: one JSON object per article (default), CSV, or a readable table."})
final class PredictCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

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

    @Option(names = "--timing", description = {
            "After predicting, print one line to standard error: 'timing: load_s=S read_s=S classify_s=S docs=N bytes=B'.",
            "load_s is loading the model, read_s reading the inputs, classify_s the time spent in classify calls (one thread,",
            "writing excluded), bytes the UTF-8 bytes of title plus text of the articles classified."})
    boolean timing;

    @Override
    public Integer call() throws Exception {
        if (!List.of("jsonl", "csv", "table").contains(output)) {
            throw new UserException("unknown --format '" + output + "' (jsonl, csv or table)");
        }
        if (explain < 0) {
            throw new UserException("--explain needs 0 or more, got " + explain);
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        TopicClassifier classifier = TopicClassifier.load(model.path());
        long t1 = System.nanoTime();
        // predict reads labeled files too, and ignores their labels
        ReadResult read = input.readUnlabeled(inputs, spec.commandLine().getErr());
        long t2 = System.nanoTime();
        // each answer is written as soon as it is made: memory stays flat however many articles
        long classifyNanos = 0;
        try (RowWriter writer = rowWriter(classifier.labels(), out)) {
            for (Article a : read.articles()) {
                long start = System.nanoTime();
                Prediction p = classifier.classify(a, explain);
                classifyNanos += System.nanoTime() - start;
                writer.write(p, a);
            }
        }
        if (timing) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(timingLine(t1 - t0, t2 - t1, classifyNanos, read.articles()));
            err.flush();
        }
        out.flush();
        return 0;
    }

    /** The {@code --timing} line; bytes are counted here, outside the timed loop. */
    static String timingLine(long loadNanos, long readNanos, long classifyNanos, List<Article> articles) {
        long bytes = 0;
        for (Article a : articles) {
            bytes += TextFiles.utf8Length(a.title()) + TextFiles.utf8Length(a.text());
        }
        return String.format(java.util.Locale.ROOT, "timing: load_s=%.6f read_s=%.6f classify_s=%.6f docs=%d bytes=%d",
                loadNanos / 1e9, readNanos / 1e9, classifyNanos / 1e9, articles.size(), bytes);
    }

    /** Writes predictions one by one in an output format. Not thread-safe. */
    private interface RowWriter extends AutoCloseable {
        void write(Prediction p, Article a) throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    private RowWriter rowWriter(List<String> labels, PrintWriter out) throws IOException {
        return switch (output) {
            case "jsonl" -> (p, a) -> out.println(JSON.writeValueAsString(jsonRow(p, a)));
            case "csv" -> csvWriter(labels, out);
            default -> tableWriter(labels, out);
        };
    }

    private static Map<String, Object> jsonRow(Prediction p, Article a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id());
        row.put("title", p.title());
        row.put("labels", p.labels());
        row.put("scores", rounded(p.probabilities()));
        row.put("source", a.source().toString());
        if (!p.explanations().isEmpty()) {
            Map<String, List<Map<String, Object>>> why = new LinkedHashMap<>();
            p.explanations().forEach((label, list) -> why.put(label, list.stream()
                    .map(c -> Map.<String, Object>of("ngram", c.ngram(), "weight", fourDecimals(c.weight())))
                    .toList()));
            row.put("explanation", why);
        }
        return row;
    }

    /** Four decimals, written plainly ({@code 0.0002}, not {@code 2.0E-4}). */
    private static Map<String, BigDecimal> rounded(Map<String, Double> probabilities) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        probabilities.forEach((k, v) -> out.put(k, fourDecimals(v)));
        return out;
    }

    private static BigDecimal fourDecimals(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
    }

    private static RowWriter csvWriter(List<String> labels, PrintWriter out) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "title", "labels"));
        labels.forEach(l -> header.add(l + "_score"));
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        return new RowWriter() {
            @Override
            public void write(Prediction p, Article a) throws IOException {
                List<Object> row = new ArrayList<>(List.of(p.id(), p.title(), String.join(";", p.labels())));
                labels.forEach(l -> row.add("%.4f".formatted(p.probabilities().get(l))));
                printer.printRecord(row);
            }

            @Override
            public void close() throws IOException {
                printer.flush(); // the PrintWriter is the command's: flushed, not closed
            }
        };
    }

    private static RowWriter tableWriter(List<String> labels, PrintWriter out) {
        StringBuilder head = new StringBuilder("%-28s".formatted("labels"));
        labels.forEach(l -> head.append(" %10s".formatted(l)));
        out.println(head.append("  title"));
        return (p, a) -> {
            StringBuilder row = new StringBuilder("%-28s".formatted(p.labels().isEmpty() ? "-" : String.join(",", p.labels())));
            labels.forEach(l -> row.append(" %10.3f".formatted(p.probabilities().get(l))));
            String title = p.title().length() > 70 ? p.title().substring(0, 67) + "..." : p.title();
            out.println(row.append("  ").append(title));
            for (Map.Entry<String, List<Contribution>> e : p.explanations().entrySet()) {
                StringBuilder why = new StringBuilder("    " + e.getKey() + ": ");
                for (Contribution c : e.getValue()) {
                    why.append("%s (%+.3f) ".formatted(c.ngram(), c.weight()));
                }
                out.println(why.toString().stripTrailing());
            }
        };
    }
}
