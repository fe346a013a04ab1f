package newstopic.train;

/**
 * The articles cannot train a model: no labels, an unknown label, a label with no positive example,
 * too few articles for the folds, identical texts with different labels. The message says which
 * article (file and line) when one is to blame. Immutable and thread-safe.
 */
public final class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }
}
