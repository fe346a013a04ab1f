package newstopic.io;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * newstopic's JSON mappers, configured once: compact for data and wire formats, indented for files
 * people read. Jackson mappers are thread-safe once built, and so is this class.
 */
public final class Json {

    /** Compact output: JSON Lines, HTTP answers, the featurizer settings. */
    public static final ObjectMapper COMPACT = JsonMapper.builder().build();

    /** Indented output: model headers and reports. */
    public static final ObjectMapper INDENTED = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * For files that may be hostile (model headers): a JSON null is no number. Fields that must be
     * present are checked by the reader itself, so that fields added later may be absent in older files.
     */
    public static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {
    }
}
