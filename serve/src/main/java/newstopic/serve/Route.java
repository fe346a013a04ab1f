package newstopic.serve;

/**
 * The server's routes, as the metrics name them: a fixed set, so a client probing random paths
 * cannot grow the metrics without bound.
 */
enum Route {
    CLASSIFY("/v1/classify"),
    V2_SERVER("/v2"),
    V2_LIVE("/v2/health/live"),
    V2_READY("/v2/health/ready"),
    V2_MODEL("/v2/models/{name}"),
    V2_MODEL_READY("/v2/models/{name}/ready"),
    V2_INFER("/v2/models/{name}/infer"),
    METRICS("/metrics"),
    RELOAD("/admin/reload"),
    PAGE("/"),
    OTHER("other");

    final String label;

    Route(String label) {
        this.label = label;
    }
}
