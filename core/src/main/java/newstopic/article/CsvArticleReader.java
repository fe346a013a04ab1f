package newstopic.article;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labeled articles from CSV (RFC 4180, UTF-8) laid out as a {@link RecordLayout} says.
 * Every problem names the file, line and field; in lenient mode bad rows are skipped and reported.
 * Instances are immutable and thread-safe.
 */
public final class CsvArticleReader {

    private final RecordLayout layout;
    private final ReadOptions options;

    public CsvArticleReader(RecordLayout layout, ReadOptions options) {
        this.layout = layout;
        this.options = options;
    }

    public ReadResult read(Path file) throws IOException {
        return read(TextFiles.readUtf8(file), file.toString());
    }

    /** Reads CSV text; {@code name} stands for the file in sources and messages. */
    public ReadResult read(String text, String name) {
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false);
        if (layout.header()) {
            format.setHeader().setSkipHeaderRecord(true);
        } else {
            format.setHeader(layout.columns().toArray(String[]::new));
        }
        List<Article> articles = new ArrayList<>();
        List<ArticleFormatException> skipped = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format.get()).get()) {
            checkHeader(parser.getHeaderMap(), name);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                int startLine = (int) parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // the parser cannot resynchronise after a broken quote: report where it stood
                    throw new ArticleFormatException(new Source(name, (int) parser.getCurrentLineNumber()), null,
                            "malformed CSV: " + rootMessage(e));
                }
                Source source = new Source(name, startLine);
                try {
                    articles.add(toArticle(record, source));
                } catch (ArticleFormatException e) {
                    if (!options.lenient()) {
                        throw e;
                    }
                    skipped.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReadResult(articles, skipped, List.of());
    }

    private void checkHeader(Map<String, Integer> header, String name) {
        if (header == null) {
            throw new ArticleFormatException(new Source(name, 1), null, "empty file: no header row");
        }
        for (String field : layout.requiredFields()) {
            if (!header.containsKey(field)) {
                throw new ArticleFormatException(new Source(name, 1), field,
                        "missing column (header has: " + String.join(",", header.keySet()) + ")");
            }
        }
    }

    private Article toArticle(CSVRecord record, Source source) {
        if (!record.isConsistent()) {
            throw new ArticleFormatException(source, null, "expected %d columns, found %d"
                    .formatted(record.getParser().getHeaderMap().size(), record.size()));
        }
        String id = layout.id() != null ? record.get(layout.id()).strip() : layout.derivedId(source);
        if (id.isEmpty()) {
            throw new ArticleFormatException(source, layout.id(), "empty id");
        }
        Set<String> labels = layout.labels() == null ? null
                : LabeledRecords.parseLabels(record.get(layout.labels()), layout, options, source);
        String title = layout.title() == null ? "" : record.get(layout.title());
        return LabeledRecords.article(id, title, record.get(layout.text()), labels, source, layout);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
