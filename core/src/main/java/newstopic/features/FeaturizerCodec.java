package newstopic.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

import newstopic.article.Article;

/**
 * One kind of featurizer: how it is fitted, whether fitting learns from the articles, and how its
 * fitted data is written into a model file and read back. A new kind is a
 * {@link FeaturizerConfig.Kind} constant, a codec and its line in {@link #of}; training, the model
 * file and prediction need no other change. Implementations are stateless and thread-safe.
 */
public interface FeaturizerCodec {

    /** The codec of a kind. */
    static FeaturizerCodec of(FeaturizerConfig.Kind kind) {
        return switch (kind) {
            case HASHING -> HashingCodec.INSTANCE;
            case TFIDF -> TfIdfCodec.INSTANCE;
        };
    }

    /** A featurizer fitted on {@code articles} (a kind that learns nothing ignores them). */
    Featurizer fit(FeaturizerConfig config, List<Article> articles);

    /** Whether {@link #fit} depends on the articles; when not, one featurizer serves every fold. */
    boolean learnsFromData();

    /** Writes what fitting learned. */
    void writeData(Featurizer featurizer, DataOutput out) throws IOException;

    /** Reads what {@link #writeData} wrote, from an input holding at most {@code remaining} bytes. */
    Featurizer read(FeaturizerConfig config, DataInput in, long remaining) throws IOException;
}
