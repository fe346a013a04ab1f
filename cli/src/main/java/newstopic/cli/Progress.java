package newstopic.cli;

import java.io.PrintWriter;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import newstopic.train.TrainingListener;

/**
 * Shows training as it goes: progress bars for long steps, on standard error and only when it is
 * a terminal, and notes on the log; silent with {@code --quiet}. One step at a time;
 * {@link #advanced} may be called from any thread.
 */
final class Progress implements TrainingListener {

    private final boolean enabled;
    private final PrintWriter log;
    private ProgressBar bar;

    Progress(boolean quiet, PrintWriter log) {
        this.enabled = !quiet && System.console() != null && System.console().isTerminal();
        this.log = log;
    }

    @Override
    public synchronized void stepStarted(String task, long total) {
        stepFinished();
        if (enabled) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        }
    }

    @Override
    public void advanced(long units) {
        ProgressBar b = bar;
        if (b != null) {
            b.stepBy(units);
        }
    }

    @Override
    public synchronized void note(String message) {
        log.println("note: " + message);
    }

    @Override
    public synchronized void stepFinished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
