package newstopic.serve;

/**
 * A request the server refuses, with the HTTP status and the sentence sent back as
 * {@code {"error": "..."}}. Immutable and thread-safe.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String allow;

    ApiException(int status, String message) {
        this(status, message, null);
    }

    private ApiException(int status, String message, String allow) {
        super(message, null, false, false); // an answer to the client, not a fault: no stack trace
        this.status = status;
        this.allow = allow;
    }

    /** The methods a 405 names in its Allow header, else null. */
    String allow() {
        return allow;
    }

    static ApiException methodNotAllowed(String message, String allow) {
        return new ApiException(405, message, allow);
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException tooLarge(String message) {
        return new ApiException(413, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
