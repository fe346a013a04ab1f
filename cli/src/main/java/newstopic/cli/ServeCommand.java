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
        ServerConfig config = new ServerConfig(model.path(), host, port, maxBodyBytes, maxBatch, remoteAdmin, watch,
                Duration.ofSeconds(shutdownGrace));
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
        stopped.await();
        return 0;
    }

    private static void log(String message) {
        System.err.println(Instant.now() + " newstopic serve: " + message);
    }
}
