package newstopic.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

import newstopic.io.Sha256;
import newstopic.model.ModelFile;
import newstopic.model.TopicModel;
import newstopic.prediction.TopicClassifier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP prediction service: {@code /v1/classify}, the Open Inference Protocol under
 * {@code /v2}, {@code /metrics}, {@code /admin/reload} and the web page at {@code /}, on Jetty 12
 * (core handlers, no servlets).
 *
 * <pre>{@code
 * PredictionServer server = PredictionServer.start(ServerConfig.of(Path.of("models/newstopic.model")), System.err::println);
 * // ... until the service should end, or server.failure() completes:
 * server.stop(); // finishes the requests in flight first
 * }</pre>
 *
 * <p>Nothing a client does can wedge it: request heads and bodies have time limits, idle
 * connections close, the number of connections is capped, work per request is bounded (batch,
 * body, highlight and explanation limits) and requests claim memory from a budget, with 503 and
 * Retry-After when it is spent. Every fault a request causes, an {@link Error} included, is
 * answered with a JSON error and counted. When the server can no longer serve (its connector or
 * threads gone, or out of memory again and again), {@link #failure()} completes, so the caller
 * can exit and let a supervisor restart it. Thread-safe: handlers run concurrently, the model is
 * swapped atomically.
 */
public final class PredictionServer {

    private static final String TOOL_VERSION = "0.1.0";
    /** Out-of-memory errors within {@link #OOM_WINDOW_NANOS} after which the server gives up. */
    private static final int OOM_LIMIT = 3;
    private static final long OOM_WINDOW_NANOS = 60_000_000_000L;

    private final ServerConfig config;
    private final Consumer<String> log;
    private final ModelSlot slot;
    private final ServerMetrics metrics = new ServerMetrics();
    private final ClassifyHandler classify;
    private final InferenceProtocol v2;
    private final WebPage page = new WebPage();
    private final Server http;
    private final ServerConnector connector;
    private final QueuedThreadPool threads;
    private final ConnectionGuard guard;
    private final MemoryBudget budget;
    private final Set<String> allowedHosts; // null: any
    private final ModelWatcher watcher;
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final ConcurrentLinkedDeque<Long> recentOoms = new ConcurrentLinkedDeque<>();
    private final Thread watchdog;
    private volatile boolean stopping;

    private PredictionServer(ServerConfig config, ModelSlot slot, Consumer<String> log) throws IOException {
        this.config = config;
        this.log = log;
        this.slot = slot;
        this.classify = new ClassifyHandler(config.maxBatch(), config.maxHighlightChars(), config.maxExplainRows(), metrics);
        this.v2 = new InferenceProtocol(config.maxBatch(), metrics);
        this.budget = new MemoryBudget(config.effectiveMemoryBudget());
        this.allowedHosts = allowedHosts(config);
        this.threads = new QueuedThreadPool(config.threads() == 0 ? 200 : config.threads(), Math.min(8, config.threads() == 0 ? 8 : config.threads()));
        threads.setName("newstopic-http");
        // handlers run on virtual threads: a client dripping its body blocks one cheaply, not one of a few platform threads
        threads.setVirtualThreadsExecutor(java.util.concurrent.Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("newstopic-request-", 0).factory()));
        this.http = new Server(threads);
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setRequestHeaderSize(config.maxHeaderBytes());
        httpConfig.setSendServerVersion(false);
        httpConfig.setSendXPoweredBy(false);
        httpConfig.setDelayDispatchUntilContent(false);
        this.connector = new ServerConnector(http, 1, 1, new HttpConnectionFactory(httpConfig));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        connector.setReuseAddress(true);
        this.guard = new ConnectionGuard(config.headTimeout(), config.bodyTimeout());
        connector.addEventListener(guard);
        http.addConnector(connector);
        NetworkConnectionLimit limit = new NetworkConnectionLimit(config.effectiveMaxConnections(), connector);
        limit.setEndPointIdleTimeout(1000); // at the cap, idle connections make room within a second
        http.addBean(limit);
        http.setHandler(new GracefulHandler(new Handler()));
        http.setErrorHandler(new JsonErrors());
        http.setStopTimeout(Math.max(1, config.shutdownGrace().toMillis()));
        http.setStopAtShutdown(false);
        this.watcher = config.watch() && config.model() != null ? new ModelWatcher(slot, log) : null;
        this.watchdog = Thread.ofPlatform().daemon().name("newstopic-watchdog").unstarted(this::watch);
    }

    /** Loads and checks the model, then listens; fails (nothing started) when either cannot be done. */
    public static PredictionServer start(ServerConfig config, Consumer<String> log) throws IOException {
        if (config.model() == null) {
            throw new IllegalArgumentException("no model file in the configuration: start from a loaded model instead");
        }
        return start(config, new ModelSlot(config.model()), log);
    }

    /**
     * Serves a model already loaded (its version is the SHA-256 of its bytes as a file). Reloads
     * read {@code config.model()} when it is given; without it they answer 409.
     */
    public static PredictionServer start(ServerConfig config, TopicModel model, Consumer<String> log) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ModelFile.writeTo(model, bytes);
        String version = Sha256.hex(bytes.toByteArray()).substring(0, 12);
        String name = config.model() == null ? "newstopic" : ServedModel.nameOf(config.model());
        ServedModel served = new ServedModel(new TopicClassifier(model), name, version, config.model(), Instant.now(),
                Json.MAPPER.readTree(ModelFile.headerJson(model)));
        return start(config, new ModelSlot(config.model(), served), log);
    }

    private static PredictionServer start(ServerConfig config, ModelSlot slot, Consumer<String> log) throws IOException {
        PredictionServer server = new PredictionServer(config, slot, log);
        try {
            server.http.start();
        } catch (IOException e) {
            server.abandon();
            throw e;
        } catch (Exception e) {
            server.abandon();
            throw new IOException("the HTTP server did not start: " + e.getMessage(), e);
        }
        server.watchdog.start();
        ServedModel m = server.slot.get();
        log.accept("serving model " + m.name() + " version " + m.version() + " (" + String.join(", ", m.classifier().labels())
                + ") on http://" + server.address());
        return server;
    }

    private void abandon() {
        stopping = true;
        guard.close();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // nothing was served
            }
        }
        try {
            http.stop();
        } catch (Exception e) {
            // it never started
        }
    }

    /** The host and port the server listens on (the real port when 0 was asked). */
    public String address() {
        String host = config.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Completes, with the reason, when the server can no longer serve: its connector or threads
     * stopped without {@link #stop()}, or it ran out of memory {@value #OOM_LIMIT} times within a
     * minute. The caller should then stop it and exit non-zero, so a supervisor restarts it.
     */
    public CompletionStage<String> failure() {
        return failure;
    }

    /**
     * Stops accepting connections, lets requests in flight finish (up to the configured grace),
     * then ends. Readiness answers 503 from the start of the stop, for load balancers.
     */
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        watchdog.interrupt();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.accept("closing the model watcher: " + e.getMessage());
            }
        }
        try {
            http.stop();
        } catch (Exception e) {
            log.accept("stopping the HTTP server: " + e.getMessage());
        }
        guard.close();
        log.accept("stopped");
    }

    private void watch() {
        try {
            while (!stopping) {
                Thread.sleep(1000);
                if (!stopping && (!http.isRunning() || !connector.isOpen() || !threads.isRunning())) {
                    fail("the HTTP server stopped serving (" + http.getState() + ", connector " + (connector.isOpen() ? "open" : "closed") + ")");
                }
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    private void fail(String reason) {
        if (failure.complete(reason)) {
            log.accept("cannot serve any more: " + reason);
        }
    }

    private void outOfMemory() {
        long now = System.nanoTime();
        recentOoms.addLast(now);
        while (!recentOoms.isEmpty() && now - recentOoms.peekFirst() > OOM_WINDOW_NANOS) {
            recentOoms.pollFirst();
        }
        if (recentOoms.size() >= OOM_LIMIT) {
            fail("out of memory " + OOM_LIMIT + " times within a minute; restart with a larger heap (-Xmx) or a smaller --memory-budget");
        }
    }

    private static Set<String> allowedHosts(ServerConfig config) {
        Set<String> hosts = new HashSet<>();
        if (!config.allowedHosts().isEmpty()) {
            config.allowedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
            return hosts;
        }
        boolean loopback;
        try {
            loopback = java.net.InetAddress.getByName(config.host()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            return null;
        }
        hosts.addAll(List.of("localhost", "127.0.0.1", "[::1]", "::1"));
        String h = config.host().toLowerCase(Locale.ROOT);
        hosts.add(h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h);
        return hosts;
    }

    /** The host part of a Host or Origin authority, lower-cased, without its port. */
    private static String hostOf(String authority) {
        String a = authority.trim().toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? a : a.substring(0, end + 1);
        }
        int colon = a.indexOf(':');
        return colon < 0 ? a : a.substring(0, colon);
    }

    /** Jetty's entry: answers every request, whatever happens, and counts it. */
    private final class Handler extends org.eclipse.jetty.server.Handler.Abstract {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback) {
            ConnectionGuard.Track track = guard.begin(request.getConnectionMetaData().getConnection());
            Response answer = respond(request, track);
            send(request, response, answer, Callback.from(() -> {
                guard.end(track);
                callback.succeeded();
            }, x -> {
                guard.end(track);
                callback.failed(x);
            }));
            return true;
        }
    }

    private Response respond(org.eclipse.jetty.server.Request exchange, ConnectionGuard.Track track) {
        long started = System.nanoTime();
        Route route = Route.OTHER;
        Response response;
        long claimed = 0;
        Request request = new Request(exchange, config.maxBodyBytes(), track == null ? () -> { } : track::bodyRead);
        try {
            route = route(request.path());
            checkHost(request);
            if (route == Route.CLASSIFY || route == Route.V2_INFER) {
                long length = exchange.getLength();
                long claim = (length >= 0 ? Math.min(length, config.maxBodyBytes()) : config.maxBodyBytes()) * (long) ServerConfig.BYTES_PER_BODY_BYTE;
                claimed = budget.tryClaim(Math.max(claim, 64 * 1024));
                if (claimed < 0) {
                    claimed = 0;
                    metrics.rejectedBusy.increment();
                    throw new Busy();
                }
            }
            response = dispatch(route, request);
        } catch (Busy e) {
            request.discardBody(); // read through a small buffer: the client gets the 503, not a reset
            response = Response.error(503, "the server is busy: requests in flight hold its memory budget ("
                    + budget.capacity() / (1 << 20) + " MiB, the server's --memory-budget); retry in a second").withHeader("Retry-After", "1");
        } catch (ApiException e) {
            response = Response.error(e.status(), e.getMessage());
            if (e.allow() != null) {
                response = response.withHeader("Allow", e.allow());
            }
        } catch (IOException e) {
            response = Response.error(400, "the request could not be read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            response = Response.error(500, "internal error: out of memory; send smaller requests or fewer at once");
            log.accept("out of memory on " + request.method() + " " + request.path());
            outOfMemory();
        } catch (RuntimeException | Error e) {
            log.accept("internal error on " + request.method() + " " + request.path() + ": " + e);
            response = Response.error(500, "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            budget.release(claimed);
        }
        // counted before the answer leaves: a client that reads /metrics next sees its request
        metrics.record(route, response.status(), System.nanoTime() - started);
        return response;
    }

    /** Thrown when the memory budget is spent. */
    private static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }

    private void checkHost(Request request) {
        if (allowedHosts == null) {
            return;
        }
        String host = request.header("Host");
        if (host != null && !allowedHosts.contains(hostOf(host))) {
            throw new ApiException(421, "Host '" + host + "' is not served here; this server answers "
                    + String.join(", ", allowedHosts.stream().sorted().toList()) + " (the server's --allowed-hosts)");
        }
    }

    private static Route route(String path) {
        return switch (path) {
            case "/v1/classify" -> Route.CLASSIFY;
            case "/v2", "/v2/" -> Route.V2_SERVER;
            case "/v2/health/live" -> Route.V2_LIVE;
            case "/v2/health/ready" -> Route.V2_READY;
            case "/metrics" -> Route.METRICS;
            case "/admin/reload" -> Route.RELOAD;
            case "/", "/index.html", "/app.js", "/style.css" -> Route.PAGE;
            default -> {
                ModelPath m = ModelPath.parse(path);
                if (m == null) {
                    yield Route.OTHER;
                }
                yield switch (m.rest()) {
                    case "" -> Route.V2_MODEL;
                    case "/ready" -> Route.V2_MODEL_READY;
                    case "/infer" -> Route.V2_INFER;
                    default -> Route.OTHER;
                };
            }
        };
    }

    /**
     * A path under {@code /v2/models/}: {@code {name}[/versions/{version}]{rest}}, with version
     * null when not given.
     */
    private record ModelPath(String name, String version, String rest) {

        private static final String PREFIX = "/v2/models/";
        private static final String VERSIONS = "/versions/";

        /** The parts of {@code path}, or null when it is not under {@code /v2/models/}. */
        static ModelPath parse(String path) {
            if (!path.startsWith(PREFIX)) {
                return null;
            }
            String tail = path.substring(PREFIX.length());
            int slash = tail.indexOf('/');
            String name = slash < 0 ? tail : tail.substring(0, slash);
            String rest = slash < 0 ? "" : tail.substring(slash);
            String version = null;
            if (rest.startsWith(VERSIONS)) {
                int end = rest.indexOf('/', VERSIONS.length());
                version = end < 0 ? rest.substring(VERSIONS.length()) : rest.substring(VERSIONS.length(), end);
                rest = end < 0 ? "" : rest.substring(end);
            }
            return new ModelPath(name, version, rest);
        }
    }

    private Response dispatch(Route route, Request request) throws IOException {
        ServedModel model = slot.get(); // one model for the whole request, whatever reloads meanwhile
        return switch (route) {
            case CLASSIFY -> {
                expect(request, "POST");
                yield classify.handle(request, model);
            }
            case V2_SERVER -> {
                expect(request, "GET");
                yield v2.server(TOOL_VERSION);
            }
            case V2_LIVE -> {
                expect(request, "GET");
                yield Response.json(200, "{\"live\":true}".getBytes(StandardCharsets.UTF_8));
            }
            case V2_READY -> {
                expect(request, "GET");
                yield readiness();
            }
            case V2_MODEL, V2_MODEL_READY, V2_INFER -> {
                checkModel(request.path(), model);
                if (route == Route.V2_INFER) {
                    expect(request, "POST");
                    yield v2.infer(request, model);
                }
                expect(request, "GET");
                yield route == Route.V2_MODEL ? v2.metadata(model) : readiness();
            }
            case METRICS -> {
                expect(request, "GET");
                yield new Response(200, "text/plain; version=0.0.4; charset=utf-8",
                        (metrics.render(model, slot) + ServerMetrics.renderConnections(guard.open(),
                        guard.headTimeouts.sum(), guard.bodyTimeouts.sum(), budget.used())).getBytes(StandardCharsets.UTF_8), Map.of());
            }
            case RELOAD -> reload(request);
            case PAGE -> {
                expect(request, "GET");
                yield page.get(request.path());
            }
            case OTHER -> throw ApiException.notFound("no such route: " + request.path()
                    + " (routes: /v1/classify, /v2/..., /metrics, /admin/reload, /)");
        };
    }

    private Response readiness() {
        return stopping
                ? Response.error(503, "the server is shutting down")
                : Response.json(200, "{\"ready\":true}".getBytes(StandardCharsets.UTF_8));
    }

    private static void checkModel(String path, ServedModel model) {
        ModelPath m = ModelPath.parse(path);
        if (!m.name().equals(model.name())) {
            throw ApiException.notFound("no model named '" + m.name() + "'; this server serves '" + model.name() + "'");
        }
        if (m.version() != null && !m.version().equals(model.version())) {
            throw ApiException.notFound("model '" + m.name() + "' has no version '" + m.version() + "'; the version serving is " + model.version());
        }
    }

    private Response reload(Request request) {
        expect(request, "POST");
        if (!config.remoteAdmin() && !request.fromLoopback()) {
            throw new ApiException(403, "reload is allowed from loopback only (start the server with --remote-admin to allow others)");
        }
        String origin = request.header("Origin");
        String host = request.header("Host");
        if (origin != null) {
            String originHost = origin.startsWith("http://") ? origin.substring("http://".length()) : null;
            if (originHost == null || host == null || !hostOf(originHost).equals(hostOf(host))
                    || (allowedHosts != null && !allowedHosts.contains(hostOf(originHost)))) {
                throw new ApiException(403, "reload refused from Origin '" + origin + "': only pages of this server may reload it");
            }
        }
        String type = request.header("Content-Type");
        boolean json = type != null && type.split(";")[0].trim().equalsIgnoreCase("application/json");
        if (!json && request.header(Request.RELOAD_HEADER) == null) {
            throw new ApiException(415, "send POST /admin/reload with Content-Type: application/json or the header "
                    + Request.RELOAD_HEADER + ": 1 (other web pages cannot send either, so they cannot trigger reloads)");
        }
        if (slot.path() == null) {
            throw new ApiException(409, "this server was started from a loaded model and has no model file to reload");
        }
        try {
            ServedModel m = slot.reload();
            log.accept("reloaded: now serving " + m.name() + " version " + m.version());
            return Response.json(200, Json.write(g -> {
                g.writeStartObject();
                g.writeStringProperty("name", m.name());
                g.writeStringProperty("version", m.version());
                g.writeStringProperty("loaded_at", m.loadedAt().toString());
                g.writeEndObject();
            }));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            ServedModel old = slot.get();
            String why = e instanceof OutOfMemoryError ? "out of memory while loading it" : e.getMessage();
            log.accept("reload failed, version " + old.version() + " keeps serving: " + why);
            return Response.error(500, "reload failed, version " + old.version() + " keeps serving: " + why);
        }
    }

    private static void expect(Request request, String method) {
        if (!request.method().equals(method) && !(method.equals("GET") && request.method().equals("HEAD"))) {
            throw ApiException.methodNotAllowed(request.method() + " is not allowed on " + request.path() + "; use " + method,
                    method.equals("GET") ? "GET, HEAD" : method);
        }
    }

    private static void send(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response out, Response response,
                             Callback callback) {
        out.setStatus(response.status());
        var headers = out.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, response.contentType());
        response.headers().forEach(headers::put);
        byte[] body = response.body();
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        boolean head = request.getMethod().equals("HEAD");
        out.write(true, head || body.length == 0 ? null : ByteBuffer.wrap(body), callback);
    }

    /**
     * Errors that Jetty answers itself (a malformed request line, a bad header, a head over the
     * limit, ...): as JSON like every other error, and counted.
     */
    private final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object message = request.getAttribute(ERROR_MESSAGE);
            String text = switch (status) {
                case 431 -> "the request head is over the limit of " + config.maxHeaderBytes() + " bytes (the server's --max-header-bytes)";
                case 408 -> "the request took too long to arrive";
                default -> (message == null ? org.eclipse.jetty.http.HttpStatus.getMessage(status) : message.toString());
            };
            Response answer = Response.error(status, status == 400 ? "bad request: " + text : text);
            metrics.record(Route.OTHER, status, 0);
            out(request, response, answer, callback);
            return true;
        }

        private void out(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Response answer, Callback callback) {
            send(request, response, answer, callback);
        }
    }
}
