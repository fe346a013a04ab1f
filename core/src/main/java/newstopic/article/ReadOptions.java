package newstopic.article;

import java.util.Set;

/**
 * How strictly to read labeled input. Immutable and thread-safe.
 *
 * @param lenient      skip bad records and report them, instead of failing on the first
 * @param knownLabels  the label vocabulary; a label outside it is an error. {@code null} accepts
 *                     any label that is a single lower-case word
 */
public record ReadOptions(boolean lenient, Set<String> knownLabels) {

    public static final ReadOptions STRICT = new ReadOptions(false, null);

    public ReadOptions {
        knownLabels = knownLabels == null ? null : Set.copyOf(knownLabels);
    }
}
