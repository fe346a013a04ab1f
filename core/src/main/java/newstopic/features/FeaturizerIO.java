package newstopic.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import newstopic.io.Json;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a featurizer's settings (as JSON) and fitted data (as binary), and reads them back into
 * a featurizer that gives exactly the same vectors. Stateless and thread-safe.
 */
public final class FeaturizerIO {

    private static final ObjectMapper JSON = Json.COMPACT;

    private FeaturizerIO() {
    }

    /** The settings as a JSON object. */
    public static String configToJson(FeaturizerConfig config) {
        return JSON.writeValueAsString(config);
    }

    public static FeaturizerConfig configFromJson(String json) {
        return JSON.readValue(json, FeaturizerConfig.class);
    }

    /** Writes what fitting learned, as the featurizer's kind does it ({@link FeaturizerCodec}). */
    public static void writeData(Featurizer featurizer, DataOutput out) throws IOException {
        FeaturizerCodec.of(featurizer.config().kind()).writeData(featurizer, out);
    }

    /** Rebuilds the featurizer of {@code config} from what {@link #writeData} wrote. */
    public static Featurizer read(FeaturizerConfig config, DataInput in) throws IOException {
        return read(config, in, Long.MAX_VALUE);
    }

    /**
     * As {@link #read(FeaturizerConfig, DataInput)}, from an input known to hold at most
     * {@code remaining} bytes: every count is checked against them before anything is allocated,
     * so a crafted file fails with an {@link IOException} naming what is wrong instead of
     * exhausting memory.
     */
    public static Featurizer read(FeaturizerConfig config, DataInput in, long remaining) throws IOException {
        return FeaturizerCodec.of(config.kind()).read(config, in, remaining);
    }
}
