package newstopic.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import newstopic.io.Sha256;
import newstopic.model.ModelFile;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;
import tools.jackson.databind.JsonNode;

/**
 * A loaded model as the server shows it: the classifier, a name from the file name and a version
 * from the file's content, so two servers with the same file report the same version. Immutable
 * and thread-safe.
 *
 * @param classifier the classifier
 * @param name       the file name without {@code .model}, as in {@code /v2/models/{name}}
 * @param version    the first 12 hex digits of the file's SHA-256
 * @param path       where it was loaded from
 * @param loadedAt   when it was loaded
 * @param header     the model file's header as JSON (settings, provenance, metrics), for metadata answers
 */
record ServedModel(TopicClassifier classifier, String name, String version, Path path, Instant loadedAt,
                   JsonNode header) {

    /**
     * Reads, checks and tries a model file: the bytes are read once (so a file replaced meanwhile
     * cannot mix two versions), parsed with their checksum verified, and one probe text is
     * classified before the model may serve.
     */
    static ServedModel load(Path path) throws IOException {
        byte[] bytes = ModelFile.readBytes(path); // a regular file that starts as a model, before it is read whole
        TopicClassifier classifier = new TopicClassifier(ModelFile.read(bytes, path));
        Prediction probe = classifier.classify("Probe headline", "A probe text checks the model before it serves.");
        if (probe.probabilities().size() != classifier.labels().size()) {
            throw new IOException(path + ": the model gives " + probe.probabilities().size() + " probabilities for "
                    + classifier.labels().size() + " labels");
        }
        return new ServedModel(classifier, nameOf(path), Sha256.hex(bytes).substring(0, 12), path, Instant.now(),
                Json.MAPPER.readTree(ModelFile.headerJson(classifier.model())));
    }

    static String nameOf(Path path) {
        String file = path.getFileName().toString();
        return file.endsWith(".model") ? file.substring(0, file.length() - ".model".length()) : file;
    }
}
