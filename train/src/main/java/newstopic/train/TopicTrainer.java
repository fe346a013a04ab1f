package newstopic.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import newstopic.article.Article;
import newstopic.evaluation.CvReport;
import newstopic.evaluation.LabelMetrics;
import newstopic.features.Featurizer;
import newstopic.features.SparseVector;
import newstopic.model.TopicModel;
import newstopic.prediction.DecisionPolicy;
import newstopic.train.corpus.LabelSet;
import newstopic.train.corpus.NearDuplicateGroups;
import newstopic.train.learn.BinaryLearner;
import newstopic.train.learn.Learners;
import newstopic.train.learn.LinearWeights;
import newstopic.train.learn.TrainingSet;

/**
 * Trains a topic model from labeled articles in one call: it checks the labels, keeps
 * near-duplicate articles in one fold, cross-validates {@link TrainOptions#repeats()} times with
 * other folds each time, pooling the runs (choosing between candidate learners when
 * the learner names several), calibrates each label on out-of-fold margins, chooses the decision
 * rule that {@link newstopic.prediction.TopicClassifier} will serve, gives the texts that are not
 * short a model of the {@link TrainOptions#longLearner()} when it decides them better on the same
 * folds, scores it all fold by fold, fits the final model on everything and records how it was made.
 *
 * <pre>{@code
 * List<Article> articles = ...;   // labeled, e.g. from newstopic.article.ArticleInputs
 * TrainingResult result = TopicTrainer.train(articles, TrainOptions.builder().build(), TrainingListener.NONE);
 * ModelFile.write(result.model(), Path.of("my.model"));
 * }</pre>
 *
 * Stateless and thread-safe: each call uses its own {@link TrainOptions#threads()} workers.
 */
public final class TopicTrainer {

    private TopicTrainer() {
    }

    /** Trains with the given options, reporting nothing. */
    public static TrainingResult train(List<Article> articles, TrainOptions options) {
        return train(articles, options, TrainingListener.NONE);
    }

    /**
     * Trains a model; calibration and thresholds come from cross-validation on the articles.
     *
     * @throws TrainingException when the articles cannot train a model (the message names the article)
     */
    public static TrainingResult train(List<Article> articles, TrainOptions options, TrainingListener listener) {
        return train(articles, List.of(), options, listener);
    }

