package newstopic.train.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learner's settings as a map in the order given: model headers and {@code inspect} then print
 * them the same way every run ({@code Map.of} iterates in an order that changes between JVMs).
 * Stateless and thread-safe.
 */
final class Hyperparameters {

    private Hyperparameters() {
    }

    /** An unmodifiable map of the alternating names and values. */
    static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
