package newstopic.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import newstopic.io.Json;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a featurizer's settings (as JSON) and fitted data (as binary), and reads them back into
 * a featurizer that gives exactly the same vectors. Stateless and thread-safe.
 */
public final class FeaturizerIO {

    private static final ObjectMapper JSON = Json.COMPACT;

    private FeaturizerIO() {
    }

    /** The settings as a JSON object. */
    public static String configToJson(FeaturizerConfig config) {
        return JSON.writeValueAsString(config);
    }

    public static FeaturizerConfig configFromJson(String json) {
        return JSON.readValue(json, FeaturizerConfig.class);
    }

    /** Writes what fitting learned (nothing for hashing). */
    public static void writeData(Featurizer featurizer, DataOutput out) throws IOException {
        if (!(featurizer instanceof TfIdfFeaturizer tfidf)) {
            return;
        }
        out.writeInt(tfidf.documents());
        String[] words = tfidf.wordList();
        out.writeInt(words.length);
        for (String w : words) {
            out.writeUTF(w);
        }
        long[] keys = tfidf.keys();
        float[] idf = tfidf.idfs();
        out.writeInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.writeLong(keys[i]);
            out.writeFloat(idf[i]);
        }
    }

    /** Rebuilds the featurizer of {@code config} from what {@link #writeData} wrote. */
    public static Featurizer read(FeaturizerConfig config, DataInput in) throws IOException {
        if (config.kind() == FeaturizerConfig.Kind.HASHING) {
            return new HashingFeaturizer(config);
        }
        int documents = in.readInt();
        int wordCount = checkedCount(in.readInt(), TfIdfFeaturizer.MAX_WORDS, "word");
        TermTable words = new TermTable();
        for (int i = 0; i < wordCount; i++) {
            if (words.add(in.readUTF()) != i) {
                throw new IOException("corrupt vocabulary: word " + i + " is listed twice");
            }
        }
        int featureCount = checkedCount(in.readInt(), Integer.MAX_VALUE - 8, "feature");
        long[] keys = new long[featureCount];
        float[] idf = new float[featureCount];
        long idMask = (1L << TfIdfFeaturizer.ID_BITS) - 1;
        for (int i = 0; i < featureCount; i++) {
            keys[i] = in.readLong();
            idf[i] = in.readFloat();
            for (long k = keys[i]; k != 0; k >>>= TfIdfFeaturizer.ID_BITS) {
                if ((k & idMask) > wordCount) {
                    throw new IOException("corrupt vocabulary: feature " + i + " names an unknown word");
                }
            }
        }
        return new TfIdfFeaturizer(config, words, keys, idf, documents);
    }

    private static int checkedCount(int n, int max, String what) throws IOException {
        if (n < 0 || n > max) {
            throw new IOException("corrupt vocabulary: " + n + " " + what + "s");
        }
        return n;
    }
}
