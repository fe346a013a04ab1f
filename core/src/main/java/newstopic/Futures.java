package newstopic;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for a task's result and rethrows its failure as the task threw it: a training worker's
 * {@code TrainingException} or a classifying worker's {@code OutOfMemoryError} reaches the caller
 * unwrapped, so the command line can tell them apart. Stateless and thread-safe.
 */
public final class Futures {

    private Futures() {
    }

    /**
     * The task's result. An unchecked exception or error of the task is rethrown as it was; a
     * checked one is wrapped in {@link IllegalStateException}, as is an interrupt (whose flag is kept).
     */
    public static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
