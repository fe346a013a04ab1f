package newstopic.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import newstopic.article.Article;
import newstopic.article.ReadResult;
import newstopic.features.FeaturizerConfig;
import newstopic.model.Mode;
import newstopic.model.ModelFile;
import newstopic.text.AnalyzerConfig;
import newstopic.train.TopicTrainer;
import newstopic.train.TrainOptions;
import newstopic.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Trains a model from labeled articles and writes it. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a topic model from labeled articles (CSV, JSON Lines, or raw pages with a labels.csv).",
                "With no INPUT, trains on the bundled corpus (data/corpus and the raw pages of data/pages)."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Labeled files or folders (default: the bundled data/corpus and data/pages).")
    List<String> inputs;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--labels", split = ",", paramLabel = "LABEL", description = "The label vocabulary; any other label in the input is an error (default: the labels found).")
    List<String> labels;

    @Option(names = "--mode", description = "multi (each label on its own, possibly none) or single (exactly one label per article). Default: ${DEFAULT-VALUE}.", defaultValue = "multi")
    String mode;

    @Option(names = "--learner", description = "svm+cnb (SVM and complement naive Bayes averaged), svm, nbsvm, logreg, maxent, nb, cnb, or auto (picked by cross-validation). Default: ${DEFAULT-VALUE}.", defaultValue = "svm+cnb")
    String learner;

    @Option(names = "--C", description = "SVM regularization: larger fits the training data more closely. Default: 0.25 for --mode multi (generalizes best to news unlike the training set), 0.5 for single.")
    Double c;

    @Option(names = "--class-weight", description = "balanced (each label's rare side weighs more) or none. Default: balanced for --mode multi, none for single (classes compete by argmax).")
    String classWeight;

    @Option(names = "--nb-alpha", description = "Naive Bayes smoothing (nb, cnb and the ensembles). Default: ${DEFAULT-VALUE}.", defaultValue = "0.1")
    double nbAlpha;

    @Option(names = "--features", description = "tfidf (fitted vocabulary) or hashing. Default: ${DEFAULT-VALUE}.", defaultValue = "tfidf")
    String features;

    @Option(names = "--ngrams", description = "Word n-grams from 1 to N (1-3). Default: ${DEFAULT-VALUE}.", defaultValue = "2")
    int ngrams;

    @Option(names = "--min-df", description = "tfidf: keep n-grams in at least this many articles. Default: ${DEFAULT-VALUE}.", defaultValue = "2")
    int minDf;

    @Option(names = "--max-df", description = "tfidf: drop n-grams in more than this share of articles. Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double maxDf;

    @Option(names = "--max-features", description = "tfidf: keep at most this many n-grams (0: all). Default: ${DEFAULT-VALUE}.", defaultValue = "0")
    int maxFeatures;

    @Option(names = "--hash-bits", description = "hashing: 2^BITS buckets. Default: ${DEFAULT-VALUE}.", defaultValue = "20")
    int hashBits;

    @Option(names = "--title-weight", description = "How much a headline word counts against a body word. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    float titleWeight;

    @Option(names = "--no-sublinear", description = "Use raw term counts instead of 1 + ln(count).")
    boolean noSublinear;

    @Option(names = "--stop-words", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Drop English stop words (default; --no-stop-words keeps them).")
    boolean stopWords;

    @Option(names = "--stem", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Porter-stem words (default; --no-stem keeps them whole).")
    boolean stem;

    @Option(names = "--cv", paramLabel = "K", description = "Cross-validation folds for calibration, thresholds and metrics. Default: ${DEFAULT-VALUE}.", defaultValue = "5")
    int folds;

    @Option(names = "--cv-repeats", paramLabel = "R", description = "Times cross-validation runs, each time with other folds, pooled for calibration, thresholds and metrics: one run's thresholds move with its folds. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    int cvRepeats;

    @Option(names = "--seed", description = "Seed for folds and learners. Default: ${DEFAULT-VALUE}.", defaultValue = "42")
    long seed;

    @Option(names = "--threads", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--near-duplicate", description = "Shingle similarity from which two articles are copies kept in one fold. Default: ${DEFAULT-VALUE}.", defaultValue = "0.8")
    double nearDuplicate;

    @Option(names = "--headline-rule", paramLabel = "CHARS", description = "Multi-label: in articles whose text has at least CHARS characters, a label also applies when the headline alone earns it, for the labels where cross-validation says this helps (0: off). Default: ${DEFAULT-VALUE}.", defaultValue = "600")
    int headlineRule;

    @Option(names = "--sentence-rule", paramLabel = "N", description = "Multi-label: in articles of at least N sentences, a label's probability also weighs its two best sentences scored alone (the guide's \"a couple of sentences develop it\"), for the labels where cross-validation says this helps (0: off). Default: ${DEFAULT-VALUE}.", defaultValue = "5")
    int sentenceRule;

    @Option(names = "--short-text", paramLabel = "CHARS", description = "Multi-label: texts of fewer than CHARS characters (briefs, headlines with a line) get thresholds of their own, the lowest of those cross-validation cannot tell from the best; longer texts get the middle ones (0: one threshold for all). Default: ${DEFAULT-VALUE}.", defaultValue = "600")
    int shortText;

    @Option(names = "--long-learner", paramLabel = "LEARNER", description = "Multi-label with --short-text: texts of CHARS characters or more are decided by a model of this learner, with its own calibration, thresholds and rules, when cross-validation says it decides them better than --learner's (none: one model for every text). Default: ${DEFAULT-VALUE}.", defaultValue = "nbsvm")
    String longLearner;

    @Option(names = "--calibrate-on", paramLabel = "FILE", split = ",",
            description = {"Labeled articles of your own, held out from training, on which each label's calibration, threshold, headline and sentence rules are fitted",
                    "instead of on the corpus folds: what a few hundred real articles know better than a clean training corpus."})
    List<String> calibrateOn;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars or notes; only errors.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter log = quiet ? new PrintWriter(PrintWriter.nullWriter()) : err;
        Path target = model.path();
        if (model.isDefault()) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } else if (target.toAbsolutePath().getParent() == null || !Files.isDirectory(target.toAbsolutePath().getParent())) {
            throw new UserException(target + ": the folder for the model does not exist");
        }
        List<String> in = inputs == null ? newstopic.Home.bundledCorpus() : inputs;
        long start = System.nanoTime();
        ReadResult read = input.read(in, labels == null ? null : java.util.Set.copyOf(labels), log);
        List<Article> articles = read.articles();
        if (articles.isEmpty()) {
            throw new UserException("no articles found in " + String.join(", ", in));
        }
        TrainOptions options = options(in);
        log.printf("training on %d articles from %s%n", articles.size(), String.join(", ", in));
        List<Article> calibration = calibrateOn == null ? List.of()
                : input.read(calibrateOn, labels == null ? null : java.util.Set.copyOf(labels), log).articles();
        if (calibrateOn != null && calibration.isEmpty()) {
            throw new UserException("no articles found in " + String.join(", ", calibrateOn) + " (--calibrate-on)");
        }
        TrainingResult result = TopicTrainer.train(articles, calibration, options, new Progress(quiet, log));
        ModelFile.write(result.model(), target);
        if (!quiet) {
            Reports.printCv(result.cv(), result.model().header().labels(), out);
            out.printf("model written to %s (%d features, %.1f s)%n", target, result.model().featurizer().dimension(),
                    (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }

    /** The training options from the command line; a bad value is named as its option. */
    private TrainOptions options(List<String> in) {
        TrainOptions.Builder b = TrainOptions.builder()
                .labels(labels)
                .mode(parseMode(mode))
                .featurizer(featurizerConfig())
                .learner(learner)
                .nbAlpha(nbAlpha)
                .folds(folds)
                .repeats(cvRepeats)
                .seed(seed)
                .nearDuplicate(nearDuplicate)
                .headlineRule(headlineRule)
                .sentenceRule(sentenceRule)
                .shortText(shortText)
                .longLearner(longLearner)
                .command(Main.commandLine(spec));
        if (c != null) {
            b.c(c);
        }
        if (threads != null) {
            b.threads(threads);
        }
        if (classWeight != null) {
            b.balanced(switch (classWeight) {
                case "balanced" -> true;
                case "none" -> false;
                default -> throw new UserException("unknown --class-weight '" + classWeight + "' (balanced or none)");
            });
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    static Mode parseMode(String mode) {
        return switch (mode) {
            case "multi" -> Mode.MULTI;
            case "single" -> Mode.SINGLE;
            default -> throw new UserException("unknown --mode '" + mode + "' (multi or single)");
        };
    }

    private FeaturizerConfig featurizerConfig() {
        FeaturizerConfig.Kind kind;
        try {
            kind = FeaturizerConfig.Kind.valueOf(features.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown --features '" + features + "' (one of "
                    + String.join(", ", java.util.Arrays.stream(FeaturizerConfig.Kind.values())
                            .map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList()) + ")");
        }
        try {
            AnalyzerConfig analyzer = AnalyzerConfig.DEFAULT.withStopWords(stopWords).withStem(stem);
            return new FeaturizerConfig(kind, analyzer, ngrams, hashBits, true, minDf, maxDf, maxFeatures, !noSublinear,
                    true, titleWeight);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
