package newstopic.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link PredictionServer} runs. Immutable and thread-safe.
 *
 * @param model             the model file to serve (and reload)
 * @param host              the address to listen on; loopback by default, so nothing is exposed by accident
 * @param port              the port; 0 picks a free one
 * @param maxBodyBytes      largest request body accepted (413 beyond)
 * @param maxBatch          most articles in one request (413 beyond)
 * @param remoteAdmin       whether {@code /admin/reload} answers clients other than loopback
 * @param watch             whether a change of the model file reloads it
 * @param shutdownGrace     how long a stop waits for requests in flight
 */
public record ServerConfig(Path model, String host, int port, int maxBodyBytes, int maxBatch, boolean remoteAdmin,
                           boolean watch, Duration shutdownGrace) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 8 << 20;
    public static final int DEFAULT_MAX_BATCH = 1000;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (maxBodyBytes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("the body and batch limits must be at least 1");
        }
    }

    /** The defaults for a model file: loopback, port 8080, 8 MiB bodies, 1000 articles, 10 s to drain. */
    public static ServerConfig of(Path model) {
        return new ServerConfig(model, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH, false, false,
                Duration.ofSeconds(10));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(model, host, newPort, maxBodyBytes, maxBatch, remoteAdmin, watch, shutdownGrace);
    }

    public ServerConfig withLimits(int newMaxBodyBytes, int newMaxBatch) {
        return new ServerConfig(model, host, port, newMaxBodyBytes, newMaxBatch, remoteAdmin, watch, shutdownGrace);
    }

    public ServerConfig withWatch(boolean newWatch) {
        return new ServerConfig(model, host, port, maxBodyBytes, maxBatch, remoteAdmin, newWatch, shutdownGrace);
    }
}
