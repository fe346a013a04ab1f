package newstopic.serve;

import java.util.Map;

/**
 * One answer: status, content type, body and extra headers. Immutable and thread-safe (the body
 * array is never changed after construction).
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    static Response json(int status, byte[] body) {
        return new Response(status, JSON, body, Map.of());
    }

    static Response error(int status, String message) {
        return json(status, Json.write(g -> {
            g.writeStartObject();
            g.writeStringProperty("error", message);
            g.writeEndObject();
        }));
    }

    Response withHeader(String name, String value) {
        var all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(all));
    }
}
