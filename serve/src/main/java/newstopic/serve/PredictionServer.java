package newstopic.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP prediction service: {@code /v1/classify}, the Open Inference Protocol under
 * {@code /v2}, {@code /metrics}, {@code /admin/reload} and the web page at {@code /}, on the JDK's
 * built-in server with a virtual thread per request.
 *
 * <pre>{@code
 * PredictionServer server = PredictionServer.start(ServerConfig.of(Path.of("models/newstopic.model")), System.err::println);
 * // ... until the service should end:
 * server.stop(); // finishes the requests in flight first
 * }</pre>
 *
 * <p>Every fault a request can cause is answered with a JSON error and counted; none stops the
 * server. Thread-safe: handlers run concurrently, the model is swapped atomically.
 */
public final class PredictionServer {

    private static final String TOOL_VERSION = "0.1.0";

    static {
        // answers are small and written whole: don't let Nagle's algorithm hold them back
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ServerConfig config;
    private final Consumer<String> log;
    private final ModelSlot slot;
    private final ServerMetrics metrics = new ServerMetrics();
    private final ClassifyHandler classify;
    private final InferenceProtocol v2;
    private final WebPage page = new WebPage();
    private final HttpServer http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ModelWatcher watcher;
    private volatile boolean stopping;

    private PredictionServer(ServerConfig config, Consumer<String> log) throws IOException {
        this.config = config;
        this.log = log;
        this.slot = new ModelSlot(config.model());
        this.classify = new ClassifyHandler(config.maxBatch(), metrics);
        this.v2 = new InferenceProtocol(config.maxBatch(), metrics);
        this.http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        this.watcher = config.watch() ? new ModelWatcher(slot, log) : null;
    }

    /** Loads and checks the model, then listens; fails (nothing started) when either cannot be done. */
    public static PredictionServer start(ServerConfig config, Consumer<String> log) throws IOException {
        PredictionServer server = new PredictionServer(config, log);
        server.http.start();
        ServedModel m = server.slot.get();
        log.accept("serving model " + m.name() + " version " + m.version() + " (" + String.join(", ", m.classifier().labels())
                + ") on http://" + server.address());
        return server;
    }

    /** The host and port the server listens on (the real port when 0 was asked). */
    public String address() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    public int port() {
        return http.getAddress().getPort();
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
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.accept("closing the model watcher: " + e.getMessage());
            }
        }
        http.stop((int) Math.max(1, config.shutdownGrace().toSeconds()));
        executor.shutdown();
        log.accept("stopped");
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        Route route = Route.OTHER;
        Response response;
        try (exchange) {
            Request request = new Request(exchange, config.maxBodyBytes());
            try {
                route = route(request.path());
                response = dispatch(route, request);
            } catch (ApiException e) {
                response = Response.error(e.status(), e.getMessage());
                if (e.allow() != null) {
                    response = response.withHeader("Allow", e.allow());
                }
            } catch (IOException e) {
                response = Response.error(400, "the request could not be read: " + e.getMessage());
            } catch (RuntimeException e) {
                log.accept("internal error on " + request.method() + " " + request.path() + ": " + e);
                response = Response.error(500, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            // counted before the answer leaves: a client that reads /metrics next sees its request
            metrics.record(route, response.status(), System.nanoTime() - started);
            send(exchange, response);
        } catch (IOException e) {
            // the client went away while we answered; nothing left to tell it
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
                        metrics.render(model, slot).getBytes(StandardCharsets.UTF_8), Map.of());
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
        } catch (IOException | RuntimeException e) {
            ServedModel old = slot.get();
            log.accept("reload failed, version " + old.version() + " keeps serving: " + e.getMessage());
            return Response.error(500, "reload failed, version " + old.version() + " keeps serving: " + e.getMessage());
        }
    }

    private static void expect(Request request, String method) {
        if (!request.method().equals(method) && !(method.equals("GET") && request.method().equals("HEAD"))) {
            throw ApiException.methodNotAllowed(request.method() + " is not allowed on " + request.path() + "; use " + method,
                    method.equals("GET") ? "GET, HEAD" : method);
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length == 0 ? -1 : response.body().length);
        if (!head && response.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
