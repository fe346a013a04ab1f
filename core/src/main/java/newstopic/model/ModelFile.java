package newstopic.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Arrays;

import newstopic.features.Featurizer;
import newstopic.features.FeaturizerIO;
import newstopic.io.AtomicFiles;
import newstopic.io.Json;
import newstopic.io.Sha256;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The newstopic model file. Layout, all integers big-endian:
 * <pre>
 *   8 bytes   magic "\x89NTOPIC\n"
 *   int       format version: 1, or 2 with a long-text model (this code reads up to {@value #FORMAT})
 *   int       header length, then the header as UTF-8 JSON ({@link ModelHeader})
 *   ...       the featurizer's fitted data ({@link FeaturizerIO#writeData})
 *   int, int  label count L, feature count D
 *   float[L]  biases; float[D*L] weights, feature-major
 *   (format 2 only: the long-text model, {@link TopicModel#longTexts()}, over the same featurizer:
 *    int header length, its header as UTF-8 JSON, int L, int D, float[L] biases, float[D*L] weights)
 *   32 bytes  SHA-256 of everything before it
 * </pre>
 * A model without a long-text model is written in format 1, which older readers read too.
 * Plain data only: reading never deserializes Java objects. Writes go to a temporary file that
 * replaces the target only once complete, so a failed write leaves no partial model. Stateless
 * and thread-safe.
 */
public final class ModelFile {

    /** The format version this code writes and the newest it reads. */
    public static final int FORMAT = 2;
    private static final byte[] MAGIC = {(byte) 0x89, 'N', 'T', 'O', 'P', 'I', 'C', '\n'};
    private static final int DIGEST = 32;
    /** The largest file read: one byte array. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;
    private static final ObjectMapper JSON = Json.INDENTED;

    private ModelFile() {
    }

    /** Writes {@code model} to {@code path} atomically (see {@link AtomicFiles}). */
    public static void write(TopicModel model, Path path) throws IOException {
        AtomicFiles.write(path, out -> writeTo(model, out));
    }

    /** Writes the model's bytes, checksum included, to {@code out} (which is not closed). */
    public static void writeTo(TopicModel model, OutputStream out) throws IOException {
        MessageDigest sha = Sha256.digest();
        DataOutputStream data = new DataOutputStream(new java.security.DigestOutputStream(
                new java.io.BufferedOutputStream(new NonClosing(out), 1 << 16), sha));
        TopicModel longTexts = model.longTexts();
        data.write(MAGIC);
        data.writeInt(longTexts == null ? 1 : 2);
        writeHeader(data, model.header());
        FeaturizerIO.writeData(model.featurizer(), data);
        writeWeights(data, model);
        if (longTexts != null) {
            writeHeader(data, longTexts.header());
            writeWeights(data, longTexts);
        }
        data.flush();
        data.write(sha.digest()); // after flush: the digest stream has seen every byte before it
        data.close();
    }

    private static void writeHeader(DataOutputStream data, ModelHeader header) throws IOException {
        byte[] json = JSON.writeValueAsBytes(header);
        data.writeInt(json.length);
        data.write(json);
    }

    private static void writeWeights(DataOutputStream data, TopicModel model) throws IOException {
        data.writeInt(model.labelCount());
        data.writeInt(model.featurizer().dimension());
        writeFloats(data, model.biases());
        writeFloats(data, model.weights());
    }

    /**
     * Reads a model, checking before anything is allocated for it: a regular file, magic and version
     * from its first bytes, then the checksum, every count against the file's size, and finally
     * the content ({@link #read(byte[])}). Every failure is a {@link ModelFormatException} (or, for
     * a file that cannot be opened, an {@link IOException}) whose message names the file.
     */
    public static TopicModel read(Path path) throws IOException {
        return read(readBytes(path), path);
    }

    /**
     * The bytes of a model file, read only once it is known to be a regular file of a plausible
     * size that starts with the magic bytes and a format version this code reads. The content is
     * not checked: pass the bytes to {@link #read(byte[], Path)}.
     */
    public static byte[] readBytes(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no model file there");
        }
        if (!attributes.isRegularFile()) {
            throw new ModelFormatException(path + ": not a model file but " + (attributes.isDirectory() ? "a directory"
                    : attributes.isSymbolicLink() ? "a symbolic link" : "a special file (a pipe or a device)"));
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // read the first bytes whole
            }
            try {
                checkStart(head.array(), head.position());
            } catch (ModelFormatException e) {
                throw new ModelFormatException(path + ": " + e.getMessage());
            }
            if (size > MAX_FILE_BYTES) {
                throw new ModelFormatException(path + ": " + size + " bytes, more than a model file can be (" + MAX_FILE_BYTES + ")");
            }
            byte[] bytes = new byte[(int) size];
            ByteBuffer all = ByteBuffer.wrap(bytes);
            channel.position(0);
            while (all.hasRemaining() && channel.read(all) >= 0) {
                // read it whole
            }
            if (all.hasRemaining() || channel.read(ByteBuffer.allocate(1)) >= 0) {
                throw new ModelFormatException(path + ": the file changed size while it was read; try again once it is written");
            }
            return bytes;
        }
    }

    /** Reads a model from the bytes of {@code source}, whose name starts every error message. */
    public static TopicModel read(byte[] bytes, Path source) throws IOException {
        try {
            return read(bytes);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(source + ": " + e.getMessage());
        }
    }

    /** Magic and format version from the first {@code length} bytes. */
    private static void checkStart(byte[] bytes, int length) throws ModelFormatException {
        if (length < MAGIC.length + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFormatException("not a newstopic model file");
        }
        int format = ByteBuffer.wrap(bytes, MAGIC.length, 4).getInt();
        if (format > FORMAT) {
            throw new ModelFormatException("model format " + format + " is newer than this newstopic reads ("
                    + FORMAT + "); upgrade newstopic");
        }
        if (format < 1) {
            throw new ModelFormatException("unknown model format " + format);
        }
    }

    /**
     * Reads a model from its bytes: magic, version and checksum first, then every count against the
     * bytes left before it is allocated, then the content: a typed header with unique labels,
     * thresholds in [0, 1], finite calibration, weights and biases, and a vocabulary whose keys name
     * its words. Anything else is a {@link ModelFormatException} with one sentence.
     */
    public static TopicModel read(byte[] bytes) throws IOException {
        checkStart(bytes, bytes.length);
        if (bytes.length < MAGIC.length + 4 + DIGEST) {
            throw new ModelFormatException("truncated model file");
        }
        int body = bytes.length - DIGEST;
        MessageDigest sha = Sha256.digest();
        sha.update(bytes, 0, body);
        if (!MessageDigest.isEqual(sha.digest(), Arrays.copyOfRange(bytes, body, bytes.length))) {
            throw new ModelFormatException("checksum mismatch: the file is truncated or corrupt");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
        try {
            in.skipNBytes(MAGIC.length);
            int format = in.readInt();
            ModelHeader header = readHeader(in);
            Featurizer featurizer;
            try {
                featurizer = FeaturizerIO.read(header.featurizer(), in, in.available());
            } catch (EOFException e) {
                throw e;
            } catch (IOException e) {
                throw new ModelFormatException(e.getMessage());
            }
            TopicModel model = readWeights(in, header, featurizer, "the weights");
            TopicModel longTexts = null;
            if (format >= 2) {
                ModelHeader longHeader = readHeader(in);
                if (!longHeader.labels().equals(header.labels()) || !longHeader.featurizer().equals(header.featurizer())) {
                    throw new ModelFormatException("the long-text model's labels or featurizer differ from the model's");
                }
                longTexts = readWeights(in, longHeader, featurizer, "the long-text weights");
            }
            if (in.available() != 0) {
                throw new ModelFormatException(in.available() + " unexpected bytes after the weights");
            }
            return longTexts == null ? model : model.withLongTexts(longTexts);
        } catch (EOFException e) {
            throw new ModelFormatException("truncated model file");
        } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
            throw new ModelFormatException("inconsistent model: " + e.getMessage());
        }
    }

    private static ModelHeader readHeader(DataInputStream in) throws IOException {
        int headerLength = in.readInt();
        if (headerLength < 0 || headerLength > in.available()) {
            throw new ModelFormatException("corrupt header length " + headerLength);
        }
        return ModelChecks.header(in.readNBytes(headerLength));
    }

    /** A model of {@code header} from its biases and weights ({@code what} names them in errors), checked against it. */
    private static TopicModel readWeights(DataInputStream in, ModelHeader header, Featurizer featurizer, String what)
            throws IOException {
        int labels = in.readInt();
        int dim = in.readInt();
        if (labels != header.labels().size() || dim != featurizer.dimension()) {
            throw new ModelFormatException(what + " (" + labels + " labels x " + dim + " features) do not match the header ("
                    + header.labels().size() + " labels x " + featurizer.dimension() + " features)");
        }
        float[] bias = readFloats(in, labels);
        if ((long) labels * dim * 4 > in.available()) {
            throw new ModelFormatException("truncated model file: " + labels + " x " + dim + " weights claimed, "
                    + in.available() + " bytes left");
        }
        float[] weights = readFloats(in, labels * dim);
        ModelChecks.finite(bias, weights, header.labels());
        return new TopicModel(header, featurizer, weights, bias);
    }

    /**
     * The header alone, for tools that only describe a model; a long-text model's header is its
     * {@code longTexts} field.
     */
    public static String headerJson(TopicModel model) {
        if (model.longTexts() == null) {
            return new String(JSON.writeValueAsBytes(model.header()), StandardCharsets.UTF_8);
        }
        tools.jackson.databind.node.ObjectNode tree = JSON.valueToTree(model.header());
        tree.set("longTexts", JSON.valueToTree(model.longTexts().header()));
        return JSON.writeValueAsString(tree);
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
        for (float v : values) {
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putFloat(v);
        }
        out.write(buf.array(), 0, buf.position());
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        if (n < 0 || (long) n * 4 > in.available()) {
            throw new EOFException();
        }
        byte[] raw = in.readNBytes(n * 4);
        float[] out = new float[n];
        ByteBuffer.wrap(raw).asFloatBuffer().get(out);
        return out;
    }

    /** Lets the writer close its stream chain without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
