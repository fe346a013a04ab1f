package newstopic.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
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
 * <p>Pages are read line by line with a look-ahead of a few lines, so a page stream of any size
 * (standard input) keeps only the article being read in memory; only a page with no repeated
 * headline is held whole, since it is one article.
 *
 * <p>Instances are not thread-safe: they remember the articles seen so far (by a 64-bit hash),
 * to find duplicates across files. Use one per batch of files.
 */
public final class RawPageReader implements ArticleReader {

    /** How far below a headline its repetition may appear. */
    private static final int HEADER_WINDOW = 12;
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,4}");

    private final boolean lenient;
    private final Map<String, Source> seen = new HashMap<>();

    /**
     * @param lenient skip (and report) articles that cannot be read instead of failing on the
     *                first one
     */
    public RawPageReader(boolean lenient) {
        this.lenient = lenient;
    }

    @Override
    public boolean lenient() {
        return lenient;
    }

    /** Reads a page stream; {@code name} stands for the file in sources and messages. */
    @Override
    public void read(Reader in, String name, ArticleSink sink) throws IOException {
        Lines lines = new Lines(in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16));
        int first = nextHeader(lines, 0);
        if (first < 0) {
            readPlain(lines, in, name, sink);
            return;
        }
        int preamble = firstNonBlank(lines, 0, first);
        if (preamble >= 0) {
            fail(new ArticleFormatException(new Source(name, preamble + 1), null,
                    "text before the first headline (line " + (first + 1) + ")"), sink);
        }
        for (int start = first; start >= 0; ) {
            int bodyStart = skipHeader(lines, start);
            int next = nextHeader(lines, bodyStart);
            int end = next < 0 ? lines.count() : next;
            addArticle(lines, start, bodyStart, end, in, name, sink);
            lines.forgetBefore(end);
            start = next;
        }
    }

    private void readPlain(Lines lines, Reader in, String name, ArticleSink sink) {
        int titleLine = firstNonBlank(lines, 0, lines.count());
        if (titleLine < 0) {
            return; // an empty page holds no article
        }
        List<String> paragraphs = new ArrayList<>();
        for (int i = titleLine + 1; lines.has(i); i++) {
            if (!lines.get(i).isEmpty()) {
                paragraphs.add(lines.get(i));
            }
        }
        keep(lines.get(titleLine), List.of(), paragraphs, new Source(name, titleLine + 1),
                ArticleReader.encodingProblem(in, 1, Math.max(1, lines.count())), sink);
    }

    private void addArticle(Lines lines, int start, int bodyStart, int end, Reader in, String name, ArticleSink sink) {
        String title = lines.get(start);
        Set<String> captions = new LinkedHashSet<>();
        for (int i = start + 1; i < bodyStart; i++) {
            String line = lines.get(i);
            if (!line.isEmpty() && !line.equals(title) && !isDebris(line)) {
                captions.add(line);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (int i = bodyStart; i < end; i++) {
            if (!lines.get(i).isEmpty()) {
                paragraphs.add(lines.get(i));
            }
        }
        Source source = new Source(name, start + 1);
        if (paragraphs.isEmpty()) {
            fail(new ArticleFormatException(source, "body", "article \"" + title + "\" has no body text"), sink);
            return;
        }
        keep(title, List.copyOf(captions), paragraphs, source, ArticleReader.encodingProblem(in, start + 1, end), sink);
    }

    private void keep(String title, List<String> captions, List<String> paragraphs, Source source, String encoding,
                      ArticleSink sink) {
        if (encoding != null) {
            fail(new ArticleFormatException(source, null, encoding), sink);
            return;
        }
        // the id hashes exactly the title and paragraphs: equal ids, equal articles
        String id = ArticleIds.of(title, paragraphs);
        Source earlier = seen.putIfAbsent(id, source);
        if (earlier != null) {
            sink.duplicate(new ReadResult.Duplicate(source, earlier, title));
            return;
        }
        sink.article(new Article(id, title, captions, paragraphs, source, null));
    }

    private void fail(ArticleFormatException e, ArticleSink sink) {
        if (!lenient) {
            throw e;
        }
        sink.skipped(e);
    }

    /**
     * The page's cleaned lines ({@link #clean}), read as far as asked and forgotten once an
     * article is done: indexes stay those of the whole page. Not thread-safe.
     */
    private static final class Lines {
        private final BufferedReader in;
        private final List<String> kept = new ArrayList<>();
        private int base;
        private boolean end;

        Lines(BufferedReader in) {
            this.in = in;
        }

        /** Whether line {@code i} exists, reading up to it. */
        boolean has(int i) {
            while (!end && i >= base + kept.size()) {
                try {
                    String line = in.readLine();
                    if (line == null) {
                        end = true;
                    } else {
                        kept.add(clean(line, base + kept.size() == 0));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return i < base + kept.size();
        }

        String get(int i) {
            has(i);
            return kept.get(i - base);
        }

        /** The number of lines of the whole page (reads it to the end). */
        int count() {
            has(Integer.MAX_VALUE - 1);
            return base + kept.size();
        }

        void forgetBefore(int i) {
            int drop = Math.min(i - base, kept.size());
            if (drop > 0) {
                kept.subList(0, drop).clear();
                base += drop;
            }
        }
    }

    /**
     * A line with BOM, non-breaking spaces and tabs turned into plain text, and surrounding white
     * space removed, so comparisons of repeated headlines are exact.
     */
    static String clean(String line, boolean first) {
        if (first && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        return line.replace('\u00A0', ' ').replace('\t', ' ').strip();
    }

    /** The first line at or after {@code from} that opens an article, or -1. */
    private static int nextHeader(Lines lines, int from) {
        for (int i = from; lines.has(i); i++) {
            if (!lines.get(i).isEmpty() && repeatOf(lines, i) > 0) {
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
    private static int repeatOf(Lines lines, int i) {
        String title = lines.get(i);
        if (isDebris(title)) {
            return -1;
        }
        String caption1 = null;
        String caption2 = null;
        for (int k = i + 1; k < i + 1 + HEADER_WINDOW && lines.has(k); k++) {
            String line = lines.get(k);
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
    private static int skipHeader(Lines lines, int start) {
        int repeat = repeatOf(lines, start);
        Set<String> captions = new LinkedHashSet<>();
        for (int i = start + 1; i < repeat; i++) {
            if (!lines.get(i).isEmpty() && !isDebris(lines.get(i))) {
                captions.add(lines.get(i));
            }
        }
        int i = repeat + 1;
        while (lines.has(i) && (lines.get(i).isEmpty() || captions.contains(lines.get(i)))) {
            i++;
        }
        return i;
    }

    /** Page widget left-overs: a lone {@code TT} or a bare counter. */
    static boolean isDebris(String line) {
        return line.equals("TT") || BARE_NUMBER.matcher(line).matches();
    }

    private static int firstNonBlank(Lines lines, int from, int to) {
        for (int i = from; i < to && lines.has(i); i++) {
            if (!lines.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
