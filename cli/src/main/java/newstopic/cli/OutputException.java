package newstopic.cli;

/** Output could not be written (closed pipe, full disk); printed as one line, exit code 4. */
final class OutputException extends RuntimeException {
    OutputException(String message) {
        super(message);
    }
}
