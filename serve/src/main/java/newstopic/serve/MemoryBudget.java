package newstopic.serve;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission control: the bytes of memory that requests in flight may claim together. A request
 * that does not fit is refused at once (503 with Retry-After) rather than queued, so a burst of
 * large bodies cannot exhaust the heap. A claim larger than the whole budget is cut to it, so the
 * largest allowed request still runs when it is alone. Thread-safe and lock-free.
 */
final class MemoryBudget {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    MemoryBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Claims {@code bytes} and returns what was claimed (to release later), or -1 when it does not fit now. */
    long tryClaim(long bytes) {
        long claim = Math.min(Math.max(bytes, 0), capacity);
        while (true) {
            long now = used.get();
            if (now + claim > capacity) {
                return -1;
            }
            if (used.compareAndSet(now, now + claim)) {
                return claim;
            }
        }
    }

    void release(long claimed) {
        if (claimed > 0) {
            used.addAndGet(-claimed);
        }
    }

    long capacity() {
        return capacity;
    }

    long used() {
        return used.get();
    }
}
