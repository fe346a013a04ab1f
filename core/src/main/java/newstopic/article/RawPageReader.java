package newstopic.article;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scraped news-site pages: several articles per file, each opening with its headline, the
 * photo caption (printed twice), widget debris lines such as {@code TT} and a bare number, then
 * the headline and captions again, then body paragraphs (one per line, with or without blank
 * lines between them). Articles are recognised by their repeated headline, so no body paragraph
 * is ever taken for a separator.
 *
 * <p>A file with no repeated headline at all is read as one plain article: first line title,
 * the rest body. The same article met again (in the same or another file) is kept once and
 * reported as a duplicate.
 *
 * <p>Instances are not thread-safe: they remember the articles seen so far, to find duplicates
 * across files. Use one per batch of files.
 */
public final class RawPageReader {

    /** How far below a headline its repetition may appear. */
    private static final int HEADER_WINDOW = 12;
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,4}");

    private final boolean lenient;
    private final Map<String, Source> seen = new HashMap<>();
    private final List<Article> articles = new ArrayList<>();
    private final List<ArticleFormatException> skipped = new ArrayList<>();
    private final List<ReadResult.Duplicate> duplicates = new ArrayList<>();

    /**
     * @param lenient skip (and report) articles that cannot be read instead of failing on the
     *                first one
     */
    public RawPageReader(boolean lenient) {
        this.lenient = lenient;
    }

    /** Reads one page file, adding its articles to this reader's result. */
    public void read(Path file) throws IOException {
        read(TextFiles.readUtf8(file), file.toString());
    }

    /** Reads page text; {@code name} stands for the file in sources and messages. */
    public void read(String text, String name) {
        String[] lines = cleanLines(text);
        int first = nextHeader(lines, 0);
        if (first < 0) {
            readPlain(lines, name);
            return;
        }
        int preamble = firstNonBlank(lines, 0, first);
        if (preamble >= 0) {
            fail(new ArticleFormatException(new Source(name, preamble + 1), null,
                    "text before the first headline (line " + (first + 1) + ")"));
        }
        for (int start = first; start >= 0; ) {
            int bodyStart = skipHeader(lines, start);
            int next = nextHeader(lines, bodyStart);
            int end = next < 0 ? lines.length : next;
            addArticle(lines, start, bodyStart, end, name);
            start = next;
        }
    }

    /** Everything read so far. */
    public ReadResult result() {
        return new ReadResult(articles, skipped, duplicates);
    }

    private void readPlain(String[] lines, String name) {
        int titleLine = firstNonBlank(lines, 0, lines.length);
        if (titleLine < 0) {
            return; // an empty page holds no article
        }
        List<String> paragraphs = new ArrayList<>();
        for (int i = titleLine + 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                paragraphs.add(lines[i]);
            }
        }
        keep(lines[titleLine], List.of(), paragraphs, new Source(name, titleLine + 1));
    }

    private void addArticle(String[] lines, int start, int bodyStart, int end, String name) {
        String title = lines[start];
        Set<String> captions = new LinkedHashSet<>();
        for (int i = start + 1; i < bodyStart; i++) {
            String line = lines[i];
            if (!line.isEmpty() && !line.equals(title) && !isDebris(line)) {
                captions.add(line);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (int i = bodyStart; i < end; i++) {
            if (!lines[i].isEmpty()) {
                paragraphs.add(lines[i]);
            }
        }
        Source source = new Source(name, start + 1);
        if (paragraphs.isEmpty()) {
            fail(new ArticleFormatException(source, "body", "article \"" + title + "\" has no body text"));
            return;
        }
        keep(title, List.copyOf(captions), paragraphs, source);
    }

    private void keep(String title, List<String> captions, List<String> paragraphs, Source source) {
        String key = title + '\n' + String.join("\n", paragraphs);
        Source earlier = seen.putIfAbsent(key, source);
        if (earlier != null) {
            duplicates.add(new ReadResult.Duplicate(source, earlier, title));
            return;
        }
        articles.add(new Article(ArticleIds.of(title, paragraphs), title, captions, paragraphs, source, null));
    }

    private void fail(ArticleFormatException e) {
        if (!lenient) {
            throw e;
        }
        skipped.add(e);
    }

    /**
     * Lines with BOM, carriage returns, non-breaking spaces and tabs turned into plain text, and
     * surrounding white space removed, so comparisons of repeated headlines are exact.
     */
    static String[] cleanLines(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            lines[i] = line.replace('\u00A0', ' ').replace('\t', ' ').strip();
        }
        return lines;
    }

    /** The first line at or after {@code from} that opens an article, or -1. */
    private static int nextHeader(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isEmpty() && repeatOf(lines, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the headline at {@code i} is repeated, or -1. Between the two copies only blank lines,
     * debris and at most two distinct caption lines may stand: a quotation repeated in a body
     * does not qualify.
     */
    private static int repeatOf(String[] lines, int i) {
        String title = lines[i];
        if (isDebris(title)) {
            return -1;
        }
        String caption1 = null;
        String caption2 = null;
        int limit = Math.min(lines.length, i + 1 + HEADER_WINDOW);
        for (int k = i + 1; k < limit; k++) {
            String line = lines[k];
            if (line.equals(title)) {
                return k;
            }
            if (line.isEmpty() || isDebris(line)) {
                continue;
            }
            if (caption1 == null || caption1.equals(line)) {
                caption1 = line;
            } else if (caption2 == null || caption2.equals(line)) {
                caption2 = line;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** The first body line of the article whose headline is at {@code start}. */
    private static int skipHeader(String[] lines, int start) {
        int repeat = repeatOf(lines, start);
        Set<String> captions = new LinkedHashSet<>();
        for (int i = start + 1; i < repeat; i++) {
            if (!lines[i].isEmpty() && !isDebris(lines[i])) {
                captions.add(lines[i]);
            }
        }
        int i = repeat + 1;
        while (i < lines.length && (lines[i].isEmpty() || captions.contains(lines[i]))) {
            i++;
        }
        return i;
    }

    /** Page widget left-overs: a lone {@code TT} or a bare counter. */
    static boolean isDebris(String line) {
        return line.equals("TT") || BARE_NUMBER.matcher(line).matches();
    }

    private static int firstNonBlank(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines[i].isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
