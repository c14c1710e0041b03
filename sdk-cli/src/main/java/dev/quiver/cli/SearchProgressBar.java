package dev.quiver.cli;

import dev.quiver.portfolio.search.SearchListener;
import dev.quiver.portfolio.search.SearchResult;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar per portfolio search (me.tongfei:progressbar): evaluations made of those expected, the
 * rate, and the best fitness so far; ASCII, at most 100 characters wide.
 *
 * <p>Thread-safety: thread-safe; a parallel search reports from several threads.
 */
final class SearchProgressBar implements SearchListener {
    private final PrintStream out;
    private ProgressBar bar;

    SearchProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onStart(String algorithm, long expectedEvaluations) {
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "%-22s", algorithm))
                .setInitialMax(Math.max(1, expectedEvaluations)).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200).setConsumer(new ConsoleProgressBarConsumer(out, 100)).build();
    }

    @Override
    public synchronized void onProgress(String algorithm, long evaluations, double best) {
        if (bar != null) {
            if (evaluations > bar.getMax()) {
                bar.maxHint(evaluations);
            }
            bar.stepTo(evaluations);
            bar.setExtraMessage(Double.isFinite(best) ? String.format(Locale.ROOT, "best %.4g", best) : "");
        }
    }

    @Override
    public synchronized void onFinish(String algorithm, SearchResult result) {
        if (bar != null) {
            bar.maxHint(Math.max(bar.getMax(), result.evaluations()));
            bar.stepTo(result.evaluations());
            bar.close();
            bar = null;
        }
    }
}
