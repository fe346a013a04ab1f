package newstopic.serve;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and latency histograms for {@code /metrics}, in the Prometheus text format. Recording
 * is lock-free (striped adders), so many request threads add at once without contention.
 * Thread-safe.
 */
final class ServerMetrics {

    /** Upper bounds in seconds: fine below 10 ms, where a healthy server answers. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

    private final Route[] routes = Route.values();
    private final LongAdder[][] buckets = new LongAdder[routes.length][BUCKETS.length + 1];
    private final LongAdder[] nanos = new LongAdder[routes.length];
    /** Keyed by route ordinal * 1000 + status. */
    private final ConcurrentHashMap<Integer, LongAdder> requests = new ConcurrentHashMap<>();
    final LongAdder articlesClassified = new LongAdder();
    /** Requests refused with 503 because the memory budget was spent. */
    final LongAdder rejectedBusy = new LongAdder();

    ServerMetrics() {
        for (int r = 0; r < routes.length; r++) {
            nanos[r] = new LongAdder();
            for (int b = 0; b <= BUCKETS.length; b++) {
                buckets[r][b] = new LongAdder();
            }
        }
    }

    void record(Route route, int status, long elapsedNanos) {
        requests.computeIfAbsent(route.ordinal() * 1000 + status, k -> new LongAdder()).increment();
        double seconds = elapsedNanos / 1e9;
        int b = 0;
        while (b < BUCKETS.length && seconds > BUCKETS[b]) {
            b++;
        }
        buckets[route.ordinal()][b].increment();
        nanos[route.ordinal()].add(elapsedNanos);
    }

    /** The text exposition of every metric, with the model now serving. */
    String render(ServedModel model, ModelSlot slot) {
        StringBuilder out = new StringBuilder(4096);
        header(out, "newstopic_http_requests_total", "counter", "HTTP requests by route and status.");
        requests.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            Route route = routes[e.getKey() / 1000];
            out.append("newstopic_http_requests_total{route=\"").append(route.label).append("\",status=\"")
                    .append(e.getKey() % 1000).append("\"} ").append(e.getValue().sum()).append('\n');
        });
        header(out, "newstopic_http_request_duration_seconds", "histogram",
                "Time from receiving a request to having its answer ready to send, by route.");
        for (Route route : routes) {
            int r = route.ordinal();
            long count = 0;
            for (int b = 0; b <= BUCKETS.length; b++) {
                count += buckets[r][b].sum();
            }
            if (count == 0) {
                continue;
            }
            long cumulative = 0;
            for (int b = 0; b <= BUCKETS.length; b++) {
                cumulative += buckets[r][b].sum();
                String le = b < BUCKETS.length ? number(BUCKETS[b]) : "+Inf";
                out.append("newstopic_http_request_duration_seconds_bucket{route=\"").append(route.label)
                        .append("\",le=\"").append(le).append("\"} ").append(cumulative).append('\n');
            }
            out.append("newstopic_http_request_duration_seconds_sum{route=\"").append(route.label).append("\"} ")
                    .append(number(nanos[r].sum() / 1e9)).append('\n');
            out.append("newstopic_http_request_duration_seconds_count{route=\"").append(route.label).append("\"} ")
                    .append(cumulative).append('\n');
        }
        header(out, "newstopic_articles_classified_total", "counter", "Articles classified, over every route.");
        out.append("newstopic_articles_classified_total ").append(articlesClassified.sum()).append('\n');
        header(out, "newstopic_model_info", "gauge", "The model serving now: always 1, its name and version as labels.");
        out.append("newstopic_model_info{name=\"").append(escape(model.name())).append("\",version=\"")
                .append(model.version()).append("\",labels=\"").append(escape(String.join(",", model.classifier().labels())))
                .append("\"} 1\n");
        header(out, "newstopic_model_loaded_timestamp_seconds", "gauge", "When the serving model was loaded.");
        out.append("newstopic_model_loaded_timestamp_seconds ")
                .append(number(model.loadedAt().toEpochMilli() / 1000.0)).append('\n');
        header(out, "newstopic_model_reloads_total", "counter", "Model reloads by result; a failed one leaves the old model serving.");
        out.append("newstopic_model_reloads_total{result=\"success\"} ").append(slot.reloadsSucceeded.sum()).append('\n');
        out.append("newstopic_model_reloads_total{result=\"failure\"} ").append(slot.reloadsFailed.sum()).append('\n');
        header(out, "newstopic_http_rejected_busy_total", "counter", "Requests refused with 503 because requests in flight held the memory budget.");
        out.append("newstopic_http_rejected_busy_total ").append(rejectedBusy.sum()).append('\n');
        return out.toString();
    }

    /** The connection metrics: open connections and those closed for slowness. */
    static String renderConnections(int open, long headTimeouts, long bodyTimeouts, long claimedBytes) {
        StringBuilder out = new StringBuilder(512);
        header(out, "newstopic_memory_budget_claimed_bytes", "gauge", "Bytes of the memory budget claimed by requests in flight.");
        out.append("newstopic_memory_budget_claimed_bytes ").append(claimedBytes).append('\n');
        header(out, "newstopic_http_connections_open", "gauge", "Open client connections.");
        out.append("newstopic_http_connections_open ").append(open).append('\n');
        header(out, "newstopic_http_connections_closed_slow_total", "counter", "Connections closed because the client was too slow.");
        out.append("newstopic_http_connections_closed_slow_total{reason=\"head_timeout\"} ").append(headTimeouts).append('\n');
        out.append("newstopic_http_connections_closed_slow_total{reason=\"body_timeout\"} ").append(bodyTimeouts).append('\n');
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String number(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
