package newstopic.features;

import newstopic.article.Article;

/**
 * Turns an article's headline and text into a {@link SparseVector}. Implementations are
 * immutable and thread-safe; the per-thread scratch state lives in a {@link Workspace}.
 */
public interface Featurizer {

    /** The settings this featurizer was made (or fitted) with. */
    FeaturizerConfig config();

    /** Number of feature indices: every index is in {@code [0, dimension())}. */
    int dimension();

    /** Scratch state for one thread. */
    default Workspace newWorkspace() {
        return new Workspace(config());
    }

    /** Writes the vector of a headline and a body into {@code out}. */
    void featurize(CharSequence title, CharSequence body, Workspace workspace, SparseVector out);

    /** Writes the vector of an article (headline; captions and body as text) into {@code out}. */
    default void featurize(Article article, Workspace workspace, SparseVector out) {
        featurize(article.title(), article.text(), workspace, out);
    }

    /**
     * Writes the vector of each {@link newstopic.text.Sentences sentence} of {@code text}, scored
     * alone without a headline, into {@code out} in turn, calling {@code each} after each one: how
     * the sentence rule sees a text, in training and in prediction alike.
     */
    default void featurizeSentences(String text, Workspace workspace, SparseVector out, Runnable each) {
        newstopic.text.Sentences.forEach(text, (from, to) -> {
            featurize("", text.substring(from, to), workspace, out);
            each.run();
        });
    }

    /**
     * Calls {@code visitor} for each n-gram occurrence of the text that has a feature, with its
     * index and words: how explanations name features in words, whatever the featurizer.
     */
    void forEachNgram(CharSequence title, CharSequence body, Workspace workspace, NgramVisitor visitor);

    /** Receives n-grams with their feature index. */
    @FunctionalInterface
    interface NgramVisitor {
        /**
         * {@code sign} is -1 where signed hashing flipped the n-gram's contribution, else 1;
         * {@code start} and {@code end} delimit the n-gram in the headline's or the body's text as
         * the analyzer normalized it.
         */
        void visit(int featureIndex, int sign, String ngram, boolean inTitle, int start, int end);
    }
}
