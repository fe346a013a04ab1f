package newstopic.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;

import newstopic.features.FeaturizerConfig;
import newstopic.prediction.Prediction;
import newstopic.prediction.TopicClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Model files as an attacker would make them: consistent checksums (anyone can re-sign a file)
 * over inconsistent content. Every load must either fail with one {@link ModelFormatException}
 * sentence or give a model whose outputs are finite probabilities (issue #11, items 4 to 6).
 */
class HostileModelFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** A model file taken apart: header JSON and the bytes after it (vocabulary, counts, weights). */
    private record Parts(ObjectNode header, byte[] rest) {

        static Parts of(byte[] file) {
            int headerLength = ByteBuffer.wrap(file, 12, 4).getInt();
            ObjectNode header = (ObjectNode) JSON.readTree(Arrays.copyOfRange(file, 16, 16 + headerLength));
            return new Parts(header, Arrays.copyOfRange(file, 16 + headerLength, file.length - 32));
        }

        byte[] sign() {
            return signed(header.toString().getBytes(StandardCharsets.UTF_8), rest);
        }

        Parts header(UnaryOperator<ObjectNode> change) {
            return new Parts(change.apply(header.deepCopy()), rest);
        }

        /** Offsets in {@code rest}: [word count, feature count, first key, label count]. */
        int[] offsets() {
            ByteBuffer b = ByteBuffer.wrap(rest);
            int words = b.getInt(4);
            int p = 8;
            for (int i = 0; i < words; i++) {
                p += 2 + (b.getShort(p) & 0xffff);
            }
            int features = b.getInt(p);
            return new int[] {4, p, p + 4, p + 4 + features * 12};
        }
    }

    static byte[] signed(byte[] header, byte[] rest) {
        ByteBuffer body = ByteBuffer.allocate(16 + header.length + rest.length);
        body.put(new byte[] {(byte) 0x89, 'N', 'T', 'O', 'P', 'I', 'C', '\n'}).putInt(1).putInt(header.length).put(header).put(rest);
        return resign(body.array());
    }

    static byte[] resign(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            byte[] out = Arrays.copyOf(body, body.length + 32);
            System.arraycopy(digest, 0, out, body.length, 32);
            return out;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(TopicModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.writeTo(m, out);
        return out.toByteArray();
    }

    private static Parts good() throws IOException {
        return Parts.of(bytes(TestModels.small(Mode.MULTI)));
    }

    private String refused(byte[] file) throws IOException {
        Path path = dir.resolve("crafted.model");
        Files.write(path, file);
        String message = assertThrows(ModelFormatException.class, () -> ModelFile.read(path)).getMessage();
        assertTrue(message.startsWith(path + ": "), message);
        assertFalse(message.contains("\n"), "one sentence: " + message);
        return message.substring(path.toString().length() + 2);
    }

    private static byte[] patchInt(Parts p, int offset, int value) {
        byte[] rest = p.rest().clone();
        ByteBuffer.wrap(rest).putInt(offset, value);
        return signed(p.header().toString().getBytes(StandardCharsets.UTF_8), rest);
    }

    private static byte[] patchLong(Parts p, int offset, long value) {
        byte[] rest = p.rest().clone();
        ByteBuffer.wrap(rest).putLong(offset, value);
        return signed(p.header().toString().getBytes(StandardCharsets.UTF_8), rest);
    }

    @Test
    void resignedControlLoads() throws IOException {
        Path path = dir.resolve("same.model");
        Files.write(path, good().sign());
        assertEquals(2, ModelFile.read(path).labelCount());
    }

    @Test
    void vocabularyKeysOutOfRangeAreRefused() throws IOException {
        Parts p = good();
        int[] at = p.offsets();
        int words = ByteBuffer.wrap(p.rest()).getInt(at[0]);
        assertEquals("corrupt vocabulary: feature 0 has key 0; keys are positive", refused(patchLong(p, at[2], 0)));
        assertTrue(refused(patchLong(p, at[2], -5)).contains("keys are positive"));
        assertTrue(refused(patchLong(p, at[2], (1L << 42) | 1)).contains("an empty word slot"));
        assertTrue(refused(patchLong(p, at[2], words + 1)).contains("word " + (words + 1) + " of " + words));
        long second = ByteBuffer.wrap(p.rest()).getLong(at[2] + 12);
        assertTrue(refused(patchLong(p, at[2], second)).contains("is listed twice"));
        // the last word is a legal key
        byte[] last = patchLong(p, at[2], words);
        if (ByteBuffer.wrap(p.rest()).getLong(at[2] + 12) != words) {
            try {
                ModelFile.read(last);
            } catch (ModelFormatException e) {
                assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
            }
        }
    }

    @Test
    void hugeCountsFailBeforeAllocating() throws IOException {
        Parts p = good();
        int[] at = p.offsets();
        assertEquals("corrupt vocabulary: 200000000 features, more than the file can hold", refused(patchInt(p, at[1], 200_000_000)));
        assertTrue(refused(patchInt(p, at[1], Integer.MAX_VALUE - 8)).contains("more than the file can hold"));
        assertTrue(refused(patchInt(p, at[0], (1 << 21) - 2)).contains("more than the file can hold"));
        assertTrue(refused(patchInt(p, at[3] + 4, 1 << 30)).contains("do not match the header"));
    }

    @Test
    void nonFiniteWeightsDuplicateLabelsAndBadThresholdsAreRefused() throws IOException {
        Parts p = good();
        int[] at = p.offsets();
        byte[] rest = p.rest().clone();
        ByteBuffer.wrap(rest).putFloat(at[3] + 8 + 8, Float.NaN); // the first weight, after 2 biases
        assertEquals("the weight of feature 0 for label 'conflict' is NaN, not a finite number",
                refused(signed(p.header().toString().getBytes(StandardCharsets.UTF_8), rest)));
        rest = p.rest().clone();
        ByteBuffer.wrap(rest).putFloat(at[3] + 8, Float.POSITIVE_INFINITY);
        assertTrue(refused(signed(p.header().toString().getBytes(StandardCharsets.UTF_8), rest)).contains("bias of label 'conflict'"));

        assertEquals("label 'conflict' is listed twice", refused(p.header(h -> {
            h.putArray("labels").add("conflict").add("conflict");
            return h;
        }).sign()));
        assertTrue(refused(p.header(h -> {
            h.putArray("thresholds").add(5).add(-1);
            return h;
        }).sign()).contains("thresholds are probabilities from 0 to 1"));
        assertTrue(refused(p.header(h -> {
            h.putArray("calibration").addObject().put("a", 1).put("b", Double.NaN);
            return h;
        }).sign()).contains("calibration"));
        assertTrue(refused(p.header(h -> {
            h.putArray("labels");
            h.putArray("thresholds");
            h.putArray("calibration");
            return h;
        }).sign()).contains("at least one label"));
    }

    @Test
    void missingNullAndMistypedHeadersAreRefused() throws IOException {
        Parts p = good();
        assertEquals("the header is null", refused(signed("null".getBytes(StandardCharsets.UTF_8), p.rest())));
        assertEquals("the header has no 'mode'", refused(p.header(h -> {
            h.remove("mode");
            return h;
        }).sign()));
        assertEquals("the header has no 'learner'", refused(p.header(h -> {
            h.putNull("learner");
            return h;
        }).sign()));
        assertEquals("the header's 'labels' is not a JSON array", refused(p.header(h -> {
            h.put("labels", "conflict");
            return h;
        }).sign()));
        assertTrue(refused(signed(("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8), p.rest()))
                .startsWith("unreadable header"));
        assertTrue(refused(p.header(h -> {
            ((ObjectNode) h.get("featurizer")).put("kind", "HASHING");
            return h;
        }).sign()).contains("do not match the header"));
    }

    @Test
    void foreignFilesFailFromTheirFirstBytesAndSpecialFilesAreNamed() throws IOException, InterruptedException {
        Path big = dir.resolve("big.csv");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.write(ByteBuffer.wrap("id,title\n".getBytes(StandardCharsets.UTF_8)), 3L << 30); // a sparse 3 GB file
        }
        assertEquals(big + ": not a newstopic model file", assertThrows(ModelFormatException.class, () -> ModelFile.read(big)).getMessage());
        assertEquals(dir + ": not a model file but a directory",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(dir)).getMessage());
        Path fifo = dir.resolve("fifo.model");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertEquals(fifo + ": not a model file but a special file (a pipe or a device)",
                    assertThrows(ModelFormatException.class, () -> ModelFile.read(fifo)).getMessage());
        }
    }

    @Test
    void writtenModelsKeepTheUmaskOrTheReplacedFilesMode() throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return;
        }
        Path plain = dir.resolve("plain");
        Files.createFile(plain); // what any new file gets under this process's umask
        Path fresh = dir.resolve("fresh.model");
        ModelFile.write(TestModels.small(Mode.MULTI), fresh);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh));

        Path shared = dir.resolve("shared.model");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        ModelFile.write(TestModels.small(Mode.MULTI), shared);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw----"));
        ModelFile.write(TestModels.small(Mode.SINGLE), shared);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    }

    /**
     * A seeded mutation loop: byte flips, overwritten ints, cut and repeated spans, and header
     * field changes, each re-signed. Every load either succeeds with finite outputs or fails with
     * a ModelFormatException; nothing else (no other exception, no hang, no huge allocation).
     */
    @Test
    void mutatedAndResignedFilesLoadWithFiniteOutputsOrFailCleanly() throws IOException {
        byte[][] seeds = {bytes(TestModels.small(Mode.MULTI)), bytes(TestModels.small(Mode.SINGLE, 20)), hashingModel(),
                bytes(TestModels.withLongTexts(TestModels.small(Mode.MULTI), 20))};
        Random random = new Random(11);
        int loaded = 0;
        int refused = 0;
        for (int round = 0; round < 4000; round++) {
            byte[] seed = seeds[round % seeds.length];
            byte[] body = mutate(Arrays.copyOf(seed, seed.length - 32), random);
            byte[] file = resign(body);
            TopicModel model;
            try {
                model = ModelFile.read(file);
            } catch (ModelFormatException e) {
                assertFalse(e.getMessage().isBlank());
                refused++;
                continue;
            } catch (Throwable t) {
                fail("round " + round + ": " + t + " instead of a ModelFormatException", t);
                return;
            }
            loaded++;
            TopicClassifier classifier = new TopicClassifier(model);
            for (String text : new String[] {"War and shelling near the border", "Envoys hold talks", "", "market weather"}) {
                Prediction p = classifier.classify("Headline", text);
                for (double probability : p.probabilities().values()) {
                    assertTrue(probability >= 0 && probability <= 1, "round " + round + ": probability " + probability);
                }
            }
        }
        assertTrue(loaded > 50 && refused > 50, loaded + " loaded, " + refused + " refused: the mutations should reach both");
    }

    private static byte[] hashingModel() throws IOException {
        TopicModel small = TestModels.small(Mode.MULTI);
        FeaturizerConfig config = FeaturizerConfig.DEFAULT.withKind(FeaturizerConfig.Kind.HASHING).withHashBits(6);
        var featurizer = new newstopic.features.HashingFeaturizer(config);
        ModelHeader h = small.header();
        ModelHeader header = new ModelHeader(h.labels(), h.mode(), h.thresholds(), h.calibration(), config, h.learner(),
                h.hyperparameters(), h.provenance(), h.metrics(), h.topFeatures(), h.headlineRule(), h.headlineThresholds(),
                h.sentenceRule(), h.sentenceWeights(), h.shortText(), h.shortThresholds());
        float[] w = new float[featurizer.dimension() * 2];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 7) - 3;
        }
        return bytes(new TopicModel(header, featurizer, w, new float[] {0.5f, -0.5f}));
    }

    private static byte[] mutate(byte[] body, Random random) {
        int kind = random.nextInt(6);
        int at = 12 + random.nextInt(body.length - 12);
        switch (kind) {
            case 0 -> body[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                int[] interesting = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, 200_000_000, 0x7fc00000, 0x7f800000, 65535};
                at = Math.min(at, body.length - 4);
                ByteBuffer.wrap(body).putInt(at, interesting[random.nextInt(interesting.length)]);
            }
            case 2 -> {
                int cut = random.nextInt(Math.min(64, body.length - at) + 1);
                byte[] out = new byte[body.length - cut];
                System.arraycopy(body, 0, out, 0, at);
                System.arraycopy(body, at + cut, out, at, body.length - at - cut);
                return out;
            }
            case 3 -> {
                int len = random.nextInt(Math.min(64, body.length - at) + 1);
                byte[] out = new byte[body.length + len];
                System.arraycopy(body, 0, out, 0, at + len);
                System.arraycopy(body, at, out, at + len, body.length - at);
                return out;
            }
            case 4 -> {
                // a float in the weights area: NaN, infinity, huge
                float[] values = {Float.NaN, Float.POSITIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, 0f};
                at = body.length - 4 - 4 * random.nextInt(Math.min(40, (body.length - 16) / 4));
                ByteBuffer.wrap(body).putFloat(at, values[random.nextInt(values.length)]);
            }
            default -> {
                return mutateHeader(body, random);
            }
        }
        return body;
    }

    private static byte[] mutateHeader(byte[] body, Random random) {
        int length = ByteBuffer.wrap(body, 12, 4).getInt();
        ObjectNode h = (ObjectNode) JSON.readTree(Arrays.copyOfRange(body, 16, 16 + length));
        String[] fields = {"labels", "mode", "thresholds", "calibration", "featurizer", "learner", "headlineRule", "provenance"};
        String field = fields[random.nextInt(fields.length)];
        switch (random.nextInt(5)) {
            case 0 -> h.remove(field);
            case 1 -> h.putNull(field);
            case 2 -> h.put(field, random.nextInt(3) - 1);
            case 3 -> h.put(field, "x");
            default -> {
                if (h.get(field).isArray()) {
                    var array = (tools.jackson.databind.node.ArrayNode) h.get(field);
                    if (!array.isEmpty()) {
                        array.set(random.nextInt(array.size()), array.get(random.nextInt(array.size())));
                    }
                } else if (h.get(field).isObject()) {
                    ((ObjectNode) h.get(field)).put("maxNgram", random.nextInt(5));
                }
            }
        }
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        byte[] rest = Arrays.copyOfRange(body, 16 + length, body.length);
        return Arrays.copyOf(signed(header, rest), 16 + header.length + rest.length);
    }
}
