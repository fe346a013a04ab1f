package newstopic.article;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an article came from: a file (or a stream name such as {@code <stdin>}) and the 1-based
 * line its record starts on. Immutable and thread-safe.
 */
public record Source(String file, int line) {

    public Source {
        Objects.requireNonNull(file, "file");
    }

    public static Source of(Path file, int line) {
        return new Source(file.toString(), line);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
