package newstopic.features;

import newstopic.text.Analyzer;

/**
 * One thread's scratch state for featurizing: the analysis chain, the window of recent words for
 * n-grams and the per-document accumulator, all reused from document to document. Not
 * thread-safe.
 */
public final class Workspace {

    final Analyzer.Pipeline pipeline;
    final FeatureAccumulator accumulator = new FeatureAccumulator();
    final WordIdCache wordIds = new WordIdCache();
    /** The last words (hashes or word ids) of the text being scanned. */
    final NgramWindow window;
    /** The word ids of the text being featurized. */
    private int[] ids = new int[256];

    Workspace(FeaturizerConfig config) {
        pipeline = new Analyzer(config.analyzer()).newPipeline();
        window = new NgramWindow(config.maxNgram());
    }

    /** The word id buffer, with room for at least {@code words} ids; its contents are kept when it grows. */
    int[] ids(int words) {
        if (ids.length < words) {
            ids = java.util.Arrays.copyOf(ids, Math.max(words, ids.length * 2));
        }
        return ids;
    }

    /**
     * {@code text} as the analyzer normalizes it before tokenizing: the text the offsets of
     * {@link Featurizer#forEachNgram} refer to. A copy, for display.
     */
    public String normalized(CharSequence text) {
        return pipeline.reset(text).text();
    }
}
