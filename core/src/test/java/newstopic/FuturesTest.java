package newstopic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void aTasksFailureReachesTheCallerAsTheTaskThrewIt() {
        IllegalArgumentException bad = new IllegalArgumentException("article 7");
        assertSame(bad, assertThrows(IllegalArgumentException.class, () -> Futures.await(CompletableFuture.failedFuture(bad))));
        OutOfMemoryError oom = new OutOfMemoryError("heap");
        FutureTask<Void> dying = new FutureTask<>(() -> {
            throw oom;
        });
        dying.run();
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Futures.await(dying)));
        IOException checked = new IOException("disk");
        assertSame(checked, assertThrows(IllegalStateException.class,
                () -> Futures.await(CompletableFuture.failedFuture(checked))).getCause());
        assertEquals("done", Futures.await(CompletableFuture.completedFuture("done")));
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(IllegalStateException.class, () -> Futures.await(new CompletableFuture<String>()));
            assertTrue(Thread.interrupted(), "the flag is set again for the caller");
        } finally {
            Thread.interrupted();
        }
    }
}
