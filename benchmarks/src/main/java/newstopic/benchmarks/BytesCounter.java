package newstopic.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * UTF-8 bytes of text processed. JMH reports the counter per second, in its own {@code :bytes}
 * row next to the documents per second, so 1,000,000 ops/s there is 1 MB/s. Like every JMH
 * counter it is summed over the benchmark's threads. Not thread-safe: one per thread
 * ({@code Scope.Thread}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class BytesCounter {

    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
        bytes = 0;
    }
}
