package newstopic.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newstopic} command line. Exit codes: 0 success, 1 a failed evaluation gate, 2 bad
 * usage or bad input, 3 an unexpected internal error or out of memory, 4 output that could not be
 * written. {@link #run} builds a fresh
 * command tree on each call, so concurrent calls share no state: it is thread-safe.
 */
@Command(name = "newstopic", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Tags English news articles with topics (conflict, migration, diplomacy).",
        footer = {"", "Also: spark-predict, batch scoring on Apache Spark (embedded or on a cluster).",
                "The ./newstopic launcher runs it with Spark on the class path: ./newstopic spark-predict --help"},
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, InspectCommand.class, ServeCommand.class,
                ArticlesCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an unexpected internal error, or running out of memory. */
    public static final int INTERNAL = 3;
    /** Exit code for output that could not be written (closed pipe, full disk). */
    public static final int OUTPUT_FAILED = 4;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The command as the user typed it, for provenance: {@code newstopic train --cv 3 data}. */
    static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        // the parse result's arguments are the whole command line's, subcommand name included
        List<String> words = new ArrayList<>(List.of("newstopic"));
        words.addAll(spec.commandLine().getParseResult().originalArgs());
        return String.join(" ", words);
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Errors());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("newstopic: out of memory; give Java more with NEWSTOPIC_JAVA_OPTS=-Xmx4g (or more), or read fewer inputs at once");
            return INTERNAL;
        }
        if (code == 0 && out.checkError()) { // a PrintWriter drops failed writes: ask it
            err.println("newstopic: cannot write to standard output (closed pipe or full disk?)");
            return OUTPUT_FAILED;
        }
        return code;
    }

    /** The one version source, {@link newstopic.Version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"newstopic " + newstopic.Version.get()};
        }
    }
}
