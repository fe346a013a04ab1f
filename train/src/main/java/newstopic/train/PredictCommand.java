package newstopic.train;

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
            "load_s is loading the model, read_s reading the inputs, classify_s the classify loop alone (one thread,",
            "no output), bytes the UTF-8 bytes of title plus text of the articles classified."})
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
        List<Prediction> predictions = new ArrayList<>(read.articles().size());
        for (Article a : read.articles()) {
            predictions.add(classifier.classify(a, explain));
        }
        long t3 = System.nanoTime();
        if (timing) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(timingLine(t1 - t0, t2 - t1, t3 - t2, read.articles()));
            err.flush();
        }
        switch (output) {
            case "jsonl" -> jsonl(predictions, read.articles(), out);
            case "csv" -> csv(predictions, classifier.labels(), out);
            default -> table(predictions, classifier.labels(), out);
        }
        out.flush();
        return 0;
    }

    /** The {@code --timing} line; bytes are counted here, outside the timed loop. */
    static String timingLine(long loadNanos, long readNanos, long classifyNanos, List<Article> articles) {
        long bytes = 0;
        for (Article a : articles) {
            bytes += utf8Length(a.title()) + utf8Length(a.text());
        }
        return String.format(java.util.Locale.ROOT, "timing: load_s=%.6f read_s=%.6f classify_s=%.6f docs=%d bytes=%d",
                loadNanos / 1e9, readNanos / 1e9, classifyNanos / 1e9, articles.size(), bytes);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static void jsonl(List<Prediction> predictions, List<Article> articles, PrintWriter out) {
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("title", p.title());
            row.put("labels", p.labels());
            row.put("scores", rounded(p.probabilities()));
            row.put("source", articles.get(i).source().toString());
            if (!p.explanations().isEmpty()) {
                Map<String, List<Map<String, Object>>> why = new LinkedHashMap<>();
                p.explanations().forEach((label, list) -> why.put(label, list.stream()
                        .map(c -> Map.<String, Object>of("ngram", c.ngram(), "weight", fourDecimals(c.weight())))
                        .toList()));
                row.put("explanation", why);
            }
            out.println(JSON.writeValueAsString(row));
        }
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

    private static void csv(List<Prediction> predictions, List<String> labels, PrintWriter out) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "title", "labels"));
        labels.forEach(l -> header.add(l + "_score"));
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Prediction p : predictions) {
                List<Object> row = new ArrayList<>(List.of(p.id(), p.title(), String.join(";", p.labels())));
                labels.forEach(l -> row.add("%.4f".formatted(p.probabilities().get(l))));
                printer.printRecord(row);
            }
        }
    }

    private static void table(List<Prediction> predictions, List<String> labels, PrintWriter out) {
        StringBuilder head = new StringBuilder("%-28s".formatted("labels"));
        labels.forEach(l -> head.append(" %10s".formatted(l)));
        out.println(head.append("  title"));
        for (Prediction p : predictions) {
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
        }
    }
}
