package newstopic.serve;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The server's JSON reading and writing, on one shared mapper. Thread-safe. */
final class Json {

    static final ObjectMapper MAPPER = newstopic.io.Json.COMPACT;

    private Json() {
    }

    /** Parses a request body, turning a syntax error into a 400 that says where it is. */
    static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiException.badRequest("malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /** Writes a document with a streaming generator: no tree built for answers. */
    static byte[] write(Consumer<JsonGenerator> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            body.accept(g);
        }
        return out.toByteArray();
    }

    /** A string field of a request object: absent is null, anything but a string a 400 naming the field. */
    static String text(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest(where + "field '" + field + "' must be a string, not " + kind(value));
        }
        return value.stringValue();
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : "a string";
    }
}
