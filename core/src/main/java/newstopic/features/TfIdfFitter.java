package newstopic.features;

import java.util.Arrays;
import java.util.List;

import newstopic.article.Article;
import newstopic.text.CharTerm;

/**
 * Fits a {@link TfIdfFeaturizer}: counts in how many documents each word n-gram occurs, keeps
 * those within the min-df / max-df bounds (the most frequent {@code maxFeatures} of them when
 * limited) and computes their idf. Deterministic for a given input order. Stateless and
 * thread-safe.
 */
public final class TfIdfFitter {

    private TfIdfFitter() {
    }

    public static TfIdfFeaturizer fit(FeaturizerConfig config, List<Article> articles) {
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a vocabulary on no documents");
        }
        DocumentCounter counter = new DocumentCounter(config);
        for (Article article : articles) {
            counter.startDocument();
            if (config.titleWeight() > 0) {
                counter.collect(article.title());
            }
            counter.collect(article.text());
            counter.endDocument();
        }
        return select(config, counter.words, counter.df, articles.size());
    }

    /** Document frequencies of n-gram keys, filled one document at a time. Not thread-safe. */
    private static final class DocumentCounter {
        final TermTable words = new TermTable();
        final LongIntMap df = new LongIntMap(1 << 16);
        private final Workspace ws;
        private long[] keys = new long[256];
        private int count;

        DocumentCounter(FeaturizerConfig config) {
            ws = new Workspace(config);
        }

        void startDocument() {
            count = 0;
        }

        /** Adds the key of every n-gram of {@code text} to the current document. */
        void collect(CharSequence text) {
            var pipeline = ws.pipeline.reset(text);
            CharTerm term = pipeline.term();
            NgramWindow window = ws.window;
            window.clear();
            while (pipeline.next()) {
                int id = words.add(term.buffer(), 0, term.length());
                if (id > TfIdfFeaturizer.MAX_WORDS) {
                    throw new IllegalStateException("more than " + TfIdfFeaturizer.MAX_WORDS
                            + " distinct words: use the hashing featurizer for a corpus this large");
                }
                int ngrams = window.push(id);
                long key = 0;
                for (int len = 1; len <= ngrams; len++) {
                    key = TfIdfFeaturizer.ngramKey(key, len, window.word(len - 1));
                    if (count == keys.length) {
                        keys = Arrays.copyOf(keys, count * 2);
                    }
                    keys[count++] = key;
                }
            }
        }

        /** Counts each distinct key of the document once. */
        void endDocument() {
            Arrays.sort(keys, 0, count);
            for (int i = 0; i < count; i++) {
                if (i > 0 && keys[i] == keys[i - 1]) {
                    continue;
                }
                int slot = df.slotOf(keys[i], 0);
                df.setValueAt(slot, df.valueAt(slot) + 1);
            }
        }
    }

    private static TfIdfFeaturizer select(FeaturizerConfig config, TermTable words, LongIntMap df, int documents) {
        long[] slots = df.keySlots();
        int maxDf = (int) Math.floor(config.maxDfRatio() * documents);
        long[] order = new long[df.size()];
        int kept = 0;
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] == 0) {
                continue;
            }
            int d = df.valueAt(slot);
            if (d >= config.minDf() && d <= maxDf) {
                // most documents first, then by slot: a stable order without boxing
                order[kept++] = ((long) (Integer.MAX_VALUE - d) << 32) | slot;
            }
        }
        Arrays.sort(order, 0, kept);
        if (config.maxFeatures() > 0 && kept > config.maxFeatures()) {
            kept = config.maxFeatures();
        }
        // renumber the words that kept n-grams use, so the model stores no unused word
        TermTable keptWords = new TermTable();
        int[] newId = new int[words.size()];
        Arrays.fill(newId, -1);
        long[] keys = new long[kept];
        float[] idf = new float[kept];
        long mask = (1L << TfIdfFeaturizer.ID_BITS) - 1;
        for (int i = 0; i < kept; i++) {
            int slot = (int) order[i];
            long oldKey = slots[slot];
            long key = 0;
            for (int shift = 0; shift < TfIdfFeaturizer.ID_BITS * TfIdfFeaturizer.MAX_NGRAM; shift += TfIdfFeaturizer.ID_BITS) {
                int oldId = (int) ((oldKey >>> shift) & mask) - 1;
                if (oldId < 0) {
                    break;
                }
                if (newId[oldId] < 0) {
                    newId[oldId] = keptWords.add(words.word(oldId));
                }
                key |= (long) (newId[oldId] + 1) << shift;
            }
            keys[i] = key;
            idf[i] = (float) (Math.log((1.0 + documents) / (1.0 + df.valueAt(slot))) + 1.0);
        }
        return new TfIdfFeaturizer(config, keptWords, keys, idf, documents);
    }
}
