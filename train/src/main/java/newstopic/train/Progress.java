package newstopic.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long steps, on standard error and only when it is a terminal; silent with
 * {@code --quiet} or when output goes to a file or pipe. One step at a time; {@link #advance} may
 * be called from any thread.
 */
final class Progress {

    private final boolean enabled;
    private ProgressBar bar;

    Progress(boolean quiet) {
        this.enabled = !quiet && System.console() != null && System.console().isTerminal();
    }

    static Progress silent() {
        return new Progress(true);
    }

    /** Starts a step of {@code total} units (0 when unknown). */
    synchronized void start(String task, long total) {
        done();
        if (enabled) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        }
    }

    void advance(long units) {
        ProgressBar b = bar;
        if (b != null) {
            b.stepBy(units);
        }
    }

    synchronized void done() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
