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
        return read(config, in, Long.MAX_VALUE);
    }

    /**
     * As {@link #read(FeaturizerConfig, DataInput)}, from an input known to hold at most
     * {@code remaining} bytes: every count is checked against them before anything is allocated,
     * and every n-gram key against the vocabulary, so a crafted file fails with an
     * {@link IOException} naming what is wrong instead of exhausting memory.
     */
    public static Featurizer read(FeaturizerConfig config, DataInput in, long remaining) throws IOException {
        if (config.kind() == FeaturizerConfig.Kind.HASHING) {
            return new HashingFeaturizer(config);
        }
        int documents = in.readInt();
        if (documents < 0) {
            throw new IOException("corrupt vocabulary: " + documents + " documents");
        }
        // each word takes at least its 2-byte length, each feature 12 bytes (key and idf)
        int wordCount = checkedCount(in.readInt(), Math.min(TfIdfFeaturizer.MAX_WORDS, (remaining - 12) / 2), "word");
        TermTable words = new TermTable();
        for (int i = 0; i < wordCount; i++) {
            if (words.add(in.readUTF()) != i) {
                throw new IOException("corrupt vocabulary: word " + i + " is listed twice");
            }
        }
        int featureCount = checkedCount(in.readInt(), Math.min(Integer.MAX_VALUE - 8, (remaining - 12 - 2L * wordCount) / 12), "feature");
        long[] keys = new long[featureCount];
        float[] idf = new float[featureCount];
        for (int i = 0; i < featureCount; i++) {
            keys[i] = in.readLong();
            idf[i] = in.readFloat();
            checkKey(keys[i], i, wordCount);
            if (!Float.isFinite(idf[i]) || idf[i] < 0) {
                throw new IOException("corrupt vocabulary: feature " + i + " has idf " + idf[i] + "; a finite number of 0 or more is expected");
            }
        }
        long[] sorted = keys.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IOException("corrupt vocabulary: n-gram key " + sorted[i] + " is listed twice");
            }
        }
        return new TfIdfFeaturizer(config, words, keys, idf, documents);
    }

    /**
     * A key packs one to {@link TfIdfFeaturizer#MAX_NGRAM} word ids + 1, the last word in the low
     * bits: positive, each chunk from 1 to the word count, no empty chunk below a used one.
     */
    private static void checkKey(long key, int feature, int wordCount) throws IOException {
        if (key <= 0) {
            throw new IOException("corrupt vocabulary: feature " + feature + " has key " + key + "; keys are positive");
        }
        long idMask = (1L << TfIdfFeaturizer.ID_BITS) - 1;
        for (long k = key; k != 0; k >>>= TfIdfFeaturizer.ID_BITS) {
            long id = k & idMask;
            if (id == 0 || id > wordCount) {
                throw new IOException("corrupt vocabulary: feature " + feature + " names "
                        + (id == 0 ? "an empty word slot" : "word " + id + " of " + wordCount));
            }
        }
    }

    private static int checkedCount(int n, long max, String what) throws IOException {
        if (n < 0 || n > max) {
            throw new IOException("corrupt vocabulary: " + n + " " + what + "s" + (n < 0 ? "" : ", more than the file can hold"));
        }
        return n;
    }
}
