package newstopic.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.util.List;

import newstopic.article.Article;

/** Hashing featurizers learn nothing: their settings are all there is. Stateless and thread-safe. */
final class HashingCodec implements FeaturizerCodec {

    static final HashingCodec INSTANCE = new HashingCodec();

    private HashingCodec() {
    }

    @Override
    public Featurizer fit(FeaturizerConfig config, List<Article> articles) {
        return new HashingFeaturizer(config);
    }

    @Override
    public boolean learnsFromData() {
        return false;
    }

    @Override
    public void writeData(Featurizer featurizer, DataOutput out) {
        // nothing was learned
    }

    @Override
    public Featurizer read(FeaturizerConfig config, DataInput in, long remaining) {
        return new HashingFeaturizer(config);
    }
}
