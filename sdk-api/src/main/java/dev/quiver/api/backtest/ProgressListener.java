package dev.quiver.api.backtest;

/**
 * Hears about a sweep's progress (a console progress bar, a UI, a log).
 *
 * <p>Thread-safety: implementations must be thread-safe; {@link #onRunFinished} is called from worker threads.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** The sweep is starting {@code total} runs. */
    default void onStart(int total) {
    }

    /** One run ended; {@code done} runs of {@code total} have ended so far. */
    default void onRunFinished(RunOutcome outcome, int done, int total) {
    }

    /** Every run has ended. */
    default void onFinish() {
    }
}
