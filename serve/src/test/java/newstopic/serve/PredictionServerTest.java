package newstopic.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import newstopic.model.Mode;
import newstopic.model.ModelFile;
import newstopic.model.TestModels;
import newstopic.model.TopicModel;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PredictionServerTest {

    @TempDir
    Path dir;

    private final ServerClient client = new ServerClient(() -> this.server.port());
    private final TopicModel model = TestModels.small(Mode.MULTI);
    private final TopicClassifier library = new TopicClassifier(model);
    private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private Path modelFile;
    private PredictionServer server;

    @BeforeEach
    void start() throws IOException {
        modelFile = dir.resolve("topics.model");
        ModelFile.write(model, modelFile);
        server = PredictionServer.start(ServerConfig.of(modelFile).withPort(0).withLimits(64 * 1024, 5), log::add);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void classifyAnswersExactlyWhatTheLibraryDoes() throws Exception {
        JsonNode answer = ok(client.post("/v1/classify", "{\"title\": \"Envoy talks\", \"body\": \"war and shelling near the market\"}"));
        Prediction expected = library.classify("Envoy talks", "war and shelling near the market");
        JsonNode article = answer.get("articles").get(0);
        assertEquals(expected.labels(), strings(article.get("labels")));
        for (String label : library.labels()) {
            assertEquals(expected.probabilities().get(label), article.get("scores").get(label).doubleValue(), 1e-4);
            assertEquals(expected.has(label), article.get("decisions").get(label).booleanValue());
        }
        assertEquals("topics", answer.get("model").get("name").stringValue());
        assertEquals(12, answer.get("model").get("version").stringValue().length());
        // "text" is the same as "body" without a headline
        JsonNode text = ok(client.post("/v1/classify", "{\"text\": \"an envoy arrived for talks\"}"));
        assertEquals(library.classify("", "an envoy arrived for talks").labels(), strings(text.get("articles").get(0).get("labels")));
    }

    @Test
    void batchesKeepTheirOrderAndRawPagesAreSplitIntoArticles() throws Exception {
        JsonNode batch = ok(client.post("/v1/classify?explain=1", """
                {"articles": [{"id": "a", "text": "war and shelling"}, {"id": "b", "title": "Envoy", "body": "talks"},
                              {"id": "c", "text": "market weather"}]}"""));
        assertEquals(List.of("a", "b", "c"), batch.get("articles").valueStream().map(a -> a.get("id").stringValue()).toList());
        assertEquals(List.of("conflict"), strings(batch.get("articles").get(0).get("labels")));
        assertEquals(List.of("diplomacy"), strings(batch.get("articles").get(1).get("labels")));
        assertEquals("shelling", batch.get("articles").get(0).get("explanations").get("conflict").get(0).get("ngram").stringValue());

        String page = "Shelling resumes\\n\\nTT\\n\\n20\\n\\nShelling resumes\\n\\nWar and shelling went on overnight near the market.\\n\\n"
                + "Envoy arrives for talks\\n\\nEnvoy arrives for talks\\n\\nThe envoy opened talks on Monday with the envoy of the other side.\\n\\n"
                + "Shelling resumes\\n\\nShelling resumes\\n\\nWar and shelling went on overnight near the market.\\n";
        JsonNode raw = ok(client.post("/v1/classify", "{\"raw\": \"" + page + "\"}"));
        assertEquals(2, raw.get("articles").size(), raw.toString());
        assertEquals("Shelling resumes", raw.get("articles").get(0).get("title").stringValue());
        assertEquals(List.of("diplomacy"), strings(raw.get("articles").get(1).get("labels")));
        // the repeated article is named, not silently dropped
        assertEquals("Shelling resumes", raw.get("duplicates").get(0).get("title").stringValue());
    }

    @Test
    void badRequestsGetAJsonErrorNamingTheProblem() throws Exception {
        assertError(client.post("/v1/classify", "{\"text\": \"war\""), 400, "malformed JSON at line 1");
        assertError(client.send(HttpRequest.newBuilder(client.uri("/v1/classify")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"war\"}")).build()), 400, "application/json");
        byte[] latin1 = "{\"text\": \"caf\u00e9 talks\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertError(client.send(HttpRequest.newBuilder(client.uri("/v1/classify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build()), 400, "not valid UTF-8: bad byte at offset 13");
        assertError(client.post("/v1/classify", "{\"text\": \"  \"}"), 400, "the text is empty");
        assertError(client.post("/v1/classify", "{}"), 400, "no 'text'");
        assertError(client.post("/v1/classify", "{\"txt\": \"war\"}"), 400, "unknown field 'txt'");
        assertError(client.post("/v1/classify", "{\"text\": 5}"), 400, "field 'text' must be a string, not a number");
        assertError(client.post("/v1/classify", "{\"articles\": [{\"text\": \"war\"}, {\"text\": \"\"}]}"), 400, "articles[1]: the text is empty");
        assertError(client.post("/v1/classify", "[1, 2]"), 400, "must be a JSON object");
        assertError(client.post("/v1/classify?explain=many", "{\"text\": \"war\"}"), 400, "'explain' must be a whole number");
        assertError(client.post("/v1/classify", "{\"text\": \"" + "war ".repeat(20_000) + "\"}"), 413, "over the limit of 65536");
        assertError(client.post("/v1/classify", "{\"articles\": [" + "{\"text\": \"war\"},".repeat(5) + "{\"text\": \"war\"}]}"), 413,
                "6 articles, over the limit of 5");
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(client.uri("/v1/classify")).GET().build());
        assertError(get, 405, "use POST");
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertError(client.send(HttpRequest.newBuilder(client.uri("/v1/nothing")).GET().build()), 404, "no such route");
        // none of it hurt the server
        ok(client.post("/v1/classify", "{\"text\": \"war\"}"));
    }

    @Test
    void openInferenceProtocolEndpoints() throws Exception {
        assertEquals(200, client.get("/v2/health/live").statusCode());
        assertEquals(200, client.get("/v2/health/ready").statusCode());
        assertEquals(200, client.get("/v2/models/topics/ready").statusCode());
        JsonNode meta = Json.parse(client.get("/v2/models/topics").body());
        assertEquals(List.of("conflict", "diplomacy"), strings(meta.get("parameters").get("labels")));
        assertEquals(0.6, meta.get("parameters").get("thresholds").get(1).doubleValue(), 1e-9);
        assertEquals("t.csv", meta.get("parameters").get("provenance").get("inputs").get(0).get("path").stringValue());
        String version = meta.get("versions").get(0).stringValue();

        JsonNode infer = ok(client.post("/v2/models/topics/infer", """
                {"id": "r1", "inputs": [{"name": "text", "shape": [2, 1], "datatype": "BYTES",
                                         "data": [["war and shelling"], ["talks with the envoy"]]}]}"""));
        assertEquals("r1", infer.get("id").stringValue());
        assertEquals(version, infer.get("model_version").stringValue());
        JsonNode probabilities = infer.get("outputs").get(0);
        assertEquals(List.of(2, 2), probabilities.get("shape").valueStream().map(JsonNode::intValue).toList());
        assertEquals(library.classify("", "war and shelling").probabilities().get("conflict"), probabilities.get("data").get(0).doubleValue(), 1e-4);
        JsonNode decisions = infer.get("outputs").get(1);
        assertEquals("BOOL", decisions.get("datatype").stringValue());
        assertEquals(List.of(true, false, false, true), decisions.get("data").valueStream().map(JsonNode::booleanValue).toList());
        // the versioned path works for the version serving only
        assertEquals(200, client.post("/v2/models/topics/versions/" + version + "/infer",
                "{\"inputs\": [{\"name\": \"text\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"war\"]}]}").statusCode());
        assertError(client.get("/v2/models/other"), 404, "no model named 'other'");
        assertError(client.post("/v2/models/topics/infer", "{\"inputs\": [{\"name\": \"text\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1.0]}]}"),
                400, "texts are sent as BYTES");
        assertError(client.post("/v2/models/topics/infer", "{\"inputs\": [{\"name\": \"text\", \"shape\": [3], \"datatype\": \"BYTES\", \"data\": [\"a\", \"b\"]}]}"),
                400, "'data' holds 2 strings but 'shape' [3] says 3");
    }

    @Test
    void metricsCountRequestsArticlesAndTheModelServing() throws Exception {
        ok(client.post("/v1/classify", "{\"articles\": [{\"text\": \"war\"}, {\"text\": \"talks\"}, {\"text\": \"envoy\"}]}"));
        ok(client.post("/v1/classify", "{\"text\": \"war\"}"));
        client.post("/v1/classify", "{\"text\": \"\"}");
        HttpResponse<String> metrics = client.get("/metrics");
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = metrics.body();
        assertTrue(text.contains("newstopic_http_requests_total{route=\"/v1/classify\",status=\"200\"} 2\n"), text);
        assertTrue(text.contains("newstopic_http_requests_total{route=\"/v1/classify\",status=\"400\"} 1\n"), text);
        assertTrue(text.contains("newstopic_http_request_duration_seconds_count{route=\"/v1/classify\"} 3\n"), text);
        assertTrue(text.contains("newstopic_http_request_duration_seconds_bucket{route=\"/v1/classify\",le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains("newstopic_articles_classified_total 4\n"), text);
        String version = Json.parse(client.get("/v2/models/topics").body()).get("versions").get(0).stringValue();
        assertTrue(text.contains("newstopic_model_info{name=\"topics\",version=\"" + version + "\",labels=\"conflict,diplomacy\"} 1"), text);
    }

    @Test
    void modelMetadataShowsTheShortTextThresholdsAndTheHeadlineAndSentenceRules() throws Exception {
        JsonNode plain = Json.parse(client.get("/v2/models/topics").body()).get("parameters");
        assertEquals(0, plain.get("sentenceRule").intValue());
        assertTrue(plain.get("sentenceWeights").isNull());
        replaceModel(TestModels.withSentenceRule(TestModels.small(Mode.MULTI, 200), 3,
                java.util.Arrays.asList(null, new newstopic.model.SentenceWeights(-1, 0.5, 0.25, 2))));
        ok(client.post("/admin/reload", ""));
        JsonNode ruled = Json.parse(client.get("/v2/models/topics").body()).get("parameters");
        assertEquals(200, ruled.get("headlineRule").intValue());
        assertEquals(3, ruled.get("sentenceRule").intValue());
        assertTrue(ruled.get("sentenceWeights").get(0).isNull());
        assertEquals(2.0, ruled.get("sentenceWeights").get(1).get("second").doubleValue(), 1e-12);
        assertEquals(0, ruled.get("shortText").intValue());
        replaceModel(TestModels.withShortText(TestModels.small(Mode.MULTI), 300, List.of(0.25, 0.375)));
        ok(client.post("/admin/reload", ""));
        JsonNode split = Json.parse(client.get("/v2/models/topics").body()).get("parameters");
        assertEquals(300, split.get("shortText").intValue());
        assertEquals(0.375, split.get("shortThresholds").get(1).doubleValue(), 1e-12);
        assertTrue(split.get("longTexts") == null, "no long-text model, no longTexts");
        replaceModel(TestModels.withLongTexts(TestModels.small(Mode.MULTI), 40));
        ok(client.post("/admin/reload", ""));
        JsonNode routed = Json.parse(client.get("/v2/models/topics").body()).get("parameters");
        assertEquals(40, routed.get("shortText").intValue());
        assertEquals("long test", routed.get("longTexts").get("learner").stringValue());
        assertEquals(0.5, routed.get("longTexts").get("thresholds").get(1).doubleValue(), 1e-12);
        assertEquals(0, routed.get("longTexts").get("headlineRule").intValue());
        // and a long text is decided by it: only "market" counts there, for conflict
        JsonNode p = ok(client.post("/v1/classify", "{\"text\": \"talks with the envoy near the market, then more talks\"}"));
        assertEquals(List.of("conflict"), strings(p.get("articles").get(0).get("labels")));
    }

    @Test
    void reloadSwapsInANewModelAndABadFileKeepsTheOldOneServing() throws Exception {
        String before = version();
        replaceModel(TestModels.small(Mode.SINGLE));
        JsonNode reloaded = ok(client.post("/admin/reload", ""));
        assertNotEquals(before, reloaded.get("version").stringValue());
        assertEquals(reloaded.get("version").stringValue(), version());
        // a single-label model now answers: exactly one label
        assertEquals(1, ok(client.post("/v1/classify", "{\"text\": \"market weather\"}")).get("articles").get(0).get("labels").size());

        String good = version();
        Files.writeString(modelFile, "not a model");
        assertError(client.post("/admin/reload", ""), 500, "reload failed, version " + good + " keeps serving");
        assertEquals(good, version());
        ok(client.post("/v1/classify", "{\"text\": \"war\"}"));
        assertTrue(client.get("/metrics").body().contains("newstopic_model_reloads_total{result=\"failure\"} 1"));
    }

    @Test
    void reloadAnswersOnlyLoopbackClientsUnlessRemoteAdminIsOn() throws Exception {
        java.net.InetAddress external = java.net.NetworkInterface.networkInterfaces()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address)
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has no address beyond loopback");
        for (boolean remoteAdmin : new boolean[] {false, true}) {
            server.stop();
            server = PredictionServer.start(new ServerConfig(modelFile, "0.0.0.0", 0, 64 * 1024, 5, remoteAdmin, false,
                    java.time.Duration.ofSeconds(1)), log::add);
            URI fromOutside = URI.create("http://" + external.getHostAddress() + ":" + server.port() + "/admin/reload");
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(fromOutside).header("X-Newstopic-Reload", "1").POST(HttpRequest.BodyPublishers.noBody()).build());
            if (remoteAdmin) {
                assertEquals(200, r.statusCode(), r.body());
            } else {
                assertError(r, 403, "loopback only");
                assertEquals(200, client.post("/admin/reload", "").statusCode()); // from 127.0.0.1
            }
        }
    }

    @Test
    void aReloadUnderLoadDropsNoRequest() throws Exception {
        String first = version();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            clients.add(pool.submit(() -> {
                List<String> versions = new ArrayList<>();
                while (running.get()) {
                    HttpResponse<String> r = client.post("/v1/classify", "{\"text\": \"war and talks\"}");
                    assertEquals(200, r.statusCode(), r.body());
                    versions.add(Json.parse(r.body()).get("model").get("version").stringValue());
                }
                return versions;
            }));
        }
        List<String> reloaded = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replaceModel(TestModels.small(i % 2 == 0 ? Mode.SINGLE : Mode.MULTI, i));
            reloaded.add(ok(client.post("/admin/reload", "")).get("version").stringValue());
            Thread.sleep(50);
        }
        running.set(false);
        int answered = 0;
        for (Future<List<String>> client : clients) {
            for (String v : client.get()) {
                assertTrue(v.equals(first) || reloaded.contains(v), v);
                answered++;
            }
        }
        pool.shutdown();
        assertTrue(answered > 50, "only " + answered + " requests were made");
        assertEquals(reloaded.getLast(), version());
    }

    @Test
    void manyClientsAtOnceGetExactlyTheSingleThreadedResults() throws Exception {
        String[] words = {"war", "shelling", "talks", "envoy", "market", "weather", "near", "the"};
        List<String> texts = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 3 + random.nextInt(12); w++) {
                sb.append(words[random.nextInt(words.length)]).append(' ');
            }
            texts.add(sb.toString().trim());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (String text : texts) {
            answers.add(pool.submit(() -> ok(client.post("/v1/classify", "{\"text\": \"" + text + "\"}")).get("articles").get(0)));
        }
        for (int i = 0; i < texts.size(); i++) {
            Prediction expected = library.classify("", texts.get(i));
            JsonNode got = answers.get(i).get();
            assertEquals(expected.labels(), strings(got.get("labels")), texts.get(i));
            for (Map.Entry<String, Double> e : expected.probabilities().entrySet()) {
                assertEquals(Math.round(e.getValue() * 1e4) / 1e4, got.get("scores").get(e.getKey()).doubleValue(), 0, texts.get(i));
            }
        }
        pool.shutdown();
    }

    @Test
    void stoppingFinishesARequestInFlight() throws Exception {
        // the body arrives in two parts; the stop comes between them, while the handler is reading
        byte[] json = "{\"text\": \"war and shelling\"}".getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            var out = socket.getOutputStream();
            out.write(("POST /v1/classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json, 0, 10);
            out.flush();
            Thread.sleep(300);
            Thread stopper = Thread.ofPlatform().start(server::stop);
            Thread.sleep(300);
            assertTrue(stopper.isAlive(), "the stop waits for the request in flight");
            out.write(json, 10, json.length - 10);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"labels\":[\"conflict\"]"), answer);
            stopper.join(5000);
            assertFalse(stopper.isAlive());
        }
        assertTrue(log.contains("stopped"), log.toString());
    }

    @Test
    void aWatchedModelFileIsReloadedWhenReplaced() throws Exception {
        server.stop();
        server = PredictionServer.start(ServerConfig.of(modelFile).withPort(0).withWatch(true), log::add);
        String before = version();
        replaceModel(TestModels.small(Mode.SINGLE));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (version().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertNotEquals(before, version(), log.toString());
    }

    // ---- helpers

    /** Writes a model beside the served file and renames it over it, as a deploy would. */
    private void replaceModel(TopicModel next) throws IOException {
        Path tmp = dir.resolve("next.tmp");
        ModelFile.write(next, tmp);
        Files.move(tmp, modelFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String version() throws Exception {
        return Json.parse(client.get("/v2/models/topics").body()).get("versions").get(0).stringValue();
    }
    private static JsonNode ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.parse(r.body());
    }

    private static void assertError(HttpResponse<String> r, int status, String fragment) {
        assertEquals(status, r.statusCode(), r.body());
        String error = Json.parse(r.body()).get("error").stringValue();
        assertTrue(error.contains(fragment), "'" + error + "' does not say '" + fragment + "'");
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::stringValue).toList();
    }
}
