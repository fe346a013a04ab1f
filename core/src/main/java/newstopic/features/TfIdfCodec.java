package newstopic.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

import newstopic.article.Article;

/** Fitted tf-idf vocabularies: fitted on the training articles, written as words, n-gram keys and idfs. Stateless and thread-safe. */
final class TfIdfCodec implements FeaturizerCodec {

    static final TfIdfCodec INSTANCE = new TfIdfCodec();

    private TfIdfCodec() {
    }

    @Override
    public Featurizer fit(FeaturizerConfig config, List<Article> articles) {
        return TfIdfFitter.fit(config, articles);
    }

    @Override
    public boolean learnsFromData() {
        return true;
    }

    @Override
    public void writeData(Featurizer featurizer, DataOutput out) throws IOException {
        TfIdfFeaturizer tfidf = (TfIdfFeaturizer) featurizer;
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

    /** Every count is checked against {@code remaining} before anything is allocated, every key against the vocabulary. */
    @Override
    public Featurizer read(FeaturizerConfig config, DataInput in, long remaining) throws IOException {
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
