package newstopic.features;

import newstopic.text.AnalyzerConfig;

/**
 * How articles become vectors. Immutable and thread-safe; stored in the model file.
 *
 * @param kind         hashing (no fitting; fixed dimension) or a fitted tf-idf vocabulary
 * @param analyzer     text cleaning and tokenization
 * @param maxNgram     word n-grams from 1 to this length (1 to 3)
 * @param hashBits     hashing: 2^hashBits buckets
 * @param signed       hashing: a second hash bit gives each n-gram a sign, so collisions cancel
 *                     out on average instead of adding up
 * @param minDf        tf-idf: keep n-grams found in at least this many documents
 * @param maxDfRatio   tf-idf: drop n-grams found in more than this share of documents
 * @param maxFeatures  tf-idf: keep at most this many n-grams, the most frequent (0 = no limit)
 * @param sublinearTf  use {@code 1 + ln(tf)} instead of raw counts
 * @param l2           scale each vector to unit length
 * @param titleWeight  how much a headline token counts relative to a body token
 */
public record FeaturizerConfig(Kind kind, AnalyzerConfig analyzer, int maxNgram, int hashBits, boolean signed,
                               int minDf, double maxDfRatio, int maxFeatures, boolean sublinearTf, boolean l2,
                               float titleWeight) {

    /** The two ways of mapping n-grams to feature indices. */
    public enum Kind { HASHING, TFIDF }

    /** Tf-idf over word 1-2-grams with a doubled headline: the default for training. */
    public static final FeaturizerConfig DEFAULT = new FeaturizerConfig(Kind.TFIDF, AnalyzerConfig.DEFAULT, 2, 20, true,
            2, 1.0, 0, true, true, 2f);

    public FeaturizerConfig {
        if (maxNgram < 1 || maxNgram > TfIdfFeaturizer.MAX_NGRAM) {
            throw new IllegalArgumentException("n-gram length must be 1 to " + TfIdfFeaturizer.MAX_NGRAM + ", got " + maxNgram);
        }
        if (hashBits < 4 || hashBits > 30) {
            throw new IllegalArgumentException("hash bits must be 4 to 30, got " + hashBits);
        }
        if (minDf < 1) {
            throw new IllegalArgumentException("min-df must be at least 1, got " + minDf);
        }
        if (!(maxDfRatio > 0 && maxDfRatio <= 1)) {
            throw new IllegalArgumentException("max-df ratio must be in (0, 1], got " + maxDfRatio);
        }
        if (maxFeatures < 0) {
            throw new IllegalArgumentException("max-features must be 0 (no limit) or more, got " + maxFeatures);
        }
        if (!(titleWeight >= 0)) {
            throw new IllegalArgumentException("title weight must be 0 or more, got " + titleWeight);
        }
    }

    public FeaturizerConfig withKind(Kind k) {
        return new FeaturizerConfig(k, analyzer, maxNgram, hashBits, signed, minDf, maxDfRatio, maxFeatures, sublinearTf, l2, titleWeight);
    }

    public FeaturizerConfig withAnalyzer(AnalyzerConfig a) {
        return new FeaturizerConfig(kind, a, maxNgram, hashBits, signed, minDf, maxDfRatio, maxFeatures, sublinearTf, l2, titleWeight);
    }

    public FeaturizerConfig withMaxNgram(int n) {
        return new FeaturizerConfig(kind, analyzer, n, hashBits, signed, minDf, maxDfRatio, maxFeatures, sublinearTf, l2, titleWeight);
    }

    public FeaturizerConfig withHashBits(int bits) {
        return new FeaturizerConfig(kind, analyzer, maxNgram, bits, signed, minDf, maxDfRatio, maxFeatures, sublinearTf, l2, titleWeight);
    }

    public FeaturizerConfig withMinDf(int df) {
        return new FeaturizerConfig(kind, analyzer, maxNgram, hashBits, signed, df, maxDfRatio, maxFeatures, sublinearTf, l2, titleWeight);
    }

    public FeaturizerConfig withMaxFeatures(int max) {
        return new FeaturizerConfig(kind, analyzer, maxNgram, hashBits, signed, minDf, maxDfRatio, max, sublinearTf, l2, titleWeight);
    }

    public FeaturizerConfig withTitleWeight(float w) {
        return new FeaturizerConfig(kind, analyzer, maxNgram, hashBits, signed, minDf, maxDfRatio, maxFeatures, sublinearTf, l2, w);
    }

    public FeaturizerConfig withSublinearTf(boolean on) {
        return new FeaturizerConfig(kind, analyzer, maxNgram, hashBits, signed, minDf, maxDfRatio, maxFeatures, on, l2, titleWeight);
    }
}
