package newstopic.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;

/**
 * Reloads the model when its file changes: it watches the file's folder (so an atomic rename
 * over the file is seen too) and waits for writes to settle before reloading. Thread-safe; one
 * daemon thread per watcher.
 */
final class ModelWatcher implements AutoCloseable {

    /** Quiet time after the last change before reloading: a copy in progress is not read half-way. */
    private static final long SETTLE_MILLIS = 500;

    private final WatchService watcher;
    private final Thread thread;

    ModelWatcher(ModelSlot slot, Consumer<String> log) throws IOException {
        Path file = slot.path().toAbsolutePath();
        Path folder = file.getParent();
        watcher = folder.getFileSystem().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        thread = Thread.ofPlatform().daemon().name("newstopic-model-watcher").start(() -> run(slot, file, log));
    }

    private void run(ModelSlot slot, Path file, Consumer<String> log) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean ours = changed(key, file);
                // keep draining events until the folder has been quiet for a while
                while (true) {
                    WatchKey more = watcher.poll(SETTLE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (more == null) {
                        break;
                    }
                    ours |= changed(more, file);
                }
                if (ours) {
                    try {
                        ServedModel m = slot.reload();
                        log.accept("model file changed: now serving " + m.name() + " version " + m.version());
                    } catch (IOException | RuntimeException e) {
                        log.accept("model file changed but was not loaded, the previous model keeps serving: " + e.getMessage());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    private static boolean changed(WatchKey key, Path file) {
        boolean ours = false;
        for (var event : key.pollEvents()) {
            if (event.context() instanceof Path p && p.equals(file.getFileName())) {
                ours = true;
            }
        }
        key.reset();
        return ours;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
