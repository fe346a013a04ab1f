package newstopic.features;

import java.util.Arrays;

import newstopic.text.Analyzer;
import newstopic.text.CharTerm;
import newstopic.text.PlainTokenizer;

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
    /**
     * Per word id, which n-grams of two or more words it can take part in: {@link #ENDS} when it
     * is the last word of one, bit {@code len} when it is the first word of one of {@code len}
     * words. Most n-grams of a text are not features; this skips their table lookups.
     */
    private final byte[] roles;
    private static final int ENDS = 1;
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
        this.roles = new byte[words.size()];
        long idMask = (1L << ID_BITS) - 1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] < (1L << ID_BITS)) {
                unigrams[(int) keys[i] - 1] = i; // a one-word key is the word's id + 1
            } else {
                // the newest word sits in the lowest bits, the first word in the highest
                roles[(int) (keys[i] & idMask) - 1] |= ENDS;
                int len = (64 - Long.numberOfLeadingZeros(keys[i]) + ID_BITS - 1) / ID_BITS;
                roles[(int) ((keys[i] >>> (ID_BITS * (len - 1))) & idMask) - 1] |= (byte) (1 << len);
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
        ws.wordIds.bindTo(this);
        if (config.titleWeight() > 0) {
            addNgrams(ws, wordIds(title, ws), config.titleWeight());
        }
        addNgrams(ws, wordIds(body, ws), 1f);
        ws.accumulator.writeTo(out, config.sublinearTf(), idf, config.l2());
    }

    /**
     * Puts the vocabulary ids of the text's analysed words (-1 for unknown ones; stop words left
     * out) into {@code ws.ids} and returns how many: the ids the analysis chain gives, word for
     * word. Plain text is read once ({@link PlainTokenizer}), with one word cache lookup per
     * ordinary word; other text is normalized first, then read the same way.
     */
    private int wordIds(CharSequence text, Workspace ws) {
        int n = wordIds(ws.pipeline.plain(text), ws);
        return n >= 0 ? n : wordIds(ws.pipeline.normalized(text), ws);
    }

    /** {@link #wordIds(CharSequence, Workspace)} from a started tokenizer; -1 if the text is not plain. */
    private int wordIds(PlainTokenizer plain, Workspace ws) {
        Analyzer.Pipeline pipeline = ws.pipeline;
        CharTerm term = pipeline.term();
        WordIdCache cache = ws.wordIds;
        int[] ids = ws.ids(0);
        int n = 0;
        while (true) {
            int kind = plain.next();
            int id;
            if (kind == PlainTokenizer.WORD) {
                id = cache.get(plain.low(), plain.high());
                if (id == WordIdCache.MISS) {
                    // the first time this thread sees the word: the full chain analyses and caches it
                    pipeline.nextSurfaceAt(plain.start());
                    id = wordId(ws, pipeline, term);
                }
            } else if (kind == PlainTokenizer.OTHER) {
                if (!pipeline.nextSurfaceAt(plain.start())) {
                    return plain.skipTo(pipeline.textLength()) ? n : -1;
                }
                id = wordId(ws, pipeline, term);
                if (!plain.skipTo(term.endOffset())) {
                    return -1;
                }
            } else if (kind == PlainTokenizer.END) {
                return n;
            } else {
                return -1;
            }
            if (id != DROPPED) {
                if (n == ids.length) {
                    ids = ws.ids(n + 1);
                }
                ids[n++] = id;
            }
        }
    }

    /** Adds the n-grams of the first {@code count} words of {@code ws.ids} to the accumulator. */
    private void addNgrams(Workspace ws, int count, float weight) {
        int[] ids = ws.ids(0);
        NgramWindow window = ws.window;
        window.clear();
        FeatureAccumulator accumulator = ws.accumulator;
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            int ngrams = window.push(id);
            if (id < 0) {
                continue; // an unknown word ends no n-gram that is a feature
            }
            int unigram = unigrams[id];
            if (unigram >= 0) {
                accumulator.add(unigram, weight);
            }
            if (ngrams < 2 || (roles[id] & ENDS) == 0) {
                continue;
            }
            long key = id + 1;
            for (int len = 2; len <= ngrams; len++) {
                int wordId = window.word(len - 1);
                if (wordId < 0) {
                    break; // an unknown word ends every longer n-gram too
                }
                key = ngramKey(key, len, wordId);
                if ((roles[wordId] & (1 << len)) != 0) {
                    int index = features.get(key);
                    if (index >= 0) {
                        accumulator.add(index, weight);
                    }
                }
            }
        }
    }

    @Override
    public void forEachNgram(CharSequence title, CharSequence body, Workspace ws, NgramVisitor visitor) {
        visit(title, ws, visitor, true);
        visit(body, ws, visitor, false);
    }

    /** Hands the text's n-grams to {@code visitor}, from the analysed words (their names are needed). */
    private void visit(CharSequence text, Workspace ws, NgramVisitor visitor, boolean inTitle) {
        var pipeline = ws.pipeline.reset(text);
        CharTerm term = pipeline.term();
        NgramWindow window = ws.window;
        window.clear();
        RecentWords recent = new RecentWords(window.maxNgram(), inTitle);
        while (pipeline.next()) {
            int ngrams = window.push(words.find(term.buffer(), 0, term.length()));
            int head = window.head();
            recent.put(head, term);
            long key = 0;
            for (int len = 1; len <= ngrams; len++) {
                int wordId = window.word(len - 1);
                if (wordId < 0) {
                    break;
                }
                key = ngramKey(key, len, wordId);
                int index = len == 1 ? unigrams[wordId] : features.get(key);
                if (index >= 0) {
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
