package dev.quiver.backtest.sweep;

import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar for sweeps (me.tongfei:progressbar): runs done of the total, the rate, the time left, and
 * how many runs failed so far. It draws in ASCII on the stream given, at most 100 characters wide, without probing
 * the terminal.
 *
 * <p>Thread-safety: thread-safe, as {@link ProgressListener} requires; runs finish on worker threads.
 */
public final class ConsoleProgress implements ProgressListener {
    private final String task;
    private final PrintStream out;
    private final AtomicInteger failed = new AtomicInteger();
    private volatile ProgressBar bar;

    /** A progress bar named {@code task}, drawn on {@code out}. */
    public ConsoleProgress(String task, PrintStream out) {
        this.task = Objects.requireNonNull(task, "task");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public synchronized void onStart(int total) {
        failed.set(0);
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(out, 100)).showSpeed()
                .build();
    }

    @Override
    public void onRunFinished(RunOutcome outcome, int done, int total) {
        ProgressBar b = bar;
        if (b == null) {
            return;
        }
        if (outcome instanceof RunOutcome.Failed) {
            b.setExtraMessage(failed.incrementAndGet() + " failed");
        }
        synchronized (this) {
            if (done > b.getCurrent()) {
                b.stepTo(done);
            }
        }
    }

    @Override
    public synchronized void onFinish() {
        ProgressBar b = bar;
        if (b != null) {
            b.close();
            bar = null;
        }
    }
}
