package newstopic.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link PredictionServer} runs. Immutable and thread-safe.
 *
 * @param model             the model file to serve (and reload); null when the server is started from a loaded model
 *                          and has no file to reload
 * @param host              the address to listen on; loopback by default, so nothing is exposed by accident
 * @param port              the port; 0 picks a free one
 * @param maxBodyBytes      largest request body accepted (413 beyond)
 * @param maxBatch          most articles in one request (413 beyond)
 * @param remoteAdmin       whether {@code /admin/reload} answers clients other than loopback
 * @param watch             whether a change of the model file reloads it
 * @param shutdownGrace     how long a stop waits for requests in flight
 * @param maxHeaderBytes    largest request head (request line and headers) accepted (431 beyond)
 * @param headTimeout       longest time a client may take to send a request head once it started one
 * @param bodyTimeout       longest time a request may take, from its head to the last byte of its body
 * @param idleTimeout       how long a connection may sit idle before it is closed
 * @param maxConnections    most open connections; at the cap, no more are accepted and idle ones close within a second.
 *                          0 picks three quarters of the process's file descriptor limit, at most 10,000
 * @param memoryBudget      bytes of memory that requests in flight may claim (each about
 *                          {@link #BYTES_PER_BODY_BYTE} per body byte); a request that does not fit gets 503 with
 *                          Retry-After. 0 picks half the maximum heap
 * @param maxHighlightChars most characters of text per request that {@code ?highlight=true} annotates (413 beyond)
 * @param maxExplainRows    most explanation rows per request: {@code explain} times articles times labels (413 beyond)
 * @param allowedHosts      Host header names accepted (any port), to defeat DNS rebinding; empty picks localhost,
 *                          127.0.0.1, [::1] and the listening host when bound to loopback, and any host otherwise
 * @param threads           most request threads; 0 picks a default (200)
 */
public record ServerConfig(Path model, String host, int port, int maxBodyBytes, int maxBatch, boolean remoteAdmin,
                           boolean watch, Duration shutdownGrace, int maxHeaderBytes, Duration headTimeout,
                           Duration bodyTimeout, Duration idleTimeout, int maxConnections, long memoryBudget,
                           int maxHighlightChars, int maxExplainRows, List<String> allowedHosts, int threads) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 8 << 20;
    public static final int DEFAULT_MAX_BATCH = 1000;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 << 10;
    public static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_HIGHLIGHT_CHARS = 256 << 10;
    public static final int DEFAULT_MAX_EXPLAIN_ROWS = 100_000;
    /** The memory a request is taken to claim per byte of its body: text, JSON tree, features and answer. */
    public static final int BYTES_PER_BODY_BYTE = 12;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (maxBodyBytes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("the body and batch limits must be at least 1");
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("the request head limit must be at least 1024 bytes, not " + maxHeaderBytes);
        }
        for (Duration d : new Duration[] {shutdownGrace, headTimeout, bodyTimeout, idleTimeout}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("timeouts must be given and not negative");
            }
        }
        if (headTimeout.isZero() || bodyTimeout.isZero() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the head, body and idle timeouts must be longer than 0");
        }
        if (maxConnections < 0 || memoryBudget < 0 || maxHighlightChars < 0 || maxExplainRows < 0 || threads < 0) {
            throw new IllegalArgumentException("connection, memory, highlight, explain and thread limits must be 0 or more");
        }
        if (threads != 0 && threads < 4) {
            throw new IllegalArgumentException("at least 4 threads are needed, not " + threads);
        }
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** The settings before the limits of issue #11, with their defaults. */
    public ServerConfig(Path model, String host, int port, int maxBodyBytes, int maxBatch, boolean remoteAdmin,
                        boolean watch, Duration shutdownGrace) {
        this(model, host, port, maxBodyBytes, maxBatch, remoteAdmin, watch, shutdownGrace, DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_HEAD_TIMEOUT, DEFAULT_BODY_TIMEOUT, DEFAULT_IDLE_TIMEOUT, 0, 0, DEFAULT_MAX_HIGHLIGHT_CHARS,
                DEFAULT_MAX_EXPLAIN_ROWS, List.of(), 0);
    }

    /** The defaults for a model file: loopback, port 8080, 8 MiB bodies, 1000 articles, 10 s to drain. */
    public static ServerConfig of(Path model) {
        return new ServerConfig(model, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH, false, false,
                Duration.ofSeconds(10));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(model, host, newPort, maxBodyBytes, maxBatch, remoteAdmin, watch, shutdownGrace, maxHeaderBytes,
                headTimeout, bodyTimeout, idleTimeout, maxConnections, memoryBudget, maxHighlightChars, maxExplainRows, allowedHosts, threads);
    }

    public ServerConfig withLimits(int newMaxBodyBytes, int newMaxBatch) {
        return new ServerConfig(model, host, port, newMaxBodyBytes, newMaxBatch, remoteAdmin, watch, shutdownGrace, maxHeaderBytes,
                headTimeout, bodyTimeout, idleTimeout, maxConnections, memoryBudget, maxHighlightChars, maxExplainRows, allowedHosts, threads);
    }

    public ServerConfig withWatch(boolean newWatch) {
        return new ServerConfig(model, host, port, maxBodyBytes, maxBatch, remoteAdmin, newWatch, shutdownGrace, maxHeaderBytes,
                headTimeout, bodyTimeout, idleTimeout, maxConnections, memoryBudget, maxHighlightChars, maxExplainRows, allowedHosts, threads);
    }

    public ServerConfig withTimeouts(Duration head, Duration body, Duration idle) {
        return new ServerConfig(model, host, port, maxBodyBytes, maxBatch, remoteAdmin, watch, shutdownGrace, maxHeaderBytes,
                head, body, idle, maxConnections, memoryBudget, maxHighlightChars, maxExplainRows, allowedHosts, threads);
    }

    public ServerConfig withMaxConnections(int n) {
        return new ServerConfig(model, host, port, maxBodyBytes, maxBatch, remoteAdmin, watch, shutdownGrace, maxHeaderBytes,
                headTimeout, bodyTimeout, idleTimeout, n, memoryBudget, maxHighlightChars, maxExplainRows, allowedHosts, threads);
    }

    public ServerConfig withMemoryBudget(long bytes) {
        return new ServerConfig(model, host, port, maxBodyBytes, maxBatch, remoteAdmin, watch, shutdownGrace, maxHeaderBytes,
                headTimeout, bodyTimeout, idleTimeout, maxConnections, bytes, maxHighlightChars, maxExplainRows, allowedHosts, threads);
    }

    public ServerConfig withOutputLimits(int highlightChars, int explainRows) {
        return new ServerConfig(model, host, port, maxBodyBytes, maxBatch, remoteAdmin, watch, shutdownGrace, maxHeaderBytes,
                headTimeout, bodyTimeout, idleTimeout, maxConnections, memoryBudget, highlightChars, explainRows, allowedHosts, threads);
    }

    public ServerConfig withAllowedHosts(List<String> hosts) {
        return new ServerConfig(model, host, port, maxBodyBytes, maxBatch, remoteAdmin, watch, shutdownGrace, maxHeaderBytes,
                headTimeout, bodyTimeout, idleTimeout, maxConnections, memoryBudget, maxHighlightChars, maxExplainRows, hosts, threads);
    }

    /** The connection cap in force: as given, or derived from the file descriptor limit. */
    int effectiveMaxConnections() {
        if (maxConnections > 0) {
            return maxConnections;
        }
        long fds = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : 4096;
        return (int) Math.max(16, Math.min(10_000, fds * 3 / 4 - 32));
    }

    /** The memory budget in force: as given, or half the maximum heap. */
    long effectiveMemoryBudget() {
        return memoryBudget > 0 ? memoryBudget : Runtime.getRuntime().maxMemory() / 2;
    }
}
