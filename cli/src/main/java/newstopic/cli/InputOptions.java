package newstopic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import newstopic.article.Article;
import newstopic.article.ArticleFormatException;
import newstopic.article.ArticleSink;
import newstopic.article.ArticleInputs;
import newstopic.article.InputFormat;
import newstopic.article.ReadOptions;
import newstopic.article.ReadResult;
import newstopic.article.RecordLayout;
import picocli.CommandLine.Option;

/** How inputs are read: shared by every command that reads articles. Not thread-safe (picocli fills it). */
final class InputOptions {

    @Option(names = "--input-format", description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, by file name).",
            defaultValue = "AUTO")
    InputFormat format;

    @Option(names = "--layout", description = "CSV/JSONL layout: standard (id,title,text,labels) or agnews (class,title,description; no header).",
            defaultValue = "standard")
    String layout;

    @Option(names = "--columns", split = ",", paramLabel = "ID,TITLE,TEXT,LABELS",
            description = "Field names of id, title, text and labels, for other layouts (use - for absent).")
    List<String> columns;

    @Option(names = "--lenient", description = "Skip bad records (reporting how many and where) instead of stopping at the first.")
    boolean lenient;

    RecordLayout recordLayout() {
        try {
            return RecordLayout.named(layout, columns);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** Reads every input, reporting skipped records and duplicates on {@code err}. */
    ReadResult read(List<String> inputs, Set<String> knownLabels, PrintWriter err) throws IOException {
        return read(inputs, recordLayout(), knownLabels, err);
    }

    /** Reads every input without its labels columns, for commands that only classify. */
    ReadResult readUnlabeled(List<String> inputs, PrintWriter err) throws IOException {
        RecordLayout layout = recordLayout();
        return read(inputs, layout.labels() == null ? layout : layout.withLabels(null), null, err);
    }

    /**
     * Streams every input without its labels columns (for commands that only classify), reporting
     * duplicates and skipped records on {@code err} as they are met; returns how many were skipped.
     */
    int streamUnlabeled(List<String> inputs, PrintWriter err, Consumer<Article> articles) throws IOException {
        RecordLayout layout = recordLayout();
        return stream(inputs, layout.labels() == null ? layout : layout.withLabels(null), null, err, articles);
    }

    /** Streams every labeled input, as {@link #streamUnlabeled} does. */
    int stream(List<String> inputs, Set<String> knownLabels, PrintWriter err, Consumer<Article> articles) throws IOException {
        return stream(inputs, recordLayout(), knownLabels, err, articles);
    }

    private int stream(List<String> inputs, RecordLayout layout, Set<String> knownLabels, PrintWriter err,
                       Consumer<Article> articles) throws IOException {
        int[] skipped = {0};
        ArticleInputs.stream(inputs, format, layout, new ReadOptions(lenient, knownLabels), System.in, new ArticleSink() {
            @Override
            public void article(Article a) {
                articles.accept(a);
            }

            @Override
            public void skipped(ArticleFormatException problem) {
                skipped[0]++;
                err.println("newstopic: skipped: " + problem.getMessage());
            }

            @Override
            public void duplicate(ReadResult.Duplicate d) {
                err.println("newstopic: note: " + d);
            }
        });
        if (skipped[0] > 0) {
            err.printf("newstopic: skipped %d bad record(s)%n", skipped[0]);
        }
        return skipped[0];
    }

    private ReadResult read(List<String> inputs, RecordLayout layout, Set<String> knownLabels, PrintWriter err)
            throws IOException {
        ReadResult result = ArticleInputs.read(inputs, format, layout, new ReadOptions(lenient, knownLabels), System.in);
        for (ReadResult.Duplicate d : result.duplicates()) {
            err.println("newstopic: note: " + d);
        }
        if (!result.skipped().isEmpty()) {
            err.printf("newstopic: skipped %d bad record(s):%n", result.skipped().size());
            for (ArticleFormatException e : result.skipped()) {
                err.println("  " + e.getMessage());
            }
        }
        return result;
    }
}