    /**
     * Trains a model on {@code articles}, and, when {@code calibration} holds labeled articles,
     * fits each label's calibration, threshold and headline rule on them instead: a few hundred
     * of the user's own real articles teach the decision what the cleaner training corpus cannot.
     * The stored cross-validation metrics then score the corpus folds with that served rule.
     *
     * @throws TrainingException when the articles cannot train a model, or a calibration article
     *                           is unlabeled or carries a label the model lacks
     */
    public static TrainingResult train(List<Article> articles, List<Article> calibration, TrainOptions options,
                                       TrainingListener listener) {
        LabelSet labels = LabelSet.of(articles, options.labels(), options.mode(), options.folds());
        listener.stepStarted("finding near-duplicates", 0);
        NearDuplicateGroups groups = NearDuplicateGroups.find(articles, options.nearDuplicate());
        listener.stepFinished();
        if (groups.groups() > 0) {
            listener.note("%d group(s) of near-duplicate articles (%d articles) are kept within single folds"
                    .formatted(groups.groups(), groups.copies()));
        }
        String[] signature = articles.stream().map(a -> String.join(";", a.labels())).toArray(String[]::new);
        int runs = options.repeats();
        RepeatedFolds folds = RepeatedFolds.assign(groups.groupOf(), signature, labels.truth(), options);
        int[] fold = folds.pooled();
        boolean[][] truth = folds.truth();
        boolean[] shortText = shortTexts(articles, runs, options);

        Learners.Settings settings = new Learners.Settings(options.c(), options.balanced(), options.nbAlpha());
        List<BinaryLearner> candidates = Learners.candidates(options.learner(), settings);
        // the long-text learner is cross-validated on the same folds, after the candidates
        List<BinaryLearner> crossValidated = new ArrayList<>(candidates);
        if (options.routesLongTexts()) {
            crossValidated.add(Learners.candidates(options.longLearner(), settings).getFirst());
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<List<CrossValidation.Margins>> runsOf = new ArrayList<>();
            crossValidated.forEach(c -> runsOf.add(new ArrayList<>()));
            for (int r = 0; r < runs; r++) {
                CrossValidation cv = new CrossValidation(articles, folds.run(r), labels.truth(), options, pool, listener);
                cv.featurizeFolds();
                for (int c = 0; c < crossValidated.size(); c++) {
                    runsOf.get(c).add(cv.outOfFold(crossValidated.get(c)));
                }
                cv.release(); // free each run's fold features before the next, and before the final fit
            }
            Map<String, Double> scores = new LinkedHashMap<>();
            BinaryLearner best = null;
            DecisionTuning.Tuned bestDecisions = null;
            CrossValidation.Margins bestOof = null;
            boolean[][] bestPredicted = null;
            List<List<LabelMetrics>> bestFolds = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates.size(); c++) {
                BinaryLearner learner = candidates.get(c);
                CrossValidation.Margins oof = CrossValidation.Margins.concat(runsOf.get(c));
                DecisionTuning.Tuned decisions = DecisionTuning.tune(oof, truth, labels.labels(), options.mode(), articles.size());
                boolean[][] predicted = CvScoring.predictions(oof, decisions.scores(), truth, fold, runs * options.folds(),
                        labels.size(), options.mode(), shortText);
                List<List<LabelMetrics>> perFold = CvScoring.metrics(predicted, truth, fold, runs * options.folds(), labels.labels());
                double score = CvScoring.score(perFold, options.mode());
                if (candidates.size() > 1) {
                    scores.put(Learners.describe(learner), score);
                    listener.note("%-12s %s %.4f".formatted(Learners.describe(learner),
                            options.mode() == newstopic.model.Mode.SINGLE ? "accuracy" : "micro-F1", score));
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = learner;
                    bestDecisions = decisions;
                    bestOof = oof;
                    bestPredicted = predicted;
                    bestFolds = perFold;
                }
            }

            LongTexts longTexts = null;
            if (options.routesLongTexts()) {
                longTexts = LongTexts.crossValidated(crossValidated.getLast(), runsOf.getLast(), bestPredicted, truth, fold,
                        runs * options.folds(), labels.labels(), options, shortText, listener);
                if (longTexts != null) {
                    bestFolds = longTexts.perFold();
                }
            }

            Featurizer featurizer = CrossValidation.fitFeaturizer(articles, null, options.featurizer());
            listener.stepStarted("featurizing", articles.size());
            SparseVector[] x = Parallel.featurize(featurizer, articles, false, null, options.threads(), pool, listener);
            listener.stepFinished();
            LinearWeights[] weights = fitLabels(best, x, labels, featurizer.dimension(), options, pool, listener);
            LinearWeights[] longWeights = longTexts == null ? null
                    : fitLabels(longTexts.learner(), x, labels, featurizer.dimension(), options, pool, listener);
            if (!calibration.isEmpty()) {
                boolean[][] heldTruth = HeldOutCalibration.truth(calibration, labels.labels());
                CrossValidation.Margins held = HeldOutCalibration.margins(featurizer, weights, calibration, options);
                bestDecisions = DecisionTuning.tune(held, heldTruth, labels.labels(), options.mode(), calibration.size());
                boolean[][] served = CvScoring.predictionsAsServed(bestOof, bestDecisions, labels.size(), options.mode(), shortText);
                if (longTexts != null) {
                    longTexts = longTexts.calibratedOn(calibration, featurizer, longWeights, labels.labels(), options, listener);
                    served = CvScoring.routed(served, CvScoring.predictionsAsServed(longTexts.oof(), longTexts.decisions(),
                            labels.size(), options.mode(), null), longTexts.rows());
                }
                bestFolds = CvScoring.metrics(served, truth, fold, runs * options.folds(), labels.labels());
                listener.note("decisions fitted on %d calibration articles instead of the corpus folds".formatted(calibration.size()));
            }
            bestDecisions.notes().forEach(listener::note);
            if (longTexts != null) {
                longTexts.decisions().notes().forEach(n -> listener.note("texts of %d+ characters: %s".formatted(options.shortText(), n)));
            }
            String learnerUsed = Learners.describe(best) + (longTexts == null ? ""
                    : ", %s for texts of %d+ characters".formatted(Learners.describe(longTexts.learner()), options.shortText()));
            CvReport report = CvScoring.report(bestFolds, runs, labels.truth(), labels.labels(), options.mode(),
                    learnerUsed, scores, groups.groups());
            TopicModel longModel = longTexts == null ? null : ModelAssembler.assemble(featurizer, longWeights,
                    longTexts.decisions(), longTexts.learner(), null, labels, articles, longTexts.fittedOn(),
                    options.toBuilder().shortText(0).build());
            // a headline rule for texts no shorter than the long-text length can never fire in the main model
            TrainOptions mainOptions = options;
            if (longModel != null && options.headlineRule() >= options.shortText() && bestDecisions.anyHeadline()) {
                mainOptions = options.toBuilder().headlineRule(0).build();
                listener.note("headline rule of texts under %d characters: off, it applies from %d characters"
                        .formatted(options.shortText(), options.headlineRule()));
            }
            TopicModel model = ModelAssembler.assemble(featurizer, weights, bestDecisions, best, report, labels,
                    articles, calibration, mainOptions);
            return new TrainingResult(longModel == null ? model : model.withLongTexts(longModel), report);
        } finally {
            pool.shutdownNow();
        }
    }

    private static LinearWeights[] fitLabels(BinaryLearner learner, SparseVector[] x, LabelSet labels, int dim,
                                             TrainOptions options, ExecutorService pool, TrainingListener listener) {
        LinearWeights[] out = new LinearWeights[labels.size()];
        listener.stepStarted("fitting " + Learners.describe(learner), labels.size());
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            int label = k;
            tasks.add(() -> {
                out[label] = learner.fit(new TrainingSet(x, labels.truth()[label], dim), options.seed() + label);
                listener.advanced(1);
                return null;
            });
        }
        Parallel.runAll(pool, tasks);
        listener.stepFinished();
        return out;
    }

    /**
     * Per pooled row (every run's articles, one run after the other), whether its text is short
     * enough for the short-text thresholds; null when they are off.
     */
    private static boolean[] shortTexts(List<Article> articles, int runs, TrainOptions options) {
        if (options.mode() != newstopic.model.Mode.MULTI || options.shortText() == 0) {
            return null;
        }
        boolean[] out = new boolean[runs * articles.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = DecisionPolicy.isShort(articles.get(i % articles.size()).text(), options.shortText());
        }
        return out;
    }
}
