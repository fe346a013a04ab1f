package newstopic.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newstopic.Version;
import newstopic.article.Article;
import newstopic.article.ArticleInputs;
import newstopic.evaluation.CvReport;
import newstopic.features.FeatureNames;
import newstopic.features.Featurizer;
import newstopic.io.Sha256;
import newstopic.model.FeatureWeight;
import newstopic.model.Mode;
import newstopic.model.ModelHeader;
import newstopic.model.Provenance;
import newstopic.model.TopicModel;
import newstopic.train.corpus.LabelSet;
import newstopic.train.learn.BinaryLearner;
import newstopic.train.learn.Learners;
import newstopic.train.learn.LinearWeights;

/**
 * Puts a trained model together: the weights laid out feature-major, the decision rule, the
 * learner's settings, the cross-validation report, the strongest features and the provenance (each
 * input file with its SHA-256). Stateless and thread-safe.
 */
final class ModelAssembler {

    private ModelAssembler() {
    }

    static TopicModel assemble(Featurizer featurizer, LinearWeights[] weights, DecisionTuning.Tuned decisions,
                               BinaryLearner learner, CvReport cv, LabelSet labels, List<Article> articles,
                               List<Article> calibration, TrainOptions options) {
        int l = labels.size();
        int dim = featurizer.dimension();
        float[] w = new float[Math.multiplyExact(dim, l)];
        float[] bias = new float[l];
        for (int k = 0; k < l; k++) {
            bias[k] = weights[k].b();
            float[] wk = weights[k].w();
            for (int f = 0; f < dim; f++) {
                w[f * l + k] = wk[f];
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < l; k++) {
            counts.put(labels.labels().get(k), labels.positives(k));
        }
        Map<String, Object> hyper = new LinkedHashMap<>(learner.hyperparameters());
        hyper.put("learner", Learners.describe(learner));
        hyper.put("folds", options.folds());
        hyper.put("repeats", options.repeats());
        if (!calibration.isEmpty()) {
            // the decision rule's own provenance: which held-out articles fitted it
            hyper.put("decisionsFittedOn", inputFiles(calibration));
        }
        Provenance provenance = new Provenance(Instant.now().toString(), Version.get(), System.getProperty("java.version"),
                options.command(), options.seed(), inputFiles(articles), articles.size(), counts);
        boolean shortText = options.mode() == Mode.MULTI && options.shortText() > 0;
        ModelHeader header = ModelHeader.builder(labels.labels(), featurizer.config())
                .mode(options.mode())
                .thresholds(decisions.thresholds())
                .calibration(decisions.calibration())
                .learner(learner.name(), hyper)
                .provenance(provenance)
                .metrics(cv)
                .topFeatures(topFeatures(labels.labels(), featurizer, weights, articles))
                .headlineRule(decisions.anyHeadline() ? options.headlineRule() : 0,
                        decisions.anyHeadline() ? decisions.headlineThresholds() : null)
                .sentenceRule(decisions.anySentence() ? options.sentenceRule() : 0,
                        decisions.anySentence() ? decisions.sentenceWeights() : null)
                .shortText(shortText ? options.shortText() : 0, shortText ? decisions.shortThresholds() : null)
                .build();
        return new TopicModel(header, featurizer, w, bias);
    }

    /** Each file the articles came from, with its SHA-256 and article count, and the labels sidecars of raw pages. */
    static List<Provenance.InputFile> inputFiles(List<Article> articles) {
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (Article a : articles) {
            perFile.merge(a.source().file(), 1, Integer::sum);
        }
        List<Provenance.InputFile> out = new ArrayList<>();
        Set<Path> sidecars = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> e : perFile.entrySet()) {
            Path p = Path.of(e.getKey());
            boolean file = !e.getKey().startsWith("<") && Files.isRegularFile(p);
            out.add(new Provenance.InputFile(e.getKey(), file ? sha256(p) : "", e.getValue()));
            Path sidecar = p.resolveSibling(ArticleInputs.SIDECAR);
            if (file && !p.getFileName().toString().equals(ArticleInputs.SIDECAR) && Files.isRegularFile(sidecar)
                    && !perFile.containsKey(sidecar.toString())) {
                sidecars.add(sidecar);
            }
        }
        for (Path sidecar : sidecars) {
            out.add(new Provenance.InputFile(sidecar.toString(), sha256(sidecar), 0));
        }
        return out;
    }

    private static String sha256(Path p) {
        try {
            return Sha256.hex(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per label the 15 most positive and 10 most negative weights, named in words. */
    private static Map<String, List<FeatureWeight>> topFeatures(List<String> labels, Featurizer featurizer,
                                                               LinearWeights[] weights, List<Article> articles) {
        List<int[]> chosen = new ArrayList<>();
        Set<Integer> wanted = new HashSet<>();
        for (LinearWeights lw : weights) {
            int[] top = extremes(lw.w(), 15, 10);
            chosen.add(top);
            for (int f : top) {
                wanted.add(f);
            }
        }
        Map<Integer, String> names = FeatureNames.of(featurizer, wanted, articles);
        Map<String, List<FeatureWeight>> out = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            List<FeatureWeight> list = new ArrayList<>();
            for (int f : chosen.get(k)) {
                list.add(new FeatureWeight(FeatureNames.nameOf(names, f), weights[k].w()[f]));
            }
            out.put(labels.get(k), list);
        }
        return out;
    }

    /** Indices of the {@code top} largest then the {@code bottom} smallest values. */
    static int[] extremes(float[] w, int top, int bottom) {
        Integer[] idx = new Integer[w.length];
        for (int i = 0; i < w.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Float.compare(w[b], w[a]));
        int t = Math.min(top, w.length);
        int b = Math.min(bottom, w.length - t);
        int[] out = new int[t + b];
        for (int i = 0; i < t; i++) {
            out[i] = idx[i];
        }
        for (int i = 0; i < b; i++) {
            out[t + i] = idx[w.length - 1 - i];
        }
        return out;
    }
}
