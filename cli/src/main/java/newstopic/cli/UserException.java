package newstopic.cli;

/** A problem with what the user asked for or gave; printed as one line, exit code 2. */
final class UserException extends RuntimeException {
    UserException(String message) {
        super(message);
    }
}
