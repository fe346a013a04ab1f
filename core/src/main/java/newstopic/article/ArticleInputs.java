package newstopic.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads any mix of article inputs: files, folders (walked in name order; notes such as README
 * files are passed over), and standard input. Raw pages get their labels from a
 * {@value #SIDECAR} file beside them ({@code title,labels}), and duplicates across all raw pages
 * are kept once. Stateless and thread-safe.
 */
public final class ArticleInputs {

    /** The labels sidecar of a folder of raw pages. */
    public static final String SIDECAR = "labels.csv";
    private static final RecordLayout SIDECAR_LAYOUT = new RecordLayout(true, List.of(), null, "title", "title",
            "labels", ";", Map.of(), false);

    private ArticleInputs() {
    }

    /**
     * Reads every input into memory; {@code "-"} is standard input, read in {@code format} (raw
     * pages when {@code AUTO}). For small inputs: large ones stream through {@link #stream}.
     */
    public static ReadResult read(List<String> inputs, InputFormat format, RecordLayout layout,
                                  ReadOptions options, InputStream stdin) throws IOException {
        ArticleSink.Collector all = new ArticleSink.Collector();
        stream(inputs, format, layout, options, stdin, all);
        return all.result();
    }

    /**
     * Reads every input record by record, in input order, handing articles to {@code sink} as they
     * are read: memory stays flat whatever the size of the inputs. Raw pages get the labels of
     * the {@value #SIDECAR} beside them; duplicates across all raw pages are dropped and reported.
     */
    public static void stream(List<String> inputs, InputFormat format, RecordLayout layout, ReadOptions options,
                              InputStream stdin, ArticleSink sink) throws IOException {
        RawPageReader raw = new RawPageReader(options.lenient());
        Map<String, Set<String>> sidecarLabels = new HashMap<>();
        Set<Path> sidecars = new java.util.HashSet<>();
        ArticleSink labeled = new ArticleSink() {
            @Override
            public void article(Article a) {
                Set<String> labels = a.isLabeled() ? null : sidecarLabels.get(a.title());
                sink.article(labels == null ? a : a.withLabels(labels));
            }

            @Override
            public void skipped(ArticleFormatException problem) {
                sink.skipped(problem);
            }

            @Override
            public void duplicate(ReadResult.Duplicate duplicate) {
                sink.duplicate(duplicate);
            }
        };
        for (String input : inputs) {
            if (input.equals("-")) {
                InputFormat f = format == InputFormat.AUTO ? InputFormat.RAW : format;
                reader(f, layout, options, raw).read(new Utf8Reader(stdin, "<stdin>", options.lenient()), "<stdin>", labeled);
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                List<Path> files = listArticleFiles(path);
                if (files.isEmpty()) {
                    throw new ArticleFormatException(new Source(input, 0), null,
                            "folder holds no article files (.csv, .jsonl, .ndjson or .txt)");
                }
                for (Path file : files) {
                    readFile(file, format, layout, options, raw, sidecars, sidecarLabels, labeled);
                }
            } else if (Files.isRegularFile(path)) {
                if (Files.size(path) == 0) {
                    throw new ArticleFormatException(new Source(input, 0), null, "empty file");
                }
                readFile(path, format, layout, options, raw, sidecars, sidecarLabels, labeled);
            } else if (Files.exists(path)) {
                throw new ArticleFormatException(new Source(input, 0), null,
                        "not a regular file or folder (a device or pipe cannot be read as articles; use - for standard input)");
            } else {
                throw new NoSuchFileException(input, null, "no such file or folder");
            }
        }
    }

    /** Reads one file; raw pages first load the labels sidecar of their own folder, once. */
    private static void readFile(Path file, InputFormat format, RecordLayout layout, ReadOptions options, RawPageReader raw,
                                 Set<Path> sidecars, Map<String, Set<String>> sidecarLabels, ArticleSink sink)
            throws IOException {
        InputFormat f = format.resolve(file);
        Path sidecar = file.resolveSibling(SIDECAR);
        if (f == InputFormat.RAW && sidecars.add(sidecar.toAbsolutePath().normalize()) && Files.isRegularFile(sidecar)) {
            sidecarLabels.putAll(readSidecar(sidecar, options));
        }
        reader(f, layout, options, raw).read(file, sink);
    }

    /** The reader of a format; raw pages share one reader, so duplicates are found across files. */
    private static ArticleReader reader(InputFormat format, RecordLayout layout, ReadOptions options, RawPageReader raw) {
        return switch (format) {
            case CSV -> new CsvArticleReader(layout, options);
            case JSONL -> new JsonLinesArticleReader(layout, options);
            case RAW, AUTO -> raw;
        };
    }

    /** The article files of a folder and its sub-folders, in name order. */
    static List<Path> listArticleFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> InputFormat.isArticleFile(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }

    /** Title to labels, from a raw-page sidecar. */
    static Map<String, Set<String>> readSidecar(Path sidecar, ReadOptions options) throws IOException {
        ReadResult rows = new CsvArticleReader(SIDECAR_LAYOUT, new ReadOptions(false, options.knownLabels())).read(sidecar);
        Map<String, Set<String>> labels = new HashMap<>();
        for (Article row : rows.articles()) {
            String title = row.title().replace('\u00A0', ' ').strip();
            if (labels.put(title, row.labels()) != null) {
                throw new ArticleFormatException(row.source(), "title", "title listed twice: \"" + title + "\"");
            }
        }
        return labels;
    }
}
