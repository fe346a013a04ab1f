package newstopic.model;

import java.util.List;
import java.util.Map;

/**
 * How a model was made: from which inputs (with checksums), when, by which tool on which Java,
 * with which command and seed. Immutable and thread-safe.
 */
public record Provenance(String createdAt, String toolVersion, String javaVersion, String command, long seed,
                         List<InputFile> inputs, int articles, Map<String, Integer> labelCounts) {

    public Provenance {
        inputs = List.copyOf(inputs);
        // in the model's label order, as written: Map.copyOf would print it in a different order each run
        labelCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labelCounts));
    }

    /** One input file: its path, SHA-256 and how many articles it gave. */
    public record InputFile(String path, String sha256, int articles) {
    }
}
