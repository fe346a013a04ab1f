package newstopic.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.jetty.io.Connection;

/**
 * Closes connections whose client is too slow: a request head started but not finished within
 * the head timeout (one byte a second, or half a head and then silence), or a request whose body
 * has not arrived within the body timeout. Idle connections are the connector's idle timeout's
 * business. One daemon thread sweeps every connection a few times a second; the request path only
 * sets a few volatile fields. Thread-safe.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {

    /** What the guard knows of one connection. */
    static final class Track {
        private final Connection connection;
        private volatile long boundaryBytes;
        private volatile long headSeenNanos;
        private volatile long bodyDeadlineNanos;
        private volatile boolean inRequest;

        Track(Connection connection) {
            this.connection = connection;
        }

        /** The request's body has been read whole: what follows is the server's time, not the client's. */
        void bodyRead() {
            bodyDeadlineNanos = 0;
        }
    }

    private final long headTimeoutNanos;
    private final long bodyTimeoutNanos;
    private final Map<Connection, Track> tracks = new ConcurrentHashMap<>();
    private final Thread sweeper;
    final LongAdder headTimeouts = new LongAdder();
    final LongAdder bodyTimeouts = new LongAdder();

    ConnectionGuard(java.time.Duration headTimeout, java.time.Duration bodyTimeout) {
        this.headTimeoutNanos = headTimeout.toNanos();
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
        long period = Math.max(50, Math.min(500, Math.min(headTimeout.toMillis(), bodyTimeout.toMillis()) / 4));
        this.sweeper = Thread.ofPlatform().daemon().name("newstopic-connection-guard").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(period);
                    sweep(System.nanoTime());
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    @Override
    public void onOpened(Connection connection) {
        Track t = new Track(connection);
        t.boundaryBytes = connection.getBytesIn();
        tracks.put(connection, t);
    }

    @Override
    public void onClosed(Connection connection) {
        tracks.remove(connection);
    }

    int open() {
        return tracks.size();
    }

    /** A request's head has arrived on {@code connection}: its body has the body timeout from now. */
    Track begin(Connection connection) {
        Track t = tracks.get(connection);
        if (t == null) {
            return null;
        }
        t.inRequest = true;
        t.bodyDeadlineNanos = System.nanoTime() + bodyTimeoutNanos;
        return t;
    }

    /** The answer has been sent: the next request head, if any, starts now. */
    void end(Track t) {
        if (t == null) {
            return;
        }
        t.bodyDeadlineNanos = 0;
        t.boundaryBytes = t.connection.getBytesIn();
        t.headSeenNanos = 0;
        t.inRequest = false;
    }

    private void sweep(long now) {
        for (Track t : tracks.values()) {
            if (t.inRequest) {
                long deadline = t.bodyDeadlineNanos;
                if (deadline != 0 && now - deadline > 0) {
                    bodyTimeouts.increment();
                    t.connection.getEndPoint().close();
                }
            } else if (t.connection.getBytesIn() > t.boundaryBytes) {
                long seen = t.headSeenNanos;
                if (seen == 0) {
                    t.headSeenNanos = now;
                } else if (now - seen > headTimeoutNanos) {
                    headTimeouts.increment();
                    t.connection.getEndPoint().close();
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.interrupt();
    }
}
