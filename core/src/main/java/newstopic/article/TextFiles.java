package newstopic.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole text inputs read as strict UTF-8 (through {@link Utf8Reader}, so a bad byte is reported
 * with its line), and UTF-8 lengths. Stateless and thread-safe.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file's text; throws {@link ArticleFormatException} naming the line of an invalid byte. */
    public static String readUtf8(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readUtf8(in, file.toString());
        }
    }

    /** The stream's text, read to its end; {@code name} is used in error messages. */
    public static String readUtf8(InputStream in, String name) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[1 << 14];
        Utf8Reader reader = new Utf8Reader(in, name, false);
        for (int n; (n = reader.read(buf, 0, buf.length)) > 0; ) {
            text.append(buf, 0, n);
        }
        return text.toString();
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
