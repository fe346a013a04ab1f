package newstopic.article;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads labeled articles from CSV (RFC 4180, UTF-8) laid out as a {@link RecordLayout} says.
 * Every problem names the file, line and field; in lenient mode bad rows are skipped and reported.
 * Instances are immutable and thread-safe.
 */
public final class CsvArticleReader implements ArticleReader {

    private final RecordLayout layout;
    private final ReadOptions options;

    public CsvArticleReader(RecordLayout layout, ReadOptions options) {
        this.layout = layout;
        this.options = options;
    }

    @Override
    public boolean lenient() {
        return options.lenient();
    }

    /** Reads CSV record by record; {@code name} stands for the file in sources and messages. */
    @Override
    public void read(Reader in, String name, ArticleSink sink) throws IOException {
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW);
        if (layout.header()) {
            format.setHeader().setSkipHeaderRecord(true);
        } else {
            format.setHeader(layout.columns().toArray(String[]::new));
        }
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(in).setFormat(format.get()).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // an empty or duplicate column name in the header row
            throw new ArticleFormatException(new Source(name, 1), null, "bad header row: " + rootMessage(e));
        }
        try (parser) {
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
                    if (e.getCause() instanceof ArticleFormatException bad) {
                        throw bad; // invalid UTF-8, already located
                    }
                    // the parser cannot resynchronise after a broken quote: report where it stood
                    throw new ArticleFormatException(new Source(name, (int) parser.getCurrentLineNumber()), null,
                            "malformed CSV: " + rootMessage(e));
                }
                Source source = new Source(name, startLine);
                try {
                    String encoding = ArticleReader.encodingProblem(in, startLine, (int) parser.getCurrentLineNumber());
                    if (encoding != null) {
                        throw new ArticleFormatException(source, null, encoding);
                    }
                    sink.article(toArticle(record, source));
                } catch (ArticleFormatException e) {
                    if (!options.lenient()) {
                        throw e;
                    }
                    sink.skipped(e);
                }
            }
        }
    }

    private void checkHeader(Map<String, Integer> header, String name) {
        if (header == null || (layout.header() && header.isEmpty())) {
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
