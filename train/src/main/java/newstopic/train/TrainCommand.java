package newstopic.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import newstopic.article.Article;
import newstopic.article.ArticleInputs;
import newstopic.article.ReadResult;
import newstopic.features.FeaturizerConfig;
import newstopic.model.Mode;
import newstopic.model.ModelFile;
import newstopic.model.Provenance;
import newstopic.text.AnalyzerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Trains a model from labeled articles and writes it. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a topic model from labeled articles (CSV, JSON Lines, or raw pages with a labels.csv).",
                "With no INPUT, trains on the bundled corpus (data/corpus)."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Labeled files or folders (default: the bundled data/corpus).")
    List<String> inputs;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--labels", split = ",", paramLabel = "LABEL", description = "The label vocabulary; any other label in the input is an error (default: the labels found).")
    List<String> labels;

    @Option(names = "--mode", description = "multi (each label on its own, possibly none) or single (exactly one label per article). Default: ${DEFAULT-VALUE}.", defaultValue = "multi")
    String mode;

    @Option(names = "--learner", description = "svm+cnb (SVM and complement naive Bayes averaged), svm, nbsvm, svm+nb, logreg, maxent, nb, cnb, or auto (picked by cross-validation). Default: ${DEFAULT-VALUE}.", defaultValue = "svm+cnb")
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

    @Option(names = "--title-weight", description = "How much a headline word counts against a body word. Default: ${DEFAULT-VALUE}.", defaultValue = "2")
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

    @Option(names = "--seed", description = "Seed for folds and learners. Default: ${DEFAULT-VALUE}.", defaultValue = "42")
    long seed;

    @Option(names = "--threads", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--near-duplicate", description = "Shingle similarity from which two articles are copies kept in one fold. Default: ${DEFAULT-VALUE}.", defaultValue = "0.8")
    double nearDuplicate;

    @Option(names = "--headline-rule", paramLabel = "CHARS", description = "Multi-label: in articles whose text has at least CHARS characters, a label also applies when the headline alone earns it (0: off). Default: ${DEFAULT-VALUE}.", defaultValue = "600")
    int headlineRule;

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
        List<String> in = inputs == null ? List.of(InputOptions.bundledData("corpus").toString()) : inputs;
        long start = System.nanoTime();
        ReadResult read = input.read(in, labels == null ? null : java.util.Set.copyOf(labels), log);
        List<Article> articles = read.articles();
        if (articles.isEmpty()) {
            throw new UserException("no articles found in " + String.join(", ", in));
        }
        TrainSettings settings = new TrainSettings(labels, parseMode(mode), featurizerConfig(), learner,
                c != null ? c : parseMode(mode) == Mode.MULTI ? 0.25 : 0.5, nbAlpha,
                balanced(), folds, seed,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), nearDuplicate,
                headlineRule);
        log.printf("training on %d articles from %s%n", articles.size(), String.join(", ", in));
        Trainer.Result result = new Trainer(settings, new Progress(quiet), log)
                .train(articles, provenance(in, articles), "newstopic train " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        ModelFile.write(result.model(), target);
        if (!quiet) {
            Reports.printCv(result.cv(), result.model().header().labels(), out);
            out.printf("model written to %s (%d features, %.1f s)%n", target, result.model().featurizer().dimension(),
                    (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }

    private boolean balanced() {
        if (classWeight == null) {
            return parseMode(mode) == Mode.MULTI;
        }
        return switch (classWeight) {
            case "balanced" -> true;
            case "none" -> false;
            default -> throw new UserException("unknown --class-weight '" + classWeight + "' (balanced or none)");
        };
    }

    static Mode parseMode(String mode) {
        return switch (mode) {
            case "multi" -> Mode.MULTI;
            case "single" -> Mode.SINGLE;
            default -> throw new UserException("unknown --mode '" + mode + "' (multi or single)");
        };
    }

    private FeaturizerConfig featurizerConfig() {
        FeaturizerConfig.Kind kind = switch (features) {
            case "tfidf" -> FeaturizerConfig.Kind.TFIDF;
            case "hashing" -> FeaturizerConfig.Kind.HASHING;
            default -> throw new UserException("unknown --features '" + features + "' (tfidf or hashing)");
        };
        try {
            AnalyzerConfig analyzer = AnalyzerConfig.DEFAULT.withStopWords(stopWords).withStem(stem);
            return new FeaturizerConfig(kind, analyzer, ngrams, hashBits, true, minDf, maxDf, maxFeatures, !noSublinear,
                    true, titleWeight);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** Each input file with its SHA-256 and how many of the articles came from it. */
    private static List<Provenance.InputFile> provenance(List<String> inputs, List<Article> articles) throws IOException {
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (Article a : articles) {
            perFile.merge(a.source().file(), 1, Integer::sum);
        }
        List<Provenance.InputFile> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : perFile.entrySet()) {
            Path p = Path.of(e.getKey());
            String sha = e.getKey().equals("<stdin>") || !Files.isRegularFile(p) ? "" : sha256(p);
            out.add(new Provenance.InputFile(e.getKey(), sha, e.getValue()));
        }
        for (String input : inputs) {
            Path sidecar = Path.of(input).resolve(ArticleInputs.SIDECAR);
            if (Files.isDirectory(Path.of(input)) && Files.isRegularFile(sidecar)) {
                out.add(new Provenance.InputFile(sidecar.toString(), sha256(sidecar), 0));
            }
        }
        return out;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
