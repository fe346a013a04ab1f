package newstopic.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import newstopic.evaluation.CvReport;
import newstopic.model.FeatureWeight;
import newstopic.model.ModelFile;
import newstopic.model.ModelHeader;
import newstopic.model.Provenance;
import newstopic.model.SentenceWeights;
import newstopic.model.TopicModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Describes a model: how it was made and what it learned. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a model's labels, thresholds, settings, provenance, cross-validation results and top features.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--json", description = "Print the whole model header as JSON.")
    boolean json;

    @Option(names = "--top", description = "Features to list per label and direction. Default: ${DEFAULT-VALUE}.", defaultValue = "10")
    int top;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TopicModel m = ModelFile.read(model.path());
        if (json) {
            out.println(ModelFile.headerJson(m));
            return 0;
        }
        ModelHeader h = m.header();
        Provenance p = h.provenance();
        out.printf("model      %s%n", model.path());
        out.printf("labels     %s (%s-label)%n", String.join(", ", h.labels()), h.mode().name().toLowerCase());
        out.printf("features   %s, n-grams 1-%d, %d dimensions, title weight %.1f%n",
                h.featurizer().kind().name().toLowerCase(), h.featurizer().maxNgram(), m.featurizer().dimension(),
                h.featurizer().titleWeight());
        TopicModel longTexts = m.longTexts();
        if (longTexts == null) {
            printDecisions(out, h, false);
        } else {
            out.printf("texts under %d characters%n", h.shortText());
            printDecisions(out, h, true);
            out.printf("texts of %d+ characters%n", h.shortText());
            printDecisions(out, longTexts.header(), false);
        }
        out.printf("trained    %s with newstopic %s on Java %s, seed %d%n", p.createdAt(), p.toolVersion(), p.javaVersion(), p.seed());
        out.printf("command    %s%n", p.command());
        out.printf("articles   %d %s%n", p.articles(), p.labelCounts());
        for (Provenance.InputFile f : p.inputs()) {
            out.printf("  %s (%d articles, sha256 %s)%n", f.path(), f.articles(), f.sha256().isEmpty() ? "-" : f.sha256().substring(0, 16) + "...");
        }
        CvReport cv = h.metrics();
        if (cv != null) {
            out.printf("cv         %d folds%s, micro-F1 %s, macro-F1 %s%s%n", cv.folds(),
                    cv.runs() > 1 ? " x " + cv.runs() + " runs" : "", cv.micro(), cv.macro(),
                    cv.accuracy() != null ? ", accuracy " + cv.accuracy() : "");
        }
        printTopFeatures(out, h, longTexts == null ? "" : " (texts under %d characters)".formatted(h.shortText()));
        if (longTexts != null) {
            printTopFeatures(out, longTexts.header(), " (texts of %d+ characters)".formatted(h.shortText()));
        }
        return 0;
    }

    /**
     * The learner and how its probabilities become labels: thresholds, calibration, headline and
     * sentence rules. {@code shortOnly}: the model decides only short texts, so only their
     * thresholds count.
     */
    private static void printDecisions(PrintWriter out, ModelHeader h, boolean shortOnly) {
        out.printf("learner    %s %s%n", h.learner(), h.hyperparameters());
        for (int k = 0; k < h.labels().size(); k++) {
            String threshold = shortOnly ? "%.3f".formatted(h.shortThresholds().get(k))
                    : h.shortThresholds() == null ? "%.3f".formatted(h.thresholds().get(k))
                    : "%.3f (%.3f under %d characters)".formatted(h.thresholds().get(k), h.shortThresholds().get(k), h.shortText());
            out.printf("  %-10s threshold %s, calibration a=%.3f b=%.3f%n", h.labels().get(k), threshold,
                    h.calibration().get(k).a(), h.calibration().get(k).b());
        }
        if (h.headlineRule() > 0) {
            List<String> rule = new java.util.ArrayList<>();
            for (int k = 0; k < h.labels().size(); k++) {
                Double t = h.headlineThresholds() == null ? h.thresholds().get(k) : h.headlineThresholds().get(k);
                if (t != null) {
                    rule.add("%s (%.3f)".formatted(h.labels().get(k), t));
                }
            }
            out.printf("headline   in texts of %d+ characters, a headline alone earns %s%n", h.headlineRule(), String.join(", ", rule));
        }
        if (h.sentenceRule() > 0 && h.sentenceWeights() != null) {
            for (int k = 0; k < h.labels().size(); k++) {
                SentenceWeights w = h.sentenceWeights().get(k);
                if (w != null) {
                    out.printf("sentences  %s in articles of %d+ sentences: logistic(%.3f %+.3f article %+.3f best sentence %+.3f second)%n",
                            h.labels().get(k), h.sentenceRule(), w.bias(), w.article(), w.best(), w.second());
                }
            }
        }
    }

    private void printTopFeatures(PrintWriter out, ModelHeader h, String which) {
        for (String label : h.labels()) {
            List<FeatureWeight> features = h.topFeatures().getOrDefault(label, List.of());
            out.printf("top features for %s%s%n  for:     %s%n  against: %s%n", label, which,
                    join(features.stream().filter(f -> f.weight() > 0).limit(top).toList()),
                    join(features.stream().filter(f -> f.weight() < 0).limit(top).toList()));
        }
    }

    private static String join(List<FeatureWeight> features) {
        return String.join(", ", features.stream().map(f -> "%s %.2f".formatted(f.ngram(), f.weight())).toList());
    }
}
