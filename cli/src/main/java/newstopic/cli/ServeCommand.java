package newstopic.cli;

import java.net.BindException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import newstopic.serve.PredictionServer;
import newstopic.serve.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Puts a model behind HTTP until the process is stopped (Ctrl-C or SIGTERM finish requests in flight first). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a model over HTTP: POST /v1/classify, the Open Inference Protocol under /v2,",
                "GET /metrics (Prometheus), POST /admin/reload and a web page at /."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--host", description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 for every interface.",
            defaultValue = ServerConfig.DEFAULT_HOST)
    String host;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.", defaultValue = "8080")
    int port;

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "Largest request body accepted (413 beyond). Default: ${DEFAULT-VALUE}.",
            defaultValue = "8388608")
    int maxBodyBytes;

    @Option(names = "--max-batch", paramLabel = "N", description = "Most articles in one request (413 beyond). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1000")
    int maxBatch;

    @Option(names = "--watch", description = "Reload the model when its file changes (a bad file keeps the old model serving).")
    boolean watch;

    @Option(names = "--remote-admin", description = "Accept POST /admin/reload from other hosts too, not only loopback.")
    boolean remoteAdmin;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", description = "How long a stop waits for requests in flight. Default: ${DEFAULT-VALUE}.",
            defaultValue = "10")
    int shutdownGrace;

    @Option(names = "--max-header-bytes", paramLabel = "N", description = "Largest request head accepted (431 beyond). Default: ${DEFAULT-VALUE}.",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_HEADER_BYTES)
    int maxHeaderBytes;

    @Option(names = "--head-timeout", paramLabel = "SECONDS", description = "Longest time a client may take to send a request head. Default: ${DEFAULT-VALUE}.",
            defaultValue = "10")
    double headTimeout;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", description = "Longest time a request body may take to arrive. Default: ${DEFAULT-VALUE}.",
            defaultValue = "30")
    double bodyTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "How long an idle connection stays open. Default: ${DEFAULT-VALUE}.",
            defaultValue = "30")
    double idleTimeout;

    @Option(names = "--max-connections", paramLabel = "N", description = "Most open connections; at the cap idle ones close within a second. "
            + "Default: 0, three quarters of the file descriptor limit (at most 10000).", defaultValue = "0")
    int maxConnections;

    @Option(names = "--memory-budget", paramLabel = "BYTES", description = "Memory that requests in flight may claim (about "
            + ServerConfig.BYTES_PER_BODY_BYTE + " bytes per body byte); beyond it 503 with Retry-After. Default: 0, half the maximum heap.",
            defaultValue = "0")
    long memoryBudget;

    @Option(names = "--max-highlight-chars", paramLabel = "N", description = "Most characters per request that ?highlight=true annotates (413 beyond). Default: ${DEFAULT-VALUE}.",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_HIGHLIGHT_CHARS)
    int maxHighlightChars;

    @Option(names = "--max-explain-rows", paramLabel = "N", description = "Most explanation rows per request, explain x articles x labels (413 beyond). Default: ${DEFAULT-VALUE}.",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_EXPLAIN_ROWS)
    int maxExplainRows;

    @Option(names = "--allowed-hosts", paramLabel = "HOST", split = ",", description = "Host header names accepted (against DNS rebinding). "
            + "Default: localhost, 127.0.0.1 and [::1] when listening on loopback, any host otherwise.")
    java.util.List<String> allowedHosts = java.util.List.of();

    @Option(names = "--threads", paramLabel = "N", description = "Most request threads. Default: 0, Jetty's 200.", defaultValue = "0")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(model.path())) {
            throw new UserException(model.path() + ": no model there; train one with './newstopic train' or name one with --model");
        }
        if (port < 0 || port > 65535) {
            throw new UserException("--port " + port + " is not between 0 and 65535");
        }
        if (maxBodyBytes < 1 || maxBatch < 1 || shutdownGrace < 0) {
            throw new UserException("--max-body-bytes and --max-batch must be at least 1, --shutdown-grace at least 0");
        }
        if (!(headTimeout > 0 && bodyTimeout > 0 && idleTimeout > 0)) {
            throw new UserException("--head-timeout, --body-timeout and --idle-timeout must be more than 0 seconds");
        }
        ServerConfig config;
        try {
            config = new ServerConfig(model.path(), host, port, maxBodyBytes, maxBatch, remoteAdmin, watch,
                    Duration.ofSeconds(shutdownGrace), maxHeaderBytes, seconds(headTimeout), seconds(bodyTimeout), seconds(idleTimeout),
                    maxConnections, memoryBudget, maxHighlightChars, maxExplainRows, allowedHosts, threads);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        PredictionServer server;
        try {
            server = PredictionServer.start(config, ServeCommand::log);
        } catch (BindException e) {
            throw new UserException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another server using it? Choose another with --port");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping: finishing requests in flight");
            server.stop();
            stopped.countDown();
        }, "newstopic-shutdown"));
        // a server that can no longer serve exits non-zero, so a supervisor restarts it: never up but dead
        java.util.concurrent.atomic.AtomicReference<String> failed = new java.util.concurrent.atomic.AtomicReference<>();
        server.failure().thenAccept(reason -> {
            failed.set(reason);
            stopped.countDown();
        });
        stopped.await();
        if (failed.get() != null) {
            log("exiting: " + failed.get());
            server.stop();
            return 3;
        }
        return 0;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    private static void log(String message) {
        System.err.println(Instant.now() + " newstopic serve: " + message);
    }
}
