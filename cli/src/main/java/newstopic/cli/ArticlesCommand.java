package newstopic.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import newstopic.features.Featurizer;
import newstopic.features.FeaturizerConfig;
import newstopic.features.HashingFeaturizer;
import newstopic.features.SparseVector;
import newstopic.features.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints how newstopic reads inputs: each article's parts and its strongest features. */
@Command(name = "articles", mixinStandardHelpOptions = true,
        description = "Show the articles read from inputs (title, captions, paragraphs, labels) and their features.")
final class ArticlesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input = new InputOptions();

    @Parameters(paramLabel = "INPUT", description = "Files or folders (default: the bundled raw pages, data/raw).")
    List<String> inputs;

    @Option(names = "--features", description = "How many features to show per article (default: ${DEFAULT-VALUE}).", defaultValue = "12")
    int features;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> in = inputs == null ? List.of(newstopic.Home.bundledData("raw").toString()) : inputs;
        Featurizer featurizer = new HashingFeaturizer(FeaturizerConfig.DEFAULT.withKind(FeaturizerConfig.Kind.HASHING));
        Workspace ws = featurizer.newWorkspace();
        SparseVector v = new SparseVector();
        int[] count = {0};
        int skipped = input.stream(in, null, spec.commandLine().getErr(), a -> {
            count[0]++;
            out.printf("== %s  (%s)%n", a.title(), a.source());
            out.printf("   id: %s  labels: %s%n", a.id(), a.labels() == null ? "(none given)" : String.join(";", a.labels()));
            for (String c : a.captions()) {
                out.printf("   caption: %s%n", c);
            }
            out.printf("   body: %d paragraph(s), %d characters%n", a.paragraphs().size(), a.body().length());
            featurizer.featurize(a, ws, v);
            out.printf("   features: %d non-zero of %d; strongest: %s%n", v.size(), featurizer.dimension(),
                    Explain.strongestNgrams(featurizer, a, ws, v, features));
            if (out.checkError()) {
                throw new OutputException("cannot write to standard output (closed pipe or full disk?)");
            }
        });
        out.printf("%d article(s), %d record(s) skipped%n", count[0], skipped);
        return 0;
    }
}
