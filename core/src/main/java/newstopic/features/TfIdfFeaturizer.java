package newstopic.features;

import java.util.Arrays;

import newstopic.text.Analyzer;
import newstopic.text.CharTerm;

/**
 * A fitted vocabulary of word n-grams with their inverse document frequencies ({@code ln((1+N) /
 * (1+df)) + 1}, as scikit-learn smooths it). Each n-gram is keyed by its words' ids, so lookups
 * need no strings. Made by {@link TfIdfFitter} or read back by {@link FeaturizerIO}; immutable
 * and thread-safe.
 */
public final class TfIdfFeaturizer implements Featurizer {

    /** Longest n-gram: three word ids of {@value #ID_BITS} bits fit in a {@code long} key. */
    public static final int MAX_NGRAM = 3;
    static final int ID_BITS = 21;
    static final int MAX_WORDS = (1 << ID_BITS) - 2;

    private final FeaturizerConfig config;
    private final TermTable words;
    private final NgramTable features;
    /** Per word id, the feature index of the word alone, or -1: single words need no table lookup. */
    private final int[] unigrams;
    private final long[] keys;
    private final float[] idf;
    private final int documents;

    TfIdfFeaturizer(FeaturizerConfig config, TermTable words, long[] keys, float[] idf, int documents) {
        if (config.kind() != FeaturizerConfig.Kind.TFIDF) {
            throw new IllegalArgumentException("not a tf-idf configuration: " + config.kind());
        }
        this.config = config;
        this.words = words;
        this.keys = keys;
        this.idf = idf;
        this.documents = documents;
        this.features = new NgramTable(keys);
        this.unigrams = new int[words.size()];
        Arrays.fill(unigrams, -1);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] < (1L << ID_BITS)) {
                unigrams[(int) keys[i] - 1] = i; // a one-word key is the word's id + 1
            }
        }
    }

    @Override
    public FeaturizerConfig config() {
        return config;
    }

    @Override
    public int dimension() {
        return keys.length;
    }

    /** Number of documents the vocabulary was fitted on. */
    public int documents() {
        return documents;
    }

    /** The inverse document frequency of feature {@code index}. */
    public float idf(int index) {
        return idf[index];
    }

    /** The words of feature {@code index}, space-separated. */
    public String ngram(int index) {
        long key = keys[index];
        StringBuilder sb = new StringBuilder();
        for (int shift = ID_BITS * (MAX_NGRAM - 1); shift >= 0; shift -= ID_BITS) {
            int id = (int) ((key >>> shift) & ((1L << ID_BITS) - 1)) - 1;
            if (id >= 0) {
                sb.append(sb.isEmpty() ? "" : " ").append(words.word(id));
            }
        }
        return sb.toString();
    }

    /** A word the analyzer drops (a stop word): it takes no place in n-grams. */
    private static final int DROPPED = -2;

    @Override
    public void featurize(CharSequence title, CharSequence body, Workspace ws, SparseVector out) {
        ws.accumulator.clear();
        if (config.titleWeight() > 0) {
            scan(title, config.titleWeight(), ws, null, true);
        }
        scan(body, 1f, ws, null, false);
        ws.accumulator.writeTo(out, config.sublinearTf(), idf, config.l2());
    }

    @Override
    public void forEachNgram(CharSequence title, CharSequence body, Workspace ws, NgramVisitor visitor) {
        scan(title, 1f, ws, visitor, true);
        scan(body, 1f, ws, visitor, false);
    }

    private void scan(CharSequence text, float weight, Workspace ws, NgramVisitor visitor, boolean inTitle) {
        var pipeline = ws.pipeline.reset(text);
        CharTerm term = pipeline.term();
        NgramWindow window = ws.window;
        window.clear();
        RecentWords recent = visitor == null ? null : new RecentWords(window.maxNgram(), inTitle);
        if (recent == null) {
            ws.wordIds.bindTo(this);
        }
        while (true) {
            int id;
            if (recent == null) {
                // featurizing: surface forms map to word ids through the cache
                if (!pipeline.nextSurface()) {
                    break;
                }
                id = wordId(ws, pipeline, term);
                if (id == DROPPED) {
                    continue;
                }
            } else {
                // visiting: the analysed words are needed for their names
                if (!pipeline.next()) {
                    break;
                }
                id = words.find(term.buffer(), 0, term.length());
            }
            int ngrams = window.push(id);
            int head = window.head();
            if (recent != null) {
                recent.put(head, term);
            }
            long key = 0;
            for (int len = 1; len <= ngrams; len++) {
                int wordId = window.word(len - 1);
                if (wordId < 0) {
                    break; // an unknown word ends every longer n-gram too
                }
                key = ngramKey(key, len, wordId);
                int index = len == 1 ? unigrams[wordId] : features.get(key);
                if (index < 0) {
                    continue;
                }
                if (visitor == null) {
                    ws.accumulator.add(index, weight);
                } else {
                    recent.visit(visitor, index, 1, head, len, term.endOffset());
                }
            }
        }
    }

    /** The vocabulary id of the current surface token after analysis, -1 if unknown, {@link #DROPPED} for a stop word. */
    private int wordId(Workspace ws, Analyzer.Pipeline pipeline, CharTerm term) {
        WordIdCache cache = ws.wordIds;
        // acronyms are not cached: the same letters as a plain word may analyse differently (US against us)
        if (term.isAcronym() || !cache.pack(term.buffer(), term.length())) {
            return pipeline.analyze() ? words.find(term.buffer(), 0, term.length()) : DROPPED;
        }
        int id = cache.get();
        if (id == WordIdCache.MISS) {
            id = pipeline.analyze() ? words.find(term.buffer(), 0, term.length()) : DROPPED;
            cache.put(id); // the packed surface form, taken before analysis rewrote the term
        }
        return id;
    }

    /**
     * Extends the key of an n-gram ending at the current word backwards by one word: the words of
     * an n-gram sit in the key oldest first, so keys from fitting and from lookup agree.
     */
    static long ngramKey(long suffixKey, int len, int firstWordId) {
        return suffixKey | ((long) (firstWordId + 1) << (ID_BITS * (len - 1)));
    }

    /** For {@link FeaturizerIO}: words in id order. */
    String[] wordList() {
        String[] list = new String[words.size()];
        Arrays.setAll(list, words::word);
        return list;
    }

    long[] keys() {
        return keys;
    }

    float[] idfs() {
        return idf;
    }
}
