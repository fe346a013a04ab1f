package newstopic.train;

/**
 * Hears how training goes: steps with their size, progress within a step, and notes worth
 * showing a person. Every method does nothing by default. {@link #advanced} is called from worker
 * threads, so implementations must be thread-safe.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** A step begins; {@code total} units of work, or 0 when unknown. */
    default void stepStarted(String step, long total) {
    }

    /** {@code units} more units of the current step are done. */
    default void advanced(long units) {
    }

    /** The current step is over. */
    default void stepFinished() {
    }

    /** Something a person may want to know, such as near-duplicates found or a candidate's score. */
    default void note(String message) {
    }
}
