package newstopic.io;

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

    private Json() {
    }
}
