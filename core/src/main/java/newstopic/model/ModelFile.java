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
import java.nio.file.Path;
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
 *   int       format version ({@value #FORMAT})
 *   int       header length, then the header as UTF-8 JSON ({@link ModelHeader})
 *   ...       the featurizer's fitted data ({@link FeaturizerIO#writeData})
 *   int, int  label count L, feature count D
 *   float[L]  biases; float[D*L] weights, feature-major
 *   32 bytes  SHA-256 of everything before it
 * </pre>
 * Plain data only: reading never deserializes Java objects. Writes go to a temporary file that
 * replaces the target only once complete, so a failed write leaves no partial model. Stateless
 * and thread-safe.
 */
public final class ModelFile {

    /** The format version this code writes and the newest it reads. */
    public static final int FORMAT = 1;
    private static final byte[] MAGIC = {(byte) 0x89, 'N', 'T', 'O', 'P', 'I', 'C', '\n'};
    private static final int DIGEST = 32;
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
        data.write(MAGIC);
        data.writeInt(FORMAT);
        byte[] header = JSON.writeValueAsBytes(model.header());
        data.writeInt(header.length);
        data.write(header);
        FeaturizerIO.writeData(model.featurizer(), data);
        int labels = model.labelCount();
        int dim = model.featurizer().dimension();
        data.writeInt(labels);
        data.writeInt(dim);
        writeFloats(data, model.biases());
        writeFloats(data, model.weights());
        data.flush();
        data.write(sha.digest()); // after flush: the digest stream has seen every byte before it
        data.close();
    }

    /** Reads a model, checking magic, version and checksum first. */
    public static TopicModel read(Path path) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(path);
        try {
            return read(bytes);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(path + ": " + e.getMessage());
        }
    }

    public static TopicModel read(byte[] bytes) throws IOException {
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
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
            in.skipNBytes(MAGIC.length + 4);
            int headerLength = in.readInt();
            if (headerLength < 0 || headerLength > body) {
                throw new ModelFormatException("corrupt header length " + headerLength);
            }
            ModelHeader header = JSON.readValue(in.readNBytes(headerLength), ModelHeader.class);
            Featurizer featurizer = FeaturizerIO.read(header.featurizer(), in);
            int labels = in.readInt();
            int dim = in.readInt();
            if (labels != header.labels().size() || dim != featurizer.dimension()) {
                throw new ModelFormatException("weights do not match the header (" + labels + " labels x " + dim
                        + " features)");
            }
            float[] bias = readFloats(in, labels);
            float[] weights = readFloats(in, Math.multiplyExact(labels, dim));
            if (in.available() != 0) {
                throw new ModelFormatException(in.available() + " unexpected bytes after the weights");
            }
            return new TopicModel(header, featurizer, weights, bias);
        } catch (EOFException e) {
            throw new ModelFormatException("truncated model file");
        } catch (JacksonException e) {
            throw new ModelFormatException("unreadable header: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ModelFormatException("inconsistent model: " + e.getMessage());
        }
    }

    /** The header alone, for tools that only describe a model. */
    public static String headerJson(TopicModel model) {
        return new String(JSON.writeValueAsBytes(model.header()), StandardCharsets.UTF_8);
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
