package newstopic.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import newstopic.model.CraftedModels;
import newstopic.model.Mode;
import newstopic.model.ModelFile;
import newstopic.model.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server against careless and hostile clients (issue #11): slow heads and bodies, idle
 * sockets beyond the connection cap, protocol errors, cross-site reloads, rebinding Host names,
 * absurd tensor shapes and more work than memory allows. Timeouts are short here so the tests
 * are quick; a test only waits for something to happen, with a generous bound.
 */
class HostileClientTest {

    @TempDir
    Path dir;

    private Path modelFile;
    private PredictionServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ServerClient client = new ServerClient(() -> this.server.port());

    private static final Duration SHORT = Duration.ofMillis(800);

    @BeforeEach
    void start() throws IOException {
        modelFile = dir.resolve("topics.model");
        ModelFile.write(TestModels.small(Mode.MULTI), modelFile);
        server = PredictionServer.start(ServerConfig.of(modelFile).withPort(0).withLimits(256 * 1024, 10)
                .withTimeouts(SHORT, SHORT, Duration.ofSeconds(2)).withMaxConnections(40).withOutputLimits(200, 500), log::add);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Socket socket() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(15_000);
        return s;
    }

    /** Reads until the server closes; returns what it sent (empty when it just closed). */
    private static String untilClosed(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a slow connection open for 15 s");
        } catch (java.net.SocketException e) {
            return ""; // reset: closed too
        }
    }

    @Test
    void aHeadSentOneByteAtATimeIsCutOff() throws Exception {
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            byte[] head = "GET /v2/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            boolean closed = false;
            for (int i = 0; i < head.length - 4 && !closed; i++) {
                try {
                    out.write(head[i]);
                    out.flush();
                } catch (IOException e) {
                    closed = true; // written into a connection the server had closed
                }
                Thread.sleep(100); // 10 bytes a second: the whole head would take 10 s
            }
            assertEquals("", untilClosed(s), "no answer to a head never finished");
        }
        assertTrue(client.get("/metrics").body().contains("newstopic_http_connections_closed_slow_total{reason=\"head_timeout\"} 1"));
    }

    @Test
    void halfAHeadThenSilenceAndASlowBodyAreClosed() throws Exception {
        try (Socket s = socket()) {
            s.getOutputStream().write("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("", untilClosed(s));
        }
        try (Socket s = socket()) {
            s.getOutputStream().write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 40\r\n\r\n{\"text\":").getBytes(StandardCharsets.US_ASCII));
            untilClosed(s); // closed, with or without an answer, once the body timeout passes
        }
        String metrics = client.get("/metrics").body();
        assertTrue(metrics.contains("{reason=\"head_timeout\"} 1"), metrics);
        assertTrue(metrics.contains("{reason=\"body_timeout\"} 1"), metrics);
    }

    @Test
    void idleSocketsBeyondTheCapDoNotStarveRealClients() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) { // the cap is 40
                idle.add(new Socket("127.0.0.1", server.port()));
            }
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(client.uri("/v1/classify")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"war\"}")).build());
            assertEquals(200, r.statusCode(), r.body());
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void protocolErrorsAreJson() throws Exception {
        String big = raw("GET /v2 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertTrue(big.startsWith("HTTP/1.1 431"), big);
        assertTrue(big.contains("\"error\":\"the request head is over the limit of 16384 bytes"), big);
        String length = raw("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n");
        assertTrue(length.startsWith("HTTP/1.1 400") && length.contains("application/json") && length.contains("{\"error\":"), length);
        String escape = raw("POST /v1/classify?explain=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 14\r\nConnection: close\r\n\r\n{\"text\":\"war\"}");
        assertTrue(escape.startsWith("HTTP/1.1 400") && escape.contains("the query string is malformed"), escape);
    }

    @Test
    void reloadRefusesCrossSiteFormsAndForeignOriginsAndHostsAreChecked() throws Exception {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(client.uri("/admin/reload")).header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=b")).build());
        assertError(form, 403, "only pages of this server");
        HttpResponse<String> plainForm = client.send(HttpRequest.newBuilder(client.uri("/admin/reload"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=b")).build());
        assertError(plainForm, 415, "Content-Type: application/json");
        assertEquals(200, client.post("/admin/reload", "").statusCode());
        HttpResponse<String> sameOrigin = client.send(HttpRequest.newBuilder(client.uri("/admin/reload")).header("Origin", "http://127.0.0.1:" + server.port())
                .header("X-Newstopic-Reload", "1").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());

        String rebound = raw("GET /v2/models/topics HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 421") && rebound.contains("is not served here"), rebound);
        assertEquals(200, client.get("/v2/models/topics").statusCode());
    }

    @Test
    void tensorShapesAreValidated() throws Exception {
        String infer = "/v2/models/topics/infer";
        assertError(client.post(infer, tensor("[9223372036854775807, 2]", "[\"war\"]")), 413, "over the limit of 10");
        assertError(client.post(infer, tensor("[4294967296, 4294967296]", "[]")), 413, "over the limit of 10");
        assertError(client.post(infer, tensor("[0]", "[]")), 400, "holds no text");
        assertError(client.post(infer, tensor("[-1]", "[\"war\"]")), 400, "0 or more");
        assertError(client.post(infer, tensor("[2]", "[\"war\", \"talks\", \"envoy\"]")), 400, "'shape' [2] says 2");
        assertEquals(200, client.post(infer, tensor("[2, 1]", "[[\"war\"], [\"talks\"]]")).statusCode());
    }

    private static String tensor(String shape, String data) {
        return "{\"inputs\": [{\"name\": \"text\", \"datatype\": \"BYTES\", \"shape\": " + shape + ", \"data\": " + data + "}]}";
    }

    @Test
    void highlightAndExplanationsAreBounded() throws Exception {
        assertEquals(200, client.post("/v1/classify?highlight=true", "{\"text\": \"war and talks\"}").statusCode());
        assertError(client.post("/v1/classify?highlight=true", "{\"text\": \"" + "war ".repeat(100) + "\"}"), 413, "--max-highlight-chars");
        String batch = "{\"articles\": [" + String.join(",", java.util.Collections.nCopies(10, "{\"text\": \"war\"}")) + "]}";
        assertError(client.post("/v1/classify?explain=50", batch), 413, "--max-explain-rows");
        assertEquals(200, client.post("/v1/classify?explain=50", "{\"text\": \"war\"}").statusCode());
    }

    @Test
    void requestsBeyondTheMemoryBudgetGet503WithRetryAfter() throws Exception {
        server.stop();
        server = PredictionServer.start(ServerConfig.of(modelFile).withPort(0).withLimits(256 * 1024, 10)
                .withMemoryBudget(1 << 20), log::add); // 1 MiB: one 60 KB body claims 720 KB
        try (Socket holder = socket()) {
            // a head announcing 60 KB, whose body is never sent: its claim is held meanwhile
            holder.getOutputStream().write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 60000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            holder.getOutputStream().flush();
            for (int i = 0; i < 200 && client.get("/metrics").body().contains("newstopic_memory_budget_claimed_bytes 0\n"); i++) {
                Thread.sleep(20); // until the holder's claim is in place
            }
            HttpResponse<String> busy = null;
            for (int i = 0; i < 100 && (busy == null || busy.statusCode() != 503); i++) {
                busy = client.post("/v1/classify", "{\"text\": \"war" + " ".repeat(59_000) + "\"}");
                Thread.sleep(20);
            }
            assertEquals(503, busy.statusCode(), client.get("/metrics").body() + log);
            assertError(busy, 503, "the server is busy");
            assertEquals("1", busy.headers().firstValue("Retry-After").orElse(null));
            assertTrue(client.get("/metrics").body().contains("newstopic_http_requests_total{route=\"/v1/classify\",status=\"503\"}"));
        }
        // the claim is released with its request: small requests are served again
        HttpResponse<String> after = null;
        for (int i = 0; i < 100 && (after == null || after.statusCode() != 200); i++) {
            after = client.post("/v1/classify", "{\"text\": \"war\"}");
            Thread.sleep(50);
        }
        assertEquals(200, after.statusCode(), after.body());
    }

    @Test
    void aReloadOfAFileClaimingHugeCountsAnswersAndLeaksNothing() throws Exception {
        Files.write(modelFile, CraftedModels.withFeatureCount(TestModels.small(Mode.MULTI), 200_000_000));
        assertError(client.post("/admin/reload", ""), 500, "200000000 features, more than the file can hold");
        Files.write(modelFile, CraftedModels.withFeatureCount(TestModels.small(Mode.MULTI), Integer.MAX_VALUE - 8));
        assertError(client.post("/admin/reload", ""), 500, "more than the file can hold");
        assertEquals(200, client.post("/v1/classify", "{\"text\": \"war\"}").statusCode());
        long started = System.nanoTime();
        server.stop();
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "no request left hanging: the stop need not wait out its grace");
    }

    private String raw(String request) throws IOException {
        try (Socket s = socket()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.shutdownOutput();
            return untilClosed(s);
        }
    }
    private static void assertError(HttpResponse<String> r, int status, String fragment) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode error = Json.parse(r.body()).get("error");
        assertTrue(error.stringValue().contains(fragment), "'" + error.stringValue() + "' does not say '" + fragment + "'");
    }
}
