package newstopic.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The model now serving, swapped atomically on reload: a request reads the slot once and keeps
 * that model to its end, so a reload under load drops and mixes nothing. A file that fails to load
 * or check leaves the old model serving. Thread-safe; reloads are serialized.
 */
final class ModelSlot {

    private final Path path;
    private final AtomicReference<ServedModel> current;
    final LongAdder reloadsSucceeded = new LongAdder();
    final LongAdder reloadsFailed = new LongAdder();

    ModelSlot(Path path) throws IOException {
        this(path, ServedModel.load(path));
    }

    /** A slot serving {@code model}, which reloads from {@code path} (null: no file to reload). */
    ModelSlot(Path path, ServedModel model) {
        this.path = path;
        this.current = new AtomicReference<>(model);
    }

    ServedModel get() {
        return current.get();
    }

    /** The file reloads read, or null. */
    Path path() {
        return path;
    }

    /** Loads the file again and swaps it in; on failure the old model stays and the error is thrown. */
    synchronized ServedModel reload() throws IOException {
        try {
            ServedModel fresh = ServedModel.load(path);
            current.set(fresh);
            reloadsSucceeded.increment();
            return fresh;
        } catch (IOException | RuntimeException e) {
            reloadsFailed.increment();
            throw e;
        }
    }
}
