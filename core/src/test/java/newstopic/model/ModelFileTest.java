package newstopic.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;

import newstopic.features.SparseVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private static byte[] bytes(TopicModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.writeTo(m, out);
        return out.toByteArray();
    }

    @Test
    void roundTripKeepsHeaderWeightsAndScores() throws IOException {
        TopicModel model = TestModels.small(Mode.MULTI);
        Path file = dir.resolve("m.model");
        ModelFile.write(model, file);
        TopicModel back = ModelFile.read(file);
        assertEquals(model.header(), back.header());
        assertArrayEquals(model.weights(), back.weights());
        assertArrayEquals(model.biases(), back.biases());
        SparseVector v = new SparseVector();
        double[] a = new double[2];
        double[] b = new double[2];
        back.featurizer().featurize("War talks", "shelling near the envoy", back.featurizer().newWorkspace(), v);
        back.margins(v, b);
        model.featurizer().featurize("War talks", "shelling near the envoy", model.featurizer().newWorkspace(), v);
        model.margins(v, a);
        assertArrayEquals(a, b);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void provenanceKeepsTheLabelCountsInTheOrderGiven() {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String label : List.of("zeta", "alpha", "mu", "beta", "omega", "gamma")) {
            counts.put(label, label.length());
        }
        Provenance p = new Provenance("2026-01-01T00:00:00Z", "t", "25", "", 1, List.of(), 6, counts);
        assertEquals(List.copyOf(counts.keySet()), List.copyOf(p.labelCounts().keySet()));
    }

    @Test
    void topFeaturesKeepTheLabelOrderGiven() {
        java.util.Map<String, List<FeatureWeight>> top = new java.util.LinkedHashMap<>();
        for (String label : List.of("zeta", "alpha", "mu", "beta", "omega", "gamma")) {
            top.put(label, List.of(new FeatureWeight(label, 1)));
        }
        ModelHeader h = ModelHeader.builder(List.copyOf(top.keySet()), newstopic.features.FeaturizerConfig.DEFAULT)
                .thresholds(java.util.Collections.nCopies(6, 0.5))
                .calibration(java.util.Collections.nCopies(6, Calibration.LOGISTIC))
                .topFeatures(top)
                .build();
        assertEquals(List.copyOf(top.keySet()), List.copyOf(h.topFeatures().keySet()));
    }

    @Test
    void shortTextThresholdsSurviveTheRoundTripAndOlderFilesHaveNone() throws IOException {
        TopicModel model = TestModels.withShortText(TestModels.small(Mode.MULTI), 300, List.of(0.25, 0.375));
        Path file = dir.resolve("short.model");
        ModelFile.write(model, file);
        ModelHeader back = ModelFile.read(file).header();
        assertEquals(model.header(), back);
        assertEquals(300, back.shortText());
        assertEquals(List.of(0.25, 0.375), back.shortThresholds());
        ModelHeader older = headerWithout(model, "shortText", "shortThresholds");
        assertEquals(0, older.shortText());
        assertEquals(null, older.shortThresholds());
    }

    @Test
    void theSentenceRuleSurvivesTheRoundTrip() throws IOException {
        TopicModel model = TestModels.withSentenceRule(TestModels.small(Mode.MULTI), 5,
                java.util.Arrays.asList(new SentenceWeights(-2.5, 0.75, 0.125, 1.5), null));
        Path file = dir.resolve("s.model");
        ModelFile.write(model, file);
        ModelHeader back = ModelFile.read(file).header();
        assertEquals(model.header(), back);
        assertEquals(5, back.sentenceRule());
        assertEquals(new SentenceWeights(-2.5, 0.75, 0.125, 1.5), back.sentenceWeights().get(0));
        assertEquals(null, back.sentenceWeights().get(1));
        // headers from before the rule have neither field, and load with the rule off
        ModelHeader older = headerWithout(model, "sentenceRule", "sentenceWeights");
        assertEquals(0, older.sentenceRule());
        assertEquals(null, older.sentenceWeights());
        assertEquals(model.header().thresholds(), older.thresholds());
    }

    @Test
    void aLongTextModelMakesFormat2AndSurvivesTheRoundTripOverTheSameFeaturizer() throws IOException {
        TopicModel model = TestModels.withLongTexts(TestModels.small(Mode.MULTI), 40);
        byte[] written = bytes(model);
        assertEquals(2, ByteBuffer.wrap(written, 8, 4).getInt());
        assertEquals(1, ByteBuffer.wrap(bytes(TestModels.small(Mode.MULTI)), 8, 4).getInt(),
                "a model without a long-text model stays readable by format-1 readers");
        Path file = dir.resolve("long.model");
        Files.write(file, written);
        TopicModel back = ModelFile.read(file);
        assertEquals(model.header(), back.header());
        assertEquals(model.longTexts().header(), back.longTexts().header());
        assertArrayEquals(model.longTexts().weights(), back.longTexts().weights());
        assertArrayEquals(model.longTexts().biases(), back.longTexts().biases());
        assertArrayEquals(model.weights(), back.weights());
        assertTrue(back.featurizer() == back.longTexts().featurizer(), "one featurizer for both");
        var tree = newstopic.io.Json.STRICT.readTree(ModelFile.headerJson(back));
        assertEquals("long test", tree.get("longTexts").get("learner").asString());
        assertEquals(40, tree.get("shortText").asInt());
    }

    @Test
    void aCorruptLongTextSectionFailsClearly() throws IOException {
        byte[] good = bytes(TestModels.withLongTexts(TestModels.small(Mode.MULTI), 40));
        byte[] body = Arrays.copyOf(good, good.length - 32);
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        // the long-text header's first label renamed, same length: the labels no longer match the model's
        int label = text.indexOf("\"conflict\"", text.lastIndexOf("\"labels\"")) + 1;
        body[label + 7] = 'x';
        Path file = dir.resolve("bad.model");
        Files.write(file, HostileModelFileTest.resign(body));
        assertEquals(file + ": the long-text model's labels or featurizer differ from the model's",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(file)).getMessage());

        // a format-1 file that claims format 2 ends where its long-text section should begin
        byte[] plain = bytes(TestModels.small(Mode.MULTI));
        byte[] claimed = Arrays.copyOf(plain, plain.length - 32);
        ByteBuffer.wrap(claimed, 8, 4).putInt(2);
        Files.write(file, HostileModelFileTest.resign(claimed));
        assertEquals(file + ": truncated model file",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(file)).getMessage());
    }

    @Test
    void aLongTextModelMustShareTheFeaturizerAndLabelsOfAMultiLabelModelWithShortTexts() {
        TopicModel routed = TestModels.withLongTexts(TestModels.small(Mode.MULTI), 40);
        TopicModel longTexts = routed.longTexts();
        // no short-text length: nothing would tell which texts are long
        assertThrows(IllegalArgumentException.class, () -> TestModels.small(Mode.MULTI).withLongTexts(longTexts));
        TopicModel single = TestModels.withShortText(TestModels.small(Mode.SINGLE), 40, List.of(0.5, 0.6));
        assertThrows(IllegalArgumentException.class, () -> single.withLongTexts(longTexts));
        // another featurizer, even an equal one, would featurize the text twice
        TopicModel other = TestModels.withLongTexts(TestModels.small(Mode.MULTI), 40);
        assertThrows(IllegalArgumentException.class, () -> routed.withLongTexts(other.longTexts()));
        // no nesting
        assertThrows(IllegalArgumentException.class, () -> routed.withLongTexts(routed));
        assertTrue(routed.withLongTexts(longTexts).longTexts() == longTexts);
    }

    /** {@code model}'s header as a file from before {@code fields} existed would hold it. */
    private static ModelHeader headerWithout(TopicModel model, String... fields) throws IOException {
        var tree = (tools.jackson.databind.node.ObjectNode) newstopic.io.Json.STRICT.readTree(ModelFile.headerJson(model));
        for (String field : fields) {
            tree.remove(field);
        }
        return ModelChecks.header(newstopic.io.Json.STRICT.writeValueAsBytes(tree));
    }

    @Test
    void truncatedCorruptForeignAndNewerFilesFailClearly() throws IOException {
        byte[] good = bytes(TestModels.small(Mode.MULTI));
        Path file = dir.resolve("bad.model");

        Files.write(file, Arrays.copyOf(good, good.length - 10));
        assertEquals(file + ": checksum mismatch: the file is truncated or corrupt",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(file)).getMessage());

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        Files.write(file, flipped);
        assertTrue(assertThrows(ModelFormatException.class, () -> ModelFile.read(file)).getMessage().contains("checksum mismatch"));

        Files.writeString(file, "id,title,text,labels\n");
        assertEquals(file + ": not a newstopic model file",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(file)).getMessage());

        byte[] newer = good.clone();
        ByteBuffer.wrap(newer, 8, 4).putInt(ModelFile.FORMAT + 1);
        Files.write(file, newer);
        assertEquals(file + ": model format " + (ModelFile.FORMAT + 1) + " is newer than this newstopic reads ("
                        + ModelFile.FORMAT + "); upgrade newstopic",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(file)).getMessage());

        Files.write(file, Arrays.copyOf(good, 11));
        assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
    }

    @Test
    void writingIntoAMissingFolderFailsAndLeavesNothing() {
        Path target = dir.resolve("missing/sub/m.model");
        assertThrows(NoSuchFileException.class, () -> ModelFile.write(TestModels.small(Mode.MULTI), target));
        assertTrue(Files.notExists(target.getParent()));
    }

    @Test
    void replacingAnExistingModelIsAtomic() throws IOException {
        Path file = dir.resolve("m.model");
        Files.writeString(file, "old");
        ModelFile.write(TestModels.small(Mode.SINGLE), file);
        assertEquals(Mode.SINGLE, ModelFile.read(file).header().mode());
    }
}
