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
        for (int k = 0; k < h.labels().size(); k++) {
            String shortCut = h.shortThresholds() == null ? ""
                    : " (%.3f under %d characters)".formatted(h.shortThresholds().get(k), h.shortText());
            out.printf("  %-10s threshold %.3f%s, calibration a=%.3f b=%.3f%n", h.labels().get(k), h.thresholds().get(k),
                    shortCut, h.calibration().get(k).a(), h.calibration().get(k).b());
        }
        out.printf("features   %s, n-grams 1-%d, %d dimensions, title weight %.1f%n",
                h.featurizer().kind().name().toLowerCase(), h.featurizer().maxNgram(), m.featurizer().dimension(),
                h.featurizer().titleWeight());
        out.printf("learner    %s %s%n", h.learner(), h.hyperparameters());
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
        for (String label : h.labels()) {
            List<FeatureWeight> features = h.topFeatures().getOrDefault(label, List.of());
            out.printf("top features for %s%n  for:     %s%n  against: %s%n", label,
                    join(features.stream().filter(f -> f.weight() > 0).limit(top).toList()),
                    join(features.stream().filter(f -> f.weight() < 0).limit(top).toList()));
        }
        return 0;
    }

    private static String join(List<FeatureWeight> features) {
        return String.join(", ", features.stream().map(f -> "%s %.2f".formatted(f.ngram(), f.weight())).toList());
    }
}
