package newstopic.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import newstopic.model.Mode;
import newstopic.model.ModelFile;
import newstopic.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, item 1: large bodies at once against a server with a small heap (a child JVM with
 * -Xmx160m). Every request must get a JSON answer (200, or 503 when the memory budget is spent),
 * and the server must still answer afterwards.
 */
class SmallHeapServerTest {

    @TempDir
    Path dir;

    /** The child: serves the model named by its argument and prints its port; ends when its input closes. */
    public static void main(String[] args) throws Exception {
        PredictionServer server = PredictionServer.start(ServerConfig.of(Path.of(args[0])).withPort(0), m -> { });
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent closes our input
        }
        server.stop();
    }

    @Test
    void bigBodiesAtOnceOnASmallHeapAllGetJsonAnswers() throws Exception {
        Path model = dir.resolve("topics.model");
        ModelFile.write(TestModels.small(Mode.MULTI), model);
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaBin, "-Xmx160m", "-cp", System.getProperty("java.class.path"),
                SmallHeapServerTest.class.getName(), model.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("PORT "), "the child server did not start: " + line);
            URI uri = URI.create("http://127.0.0.1:" + line.substring(5) + "/v1/classify?highlight=false");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String big = "{\"text\": \"" + "war talks envoy market shelling weather ".repeat(150_000) + "\"}"; // 6 MB
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            int served = 0;
            for (CompletableFuture<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 200 || r.statusCode() == 503 || r.statusCode() == 500, r.statusCode() + " " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                served += r.statusCode() == 200 ? 1 : 0;
            }
            assertTrue(served >= 1, "at least one of the large requests is served");
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"war\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, after.statusCode(), after.body());
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }
}
