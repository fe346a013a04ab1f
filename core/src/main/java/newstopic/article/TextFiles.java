package newstopic.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads whole text inputs as strict UTF-8, so that a bad byte is reported with its line instead of
 * turning into a replacement character. A leading byte-order mark is dropped. Stateless and
 * thread-safe.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file's text; throws {@link ArticleFormatException} naming the line of an invalid byte. */
    public static String readUtf8(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** The stream's text, read to its end; {@code name} is used in error messages. */
    public static String readUtf8(InputStream in, String name) throws IOException {
        return decode(in.readAllBytes(), name);
    }

    static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new ArticleFormatException(new Source(name, lineAt(bytes, at)), null,
                    "invalid UTF-8 byte 0x%02X at byte offset %d".formatted(bytes[at] & 0xff, at));
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new ArticleFormatException(new Source(name, lineAt(bytes, bytes.length)), null,
                    "truncated UTF-8 sequence at end of input");
        }
        out.flip();
        if (out.hasRemaining() && out.get(out.position()) == '\uFEFF') {
            out.position(out.position() + 1);
        }
        return out.toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }


    /**
     * The number of bytes {@code text} takes in UTF-8, counted without encoding it; an unpaired
     * surrogate counts one byte, as {@code String.getBytes} writes it as {@code ?}.
     */
    public static long utf8Length(CharSequence text) {
        long n = 0;
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return n;
    }
}
