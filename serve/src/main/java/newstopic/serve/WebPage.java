package newstopic.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The try-it page at {@code /}: a few static files from the jar, read once at start. Immutable
 * and thread-safe.
 */
final class WebPage {

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/style.css", "style.css");

    private final Map<String, Response> responses;

    WebPage() {
        var all = new java.util.HashMap<String, Response>();
        for (var e : FILES.entrySet()) {
            all.put(e.getKey(), new Response(200, type(e.getValue()), read(e.getValue()), Map.of("Cache-Control", "no-cache")));
        }
        responses = Map.copyOf(all);
    }

    /** The file at {@code path}, or null when the page has none. */
    Response get(String path) {
        return responses.get(path);
    }

    private static String type(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
    }

    private static byte[] read(String file) {
        try (InputStream in = WebPage.class.getResourceAsStream("web/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the page file web/" + file + " is missing from the serve jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
