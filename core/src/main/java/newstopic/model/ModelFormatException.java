package newstopic.model;

import java.io.IOException;

/** A model file that cannot be read: foreign, truncated, corrupt or from a newer version. Immutable and thread-safe. */
public final class ModelFormatException extends IOException {
    public ModelFormatException(String message) {
        super(message);
    }
}
