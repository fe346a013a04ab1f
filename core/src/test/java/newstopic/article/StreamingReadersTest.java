package newstopic.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class StreamingReadersTest {

    private static final ReadOptions LENIENT = new ReadOptions(true, null);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code before}, then one invalid byte, then {@code after}. */
    private static byte[] withBadByte(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.write(0xFF); // never valid in UTF-8
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String readAll(Reader r) throws IOException {
        StringWriter w = new StringWriter();
        r.transferTo(w);
        return w.toString();
    }

    /** Hands out at most a few bytes per read, so multi-byte characters straddle reads. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final SplittableRandom random;
        private int pos;

        Trickle(byte[] data, long seed) {
            this.data = data;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(7)), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    // ---- Utf8Reader

    @Test
    void strictReaderReportsTheLineAndByteOffsetOfAnInvalidByte() {
        String before = "first line\nsecond \u00e9 line\nthird ";
        byte[] bytes = withBadByte(before, " rest\nfourth\n");
        int offset = utf8(before).length; // é takes two bytes: the offset counts bytes, not chars
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> readAll(new Utf8Reader(new ByteArrayInputStream(bytes), "in.txt", false)));
        assertEquals(new Source("in.txt", 3), e.source());
        assertTrue(e.getMessage().contains("byte offset " + offset), e.getMessage());
        assertTrue(e.getMessage().startsWith("in.txt:3"), e.getMessage());
    }

    @Test
    void strictReaderFindsTheLineOfABadByteFarIntoALongStream() {
        // past several 64 KiB chunks, fed a few bytes at a time
        StringBuilder sb = new StringBuilder();
        int lines = 20_000;
        for (int i = 0; i < lines; i++) {
            sb.append("line ").append(i).append(" \u4e2d\u00e9\n");
        }
        byte[] bytes = withBadByte(sb.toString(), "\nafter\n");
        int offset = utf8(sb.toString()).length;
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> readAll(new Utf8Reader(new Trickle(bytes, 4), "big.txt", false)));
        assertEquals(lines + 1, e.source().line());
        assertTrue(e.getMessage().contains("byte offset " + offset), e.getMessage());
    }

    @Test
    void lenientReaderReplacesABadByteAndRemembersItsLine() throws IOException {
        byte[] bytes = withBadByte("one\ntwo\nth", "ree\nfour\n");
        Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(bytes), "x.txt", true);
        assertEquals("one\ntwo\nth\uFFFDree\nfour\n", readAll(r));
        assertNull(r.problemIn(1, 2));
        assertNull(r.problemIn(4, 5));
        assertTrue(r.problemIn(3, 3).contains("byte offset 10"), r.problemIn(3, 3));
        assertTrue(r.problemIn(1, 4) != null);
    }

    @Test
    void aTruncatedSequenceAtTheEndIsReported() {
        byte[] cut = java.util.Arrays.copyOf(utf8("ok\n\u4e2d"), 5); // two of the three bytes of 中
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> readAll(new Utf8Reader(new ByteArrayInputStream(cut), "cut.txt", false)));
        assertEquals(2, e.source().line());
    }

    @Test
    void aLeadingByteOrderMarkIsDroppedAndOnlyThatOne() throws IOException {
        byte[] bytes = concat(BOM, utf8("a\uFEFFb\n"));
        assertEquals("a\uFEFFb\n", readAll(new Utf8Reader(new ByteArrayInputStream(bytes), "bom.txt", false)));
        // also when the mark arrives a byte at a time
        InputStream oneByteAtATime = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertEquals("a\uFEFFb\n", readAll(new Utf8Reader(oneByteAtATime, "bom.txt", false)));
        assertEquals("", readAll(new Utf8Reader(new ByteArrayInputStream(BOM), "bom.txt", false)));
        assertEquals("", readAll(new Utf8Reader(new ByteArrayInputStream(new byte[0]), "empty.txt", false)));
    }

    /** A long text of one-, two-, three- and four-byte characters, with line breaks. */
    private static String mixedText(int chars, long seed) {
        String[] pieces = {"a", "Z", " ", "\n", "\u00e9", "\u00df", "\u4e2d", "\u6587", "\uD83D\uDE00", "\uD83C\uDF0D",
                "\r\n", "\u2028"};
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < chars) {
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    @Test
    void decodingIsTheSameWhateverTheChunkAndBufferSizes() throws IOException {
        String text = mixedText(300_000, 11); // several 64 KiB chunks, so sequences straddle them
        byte[] bytes = utf8(text);
        String expected = new String(bytes, StandardCharsets.UTF_8);

        // one char at a time
        StringBuilder one = new StringBuilder();
        try (Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(bytes), "t", false)) {
            for (int c; (c = r.read()) >= 0; ) {
                one.append((char) c);
            }
        }
        assertEquals(expected, one.toString());

        // big arrays, larger than the reader's own buffers
        StringBuilder big = new StringBuilder();
        char[] buf = new char[200_000];
        try (Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(bytes), "t", false)) {
            for (int n; (n = r.read(buf, 0, buf.length)) >= 0; ) {
                big.append(buf, 0, n);
            }
        }
        assertEquals(expected, big.toString());

        // odd-sized reads from a stream that trickles, into odd-sized arrays at offsets
        StringBuilder odd = new StringBuilder();
        SplittableRandom sizes = new SplittableRandom(2);
        char[] small = new char[20];
        try (Utf8Reader r = new Utf8Reader(new Trickle(bytes, 3), "t", false)) {
            while (true) {
                int off = sizes.nextInt(5);
                int n = r.read(small, off, 1 + sizes.nextInt(small.length - off - 1));
                if (n < 0) {
                    break;
                }
                odd.append(small, off, n);
            }
        }
        assertEquals(expected, odd.toString());
    }

    // ---- lenient reading skips just the records a bad byte spoils

    @Test
    void lenientCsvSkipsExactlyTheRecordWithTheBadByte() throws IOException {
        byte[] bytes = withBadByte("id,title,text,labels\n"
                + "a1,First,Body one.,conflict\n"
                + "a2,Second,Body", " two.,migration\n"
                + "a3,Third,\"Body three,\nover two lines.\",\n"
                + "a4,Fourth,Body four.,diplomacy\n");
        ArticleSink.Collector sink = new ArticleSink.Collector();
        new CsvArticleReader(RecordLayout.STANDARD, LENIENT)
                .read(new Utf8Reader(new ByteArrayInputStream(bytes), "x.csv", true), "x.csv", sink);
        ReadResult r = sink.result();
        assertEquals(List.of("a1", "a3", "a4"), r.articles().stream().map(Article::id).toList());
        assertEquals("Body three,\nover two lines.", r.articles().get(1).body());
        assertEquals(1, r.skipped().size());
        assertEquals(new Source("x.csv", 3), r.skipped().get(0).source());
        assertTrue(r.skipped().get(0).getMessage().contains("byte offset"), r.skipped().get(0).getMessage());
    }

    @Test
    void lenientCsvSkipsAMultiLineRecordSpoiledOnItsSecondLine() throws IOException {
        byte[] bytes = withBadByte("id,title,text,labels\n"
                + "a1,First,\"Body one\nsecond", " line\",conflict\n"
                + "a2,Second,Body two.,\n");
        ArticleSink.Collector sink = new ArticleSink.Collector();
        new CsvArticleReader(RecordLayout.STANDARD, LENIENT)
                .read(new Utf8Reader(new ByteArrayInputStream(bytes), "x.csv", true), "x.csv", sink);
        ReadResult r = sink.result();
        assertEquals(List.of("a2"), r.articles().stream().map(Article::id).toList());
        assertEquals(new Source("x.csv", 2), r.skipped().get(0).source());
    }

    @Test
    void lenientCsvOverManyChunksSkipsOnlyTheSpoiledRecords() throws IOException {
        int n = 12_000; // well past the 64 KiB decoding chunk
        Set<Integer> spoiled = new TreeSet<>(List.of(1, 2, 777, 5_000, 5_001, 11_999, n));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("id,title,text,labels\n"));
        for (int i = 1; i <= n; i++) {
            out.writeBytes(utf8("r" + i + ",Title \u4e2d " + i + ",Body of record " + i + " caf\u00e9"));
            if (spoiled.contains(i)) {
                out.write(0xC3); // a lead byte without its continuation
            }
            out.writeBytes(utf8(" end.,conflict\n"));
        }
        ArticleSink.Collector sink = new ArticleSink.Collector();
        new CsvArticleReader(RecordLayout.STANDARD, LENIENT).read(
                new Utf8Reader(new Trickle(out.toByteArray(), 9), "many.csv", true), "many.csv", sink);
        ReadResult r = sink.result();
        List<String> expectedIds = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (!spoiled.contains(i)) {
                expectedIds.add("r" + i);
            }
        }
        assertEquals(expectedIds, r.articles().stream().map(Article::id).toList());
        // record i sits on line i + 1, below the header
        assertEquals(spoiled.stream().map(i -> i + 1).toList(), r.skipped().stream().map(e -> e.source().line()).toList());
        for (Article a : r.articles()) {
            assertFalse(a.body().contains("\uFFFD"), a.id());
        }
    }

    @Test
    void lenientJsonLinesSkipsExactlyTheLineWithTheBadByte() throws IOException {
        byte[] bytes = withBadByte("{\"id\":\"j1\",\"text\":\"one\"}\n"
                + "{\"id\":\"j2\",\"text\":\"t", "wo\"}\n"
                + "\n"
                + "{\"id\":\"j4\",\"text\":\"four\"}\n");
        ArticleSink.Collector sink = new ArticleSink.Collector();
        new JsonLinesArticleReader(RecordLayout.STANDARD, LENIENT)
                .read(new Utf8Reader(new ByteArrayInputStream(bytes), "x.jsonl", true), "x.jsonl", sink);
        ReadResult r = sink.result();
        assertEquals(List.of("j1", "j4"), r.articles().stream().map(Article::id).toList());
        assertEquals(4, r.articles().get(1).source().line());
        assertEquals(1, r.skipped().size());
        assertEquals(new Source("x.jsonl", 2), r.skipped().get(0).source());
        assertTrue(r.skipped().get(0).getMessage().contains("byte offset"), r.skipped().get(0).getMessage());
    }

    @Test
    void strictCsvStopsAtTheBadByteWithItsLine() {
        byte[] bytes = withBadByte("id,title,text,labels\na1,T,Body.,\na2,T,Bo", "dy.,\n");
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> new CsvArticleReader(RecordLayout.STANDARD, ReadOptions.STRICT).read(
                        new Utf8Reader(new ByteArrayInputStream(bytes), "s.csv", false), "s.csv",
                        new ArticleSink.Collector()));
        assertEquals(3, e.source().line());
        assertTrue(e.getMessage().contains("byte offset"), e.getMessage());
    }

    @Test
    void aByteOrderMarkBeforeTheCsvHeaderIsDropped() throws IOException {
        byte[] bytes = concat(BOM, utf8("id,title,text,labels\na1,T,Body.,conflict\n"));
        ArticleSink.Collector sink = new ArticleSink.Collector();
        new CsvArticleReader(RecordLayout.STANDARD, ReadOptions.STRICT)
                .read(new Utf8Reader(new ByteArrayInputStream(bytes), "b.csv", false), "b.csv", sink);
        // with the mark left in, the first column would be "\uFEFFid" and the id column missing
        assertEquals("a1", sink.result().articles().get(0).id());
    }

    @Test
    void aByteOrderMarkBeforeJsonLinesIsDropped() throws IOException {
        byte[] bytes = concat(BOM, utf8("{\"id\":\"j1\",\"text\":\"one\"}\n"));
        ArticleSink.Collector sink = new ArticleSink.Collector();
        new JsonLinesArticleReader(RecordLayout.STANDARD, ReadOptions.STRICT)
                .read(new Utf8Reader(new ByteArrayInputStream(bytes), "b.jsonl", false), "b.jsonl", sink);
        assertEquals("j1", sink.result().articles().get(0).id());
    }

    // ---- raw pages streamed

    private record Expected(String title, String caption, List<String> paragraphs, int line) {
    }

    @Test
    void aLongRawPageStreamReadsLikeTheWholeText() throws IOException {
        int n = 5_000;
        StringBuilder page = new StringBuilder();
        List<Expected> expected = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < n; i++) {
            String title = "Headline number " + i + (i % 3 == 0 ? " \u4e2d\u6587" : " caf\u00e9");
            String caption = "Caption of photo " + i + " (AFP)";
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p <= i % 4; p++) {
                paragraphs.add("Paragraph " + p + " of article " + i + (p % 2 == 0 ? " \uD83D\uDE00" : "."));
            }
            expected.add(new Expected(title, caption, paragraphs, line));
            List<String> lines = new ArrayList<>(List.of(title, "", caption, caption, "TT", "20", "", title, "",
                    caption, caption, ""));
            for (String p : paragraphs) {
                lines.add(p);
                if (i % 2 == 0) {
                    lines.add(""); // with and without blank lines between paragraphs
                }
            }
            lines.add("");
            for (String l : lines) {
                page.append(l).append('\n');
            }
            line += lines.size();
        }
        String text = page.toString();

        ArticleSink.Collector streamed = new ArticleSink.Collector();
        new RawPageReader(false).read(new Utf8Reader(new Trickle(utf8(text), 5), "pages.txt", false), "pages.txt",
                streamed);
        List<Article> fromStream = streamed.result().articles();
        List<Article> whole = new RawPageReader(false).read(text, "pages.txt").articles();

        assertEquals(whole, fromStream);
        assertEquals(n, fromStream.size());
        assertTrue(streamed.result().skipped().isEmpty());
        assertTrue(streamed.result().duplicates().isEmpty());
        for (int i = 0; i < n; i++) {
            Article a = fromStream.get(i);
            Expected e = expected.get(i);
            assertEquals(e.title(), a.title(), "article " + i);
            assertEquals(List.of(e.caption()), a.captions(), "article " + i);
            assertEquals(e.paragraphs(), a.paragraphs(), "article " + i);
            assertEquals(new Source("pages.txt", e.line()), a.source(), "article " + i);
        }
    }

    // ---- CSV header errors

    private static ArticleFormatException csvError(String csv) {
        return assertThrows(ArticleFormatException.class,
                () -> new CsvArticleReader(RecordLayout.STANDARD, ReadOptions.STRICT).read(csv, "h.csv"));
    }

    @Test
    void anEmptyColumnNameInTheHeaderIsAnErrorOnLine1() {
        ArticleFormatException e = csvError("id,title,text,labels,\na,b,c,,\n");
        assertEquals(new Source("h.csv", 1), e.source());
    }

    @Test
    void aDuplicateColumnNameIsAnErrorOnLine1() {
        ArticleFormatException e = csvError("id,title,text,text\na,b,c,d\n");
        assertEquals(new Source("h.csv", 1), e.source());
    }

    @Test
    void anEmptyInputIsAnErrorOnLine1() {
        assertEquals(new Source("h.csv", 1), csvError("").source());
    }

    // ---- JSON Lines read token by token

    private static ReadResult jsonl(String text) {
        return new JsonLinesArticleReader(RecordLayout.STANDARD, ReadOptions.STRICT).read(text, "j.jsonl");
    }

    @Test
    void unknownFieldsAreSkippedWhateverTheyHold() {
        ReadResult r = jsonl("{\"meta\":{\"a\":[1,{\"title\":\"not me\"}],\"text\":\"nor me\"},\"id\":\"j1\","
                + "\"tags\":[[1],[2,{\"x\":[]}],\"labels\"],\"title\":\"Real title\",\"n\":null,\"ok\":true,"
                + "\"text\":\"Real body\",\"more\":{},\"labels\":[\"conflict\"],\"tail\":[{\"id\":\"no\"}]}\n");
        Article a = r.articles().get(0);
        // fields nested inside skipped values must not be taken for the record's own
        assertEquals("j1", a.id());
        assertEquals("Real title", a.title());
        assertEquals("Real body", a.body());
        assertEquals(Set.of("conflict"), a.labels());
    }

    @Test
    void numbersAreReadAsText() {
        Article a = jsonl("{\"id\":42,\"title\":3.25,\"text\":-17}\n").articles().get(0);
        assertEquals("42", a.id());
        assertEquals("3.25", a.title());
        assertEquals("-17", a.body());
    }

    @Test
    void aTitleThatIsAnObjectIsAnErrorNamingTheField() {
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> jsonl("{\"text\":\"ok\"}\n{\"title\":{\"en\":\"x\"},\"text\":\"body\"}\n"));
        assertEquals("title", e.field());
        assertEquals(2, e.source().line());
        assertTrue(e.getMessage().contains("field 'title'"), e.getMessage());
    }

    @Test
    void arraysWhereTextIsExpectedAreErrorsToo() {
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> jsonl("{\"text\":[\"a\",\"b\"]}\n"));
        assertEquals("text", e.field());
    }

    @Test
    void twoValuesOnOneLineAreAnError() {
        ArticleFormatException e = assertThrows(ArticleFormatException.class,
                () -> jsonl("{\"text\":\"one\"} {\"text\":\"two\"}\n"));
        assertEquals(1, e.source().line());
        ArticleFormatException trailing = assertThrows(ArticleFormatException.class,
                () -> jsonl("{\"text\":\"one\"}\n{\"text\":\"two\"} 3\n"));
        assertEquals(2, trailing.source().line());
    }

    @Test
    void lenientJsonLinesSkipsTwoValueLinesAndKeepsTheRest() {
        ReadResult r = new JsonLinesArticleReader(RecordLayout.STANDARD, LENIENT)
                .read("{\"text\":\"one\"} {\"text\":\"two\"}\n{\"id\":\"k\",\"text\":\"three\"}\n", "l.jsonl");
        assertEquals(List.of("k"), r.articles().stream().map(Article::id).toList());
        assertEquals(1, r.skipped().size());
        assertEquals(1, r.skipped().get(0).source().line());
    }
}
