package newstopic.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import newstopic.article.ArticleFormatException;
import newstopic.train.TrainingException;
import picocli.CommandLine;

/**
 * Turns failures into one-line messages and exit codes: input problems (bad rows, missing files)
 * exit with 2, anything unexpected with 3 and its stack trace. Stateless and thread-safe.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof OutputException out) {
            cli.getErr().println("newstopic: " + out.getMessage());
            return Main.OUTPUT_FAILED;
        }
        if (t.getCause() instanceof OutOfMemoryError) {
            throw (OutOfMemoryError) t.getCause();
        }
        String message = userMessage(t);
        if (message != null) {
            cli.getErr().println("newstopic: " + message);
            return Main.BAD_INPUT;
        }
        cli.getErr().println("newstopic: internal error: " + t);
        t.printStackTrace(cli.getErr());
        return Main.INTERNAL;
    }

    /** The message for a failure caused by the input, or null for a bug. */
    static String userMessage(Throwable t) {
        return switch (t) {
            case ArticleFormatException a -> a.getMessage();
            case UserException u -> u.getMessage();
            case TrainingException tr -> tr.getMessage();
            case NoSuchFileException n -> n.getFile() + ": no such file or folder";
            case AccessDeniedException a -> a.getFile() + ": permission denied";
            case IOException io -> io.getMessage();
            default -> null;
        };
    }
}
