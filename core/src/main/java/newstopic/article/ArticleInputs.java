package newstopic.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * Reads every input; {@code "-"} is standard input, read in {@code format} (raw pages when
     * {@code AUTO}).
     */
    public static ReadResult read(List<String> inputs, InputFormat format, RecordLayout layout,
                                  ReadOptions options, InputStream stdin) throws IOException {
        RawPageReader raw = new RawPageReader(options.lenient());
        List<Article> records = new ArrayList<>();
        List<ArticleFormatException> skipped = new ArrayList<>();
        Map<String, Set<String>> sidecarLabels = new HashMap<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                String text = TextFiles.readUtf8(stdin, "<stdin>");
                InputFormat f = format == InputFormat.AUTO ? InputFormat.RAW : format;
                readText(text, "<stdin>", f, layout, options, raw, records, skipped);
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                Path sidecar = path.resolve(SIDECAR);
                if (Files.isRegularFile(sidecar)) {
                    sidecarLabels.putAll(readSidecar(sidecar, options));
                }
                for (Path file : listArticleFiles(path)) {
                    readFile(file, format, layout, options, raw, records, skipped);
                }
            } else if (Files.isRegularFile(path)) {
                Path sidecar = path.resolveSibling(SIDECAR);
                if (format.resolve(path) == InputFormat.RAW && Files.isRegularFile(sidecar)) {
                    sidecarLabels.putAll(readSidecar(sidecar, options));
                }
                readFile(path, format, layout, options, raw, records, skipped);
            } else {
                throw new NoSuchFileException(input, null, "no such file or folder");
            }
        }
        ReadResult pages = raw.result();
        List<Article> all = new ArrayList<>(records);
        for (Article a : pages.articles()) {
            Set<String> labels = sidecarLabels.get(a.title());
            all.add(labels == null ? a : a.withLabels(labels));
        }
        skipped.addAll(pages.skipped());
        return new ReadResult(all, skipped, pages.duplicates());
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

    private static void readFile(Path file, InputFormat format, RecordLayout layout, ReadOptions options,
                                 RawPageReader raw, List<Article> records, List<ArticleFormatException> skipped)
            throws IOException {
        InputFormat f = format.resolve(file);
        if (f == InputFormat.RAW) {
            raw.read(file);
        } else {
            readText(TextFiles.readUtf8(file), file.toString(), f, layout, options, raw, records, skipped);
        }
    }

    private static void readText(String text, String name, InputFormat format, RecordLayout layout, ReadOptions options,
                                 RawPageReader raw, List<Article> records, List<ArticleFormatException> skipped) {
        ReadResult result = switch (format) {
            case CSV -> new CsvArticleReader(layout, options).read(text, name);
            case JSONL -> new JsonLinesArticleReader(layout, options).read(text, name);
            case RAW, AUTO -> {
                raw.read(text, name);
                yield null;
            }
        };
        if (result != null) {
            records.addAll(result.articles());
            skipped.addAll(result.skipped());
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
