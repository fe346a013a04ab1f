package newstopic.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import newstopic.features.Featurizer;
import newstopic.features.FeaturizerConfig;
import newstopic.features.HashingFeaturizer;
import newstopic.features.SparseVector;
import newstopic.features.Workspace;
import newstopic.model.ModelFile;
import newstopic.model.ModelHeader;
import newstopic.model.TopicModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Error thrown while classifying is answered as a JSON 500, counted, and the server serves on. */
class ErrorInHandlerTest {

    /** A featurizer that fails, as a bug deep in the library would, on texts that say so. */
    private record Exploding(Featurizer delegate) implements Featurizer {
        @Override
        public FeaturizerConfig config() {
            return delegate.config();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public void featurize(CharSequence title, CharSequence body, Workspace workspace, SparseVector out) {
            if (body.toString().contains("explode")) {
                throw new StackOverflowError("deliberately, for the test");
            }
            delegate.featurize(title, body, workspace, out);
        }

        @Override
        public void forEachNgram(CharSequence title, CharSequence body, Workspace workspace, NgramVisitor visitor) {
            delegate.forEachNgram(title, body, workspace, visitor);
        }
    }

    @Test
    void anErrorInAHandlerIsAJson500ThatIsCountedAndTheServerServesOn(@TempDir Path dir) throws Exception {
        FeaturizerConfig config = FeaturizerConfig.DEFAULT.withKind(FeaturizerConfig.Kind.HASHING).withHashBits(8);
        Featurizer featurizer = new Exploding(new HashingFeaturizer(config));
        ModelHeader header = ModelHeader.builder(List.of("conflict", "diplomacy"), config).build();
        TopicModel model = new TopicModel(header, featurizer, new float[featurizer.dimension() * 2], new float[2]);
        Path file = dir.resolve("exploding.model");
        ModelFile.write(model, file); // the reload path's file; the server serves the model given
        List<String> log = new CopyOnWriteArrayList<>();
        PredictionServer server = PredictionServer.start(ServerConfig.of(file).withPort(0), model, log::add);
        try {
            ServerClient client = new ServerClient(server::port);
            HttpResponse<String> failed = client.post("/v1/classify", "{\"text\": \"it will explode\"}");
            assertEquals(500, failed.statusCode(), failed.body());
            assertTrue(failed.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(failed.body().startsWith("{\"error\":") && failed.body().contains("StackOverflowError"), failed.body());
            assertTrue(log.stream().anyMatch(l -> l.contains("StackOverflowError")), log.toString());

            HttpResponse<String> fine = client.post("/v1/classify", "{\"text\": \"a quiet day\"}");
            assertEquals(200, fine.statusCode(), fine.body());
            String metrics = client.get("/metrics").body();
            assertTrue(metrics.contains("newstopic_http_requests_total{route=\"/v1/classify\",status=\"500\"} 1"), metrics);
            assertTrue(!server.failure().toCompletableFuture().isDone(), "one failed request does not take the server down");
        } finally {
            server.stop();
        }
    }
}
