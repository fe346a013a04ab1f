package newstopic.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.io.Content;

/**
 * One HTTP request as the handlers see it: method, path, query and a body read under the size
 * cap and decoded as strict UTF-8. Not thread-safe; one per exchange.
 */
final class Request {

    /** The header a script sends to call {@code /admin/reload} without a JSON body (browsers cannot send it cross-site without CORS). */
    static final String RELOAD_HEADER = "X-Newstopic-Reload";

    /** Most bytes of an oversized body read only to be dropped. */
    private static final long DISCARD_LIMIT = 64L << 20;

    private final org.eclipse.jetty.server.Request exchange;
    private final int maxBodyBytes;
    private final Runnable onBodyRead;
    private Map<String, String> query;

    /** {@code onBodyRead} runs once the body has been read whole (the body timeout then stops). */
    Request(org.eclipse.jetty.server.Request exchange, int maxBodyBytes, Runnable onBodyRead) {
        this.exchange = exchange;
        this.maxBodyBytes = maxBodyBytes;
        this.onBodyRead = onBodyRead;
    }

    String method() {
        return exchange.getMethod();
    }

    String path() {
        String path = exchange.getHttpURI().getDecodedPath();
        return path == null ? "/" : path;
    }

    /** A request header's first value, or null. */
    String header(String name) {
        return exchange.getHeaders().get(name);
    }

    boolean fromLoopback() {
        return exchange.getConnectionMetaData().getRemoteSocketAddress() instanceof java.net.InetSocketAddress a
                && a.getAddress() != null && a.getAddress().isLoopbackAddress();
    }

    /** The query, parsed on first use: a bad % escape is a 400. */
    private Map<String, String> query() {
        if (query == null) {
            try {
                query = parseQuery(exchange.getHttpURI().getQuery());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("the query string is malformed: " + e.getMessage());
            }
        }
        return query;
    }

    /** A query parameter as a whole number in {@code [0, max]}, or {@code otherwise} when absent. */
    int intParam(String name, int otherwise, int max) {
        String value = query().get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be a whole number from 0 to " + max + ", not '" + value + "'");
    }

    /** A query flag: present without a value, or true/false. */
    boolean flag(String name) {
        String value = query().get(name);
        if (value == null || value.equals("false") || value.equals("0")) {
            return false;
        }
        if (value.isEmpty() || value.equals("true") || value.equals("1")) {
            return true;
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be true or false, not '" + value + "'");
    }

    /** The body of a JSON request: its content type checked, its size capped, its bytes strict UTF-8. */
    String jsonBody() throws IOException {
        String type = header("Content-Type");
        if (type == null) {
            throw ApiException.badRequest("missing Content-Type: send the body as application/json");
        }
        String[] parts = type.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw ApiException.badRequest("Content-Type is '" + type.trim() + "': send the body as application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                throw ApiException.badRequest("Content-Type names " + parts[i].trim() + ": only UTF-8 is accepted");
            }
        }
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw ApiException.badRequest("the request body is empty: send a JSON object");
        }
        return utf8(bytes);
    }

    /** The raw body, refused with 413 once it passes the cap (announced or actual). */
    byte[] body() throws IOException {
        String declared = header("Content-Length");
        try (InputStream in = Content.Source.asInputStream(exchange)) {
            if (declared != null) {
                long length;
                try {
                    length = Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("Content-Length '" + declared + "' is not a number");
                }
                if (length > maxBodyBytes) {
                    discard(in);
                    throw tooLarge(Long.toString(length));
                }
            }
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                discard(in);
                throw tooLarge("more than " + maxBodyBytes);
            }
            onBodyRead.run();
            return bytes;
        }
    }

    /**
     * Reads and drops the body of a request refused before reading it (such as a 503), so that a
     * client still sending gets the answer instead of a reset connection. Memory stays flat: the
     * body goes through one small buffer.
     */
    void discardBody() {
        try (InputStream in = Content.Source.asInputStream(exchange)) {
            discard(in);
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing to answer
        }
    }

    /**
     * Reads and drops the rest of an oversized body (up to a bound), so the client, still sending,
     * gets the 413 instead of a reset connection.
     */
    private static void discard(InputStream in) throws IOException {
        long left = DISCARD_LIMIT;
        byte[] sink = new byte[64 * 1024];
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    private ApiException tooLarge(String size) {
        return ApiException.tooLarge("the request body is " + size + " bytes, over the limit of " + maxBodyBytes
                + " (the server's --max-body-bytes)");
    }

    private static String utf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw ApiException.badRequest("the request body is not valid UTF-8: bad byte at offset " + in.position());
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the request body is not valid UTF-8 near offset " + in.position());
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }
}
