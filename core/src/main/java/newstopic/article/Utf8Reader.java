package newstopic.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Decodes a byte stream as strict UTF-8, in chunks, so inputs of any size stream: an invalid byte
 * is reported with its line and byte offset instead of turning silently into a replacement
 * character. Strict, the first invalid byte throws {@link ArticleFormatException}. Lenient, it
 * becomes U+FFFD and is remembered by line, so a reader can skip just the records it spoils
 * ({@link #problemIn}). A leading byte-order mark is dropped. Not thread-safe.
 */
public final class Utf8Reader extends Reader {

    private final InputStream in;
    private final String name;
    private final boolean lenient;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    /** Line number of the next char handed out is tracked by the lines counted in decoded chars. */
    private int line = 1;
    private long consumed;
    private boolean eof;
    private boolean first = true;
    private final TreeMap<Integer, String> problems = new TreeMap<>();

    public Utf8Reader(InputStream in, String name, boolean lenient) {
        this.in = in;
        this.name = name;
        this.lenient = lenient;
        bytes.flip();
        chars.flip();
    }

    /** The first encoding problem on lines {@code from..to} (1-based, inclusive), or null. */
    public String problemIn(int from, int to) {
        var e = problems.ceilingEntry(from);
        return e != null && e.getKey() <= to ? e.getValue() : null;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes more chars; false at the end of input. */
    private boolean fill() throws IOException {
        if (eof && !bytes.hasRemaining()) {
            return false;
        }
        chars.clear();
        if (!eof) {
            bytes.compact();
            int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (r < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + r);
            }
            bytes.flip();
        }
        int startChars = chars.position();
        int startBytes = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, eof);
        consumed += bytes.position() - startBytes;
        if (result.isError() || (eof && result.isUnderflow() && bytes.hasRemaining())) {
            int bad = result.isError() ? result.length() : bytes.remaining();
            countLines(startChars);
            int at = bytes.get(bytes.position()) & 0xff;
            String problem = bytes.hasRemaining() && result.isError()
                    ? "invalid UTF-8 byte 0x%02X at byte offset %d".formatted(at, consumed)
                    : "truncated UTF-8 sequence at end of input";
            if (!lenient) {
                throw new ArticleFormatException(new Source(name, line), null, problem);
            }
            problems.putIfAbsent(line, problem);
            bytes.position(bytes.position() + bad);
            consumed += bad;
            chars.put('\uFFFD');
            startChars = chars.position();
        } else if (eof && !bytes.hasRemaining()) {
            decoder.flush(chars);
        }
        countLines(startChars);
        chars.flip();
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(0) == '\uFEFF') {
                chars.position(1);
            }
        }
        return chars.hasRemaining() || !eof || bytes.hasRemaining();
    }

    private void countLines(int from) {
        char[] a = chars.array();
        for (int i = from, end = chars.position(); i < end; i++) {
            if (a[i] == '\n') {
                line++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
