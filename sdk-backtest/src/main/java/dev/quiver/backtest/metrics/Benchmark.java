package dev.quiver.backtest.metrics;

import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.internal.BarColumns;
import java.util.Objects;

/**
 * A benchmark for a backtest: the buy-and-hold of the universe (the initial cash split equally across the panel's
 * symbols, each share bought at its symbol's first close and held) or of one symbol, valued at the equity curve's
 * timestamps; and the metrics that compare a run with it.
 *
 * <h2>Definitions</h2>
 * The benchmark's value at a timestamp is the sum over its symbols of {@code share / firstClose * lastClose}, where
 * {@code share = initialCash / symbols}, {@code firstClose} is the symbol's first close (a share whose symbol has no
 * close yet is held as cash) and {@code lastClose} its latest close at or before the timestamp; missing closes are
 * skipped. With per-bar returns {@code r[i] = E[i] / E[i-1] - 1} and {@code b[i] = B[i] / B[i-1] - 1} (both with
 * {@code E[-1] = B[-1] = initialCash}):
 * <ul>
 *   <li>{@code benchmark_return = B[n-1] / initialCash - 1};
 *       {@code excess_return = total_return - benchmark_return};</li>
 *   <li>{@code beta = cov(r, b) / var(b)} (sample moments, n - 1);</li>
 *   <li>{@code information_ratio = mean(r - b) / sd(r - b) * sqrt(periodsPerYear)} (sample sd).</li>
 * </ul>
 * Undefined values (fewer than two points, a constant benchmark) are {@code NaN}.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class Benchmark {
    private Benchmark() {
    }

    /**
     * The buy-and-hold value of the universe ({@code symbol == null}) or of one symbol at each of {@code times}
     * (ascending).
     *
     * @throws IllegalArgumentException if the symbol is not in the panel or the panel has no close column
     */
    public static double[] buyAndHold(Panel bars, String symbol, long[] times, double initialCash) {
        Objects.requireNonNull(bars, "bars");
        double[] close = BarColumns.of(bars).prices("benchmark", "close")[0];
        long[] rowTime = BarColumns.of(bars).time;
        int from = 0;
        int to = bars.symbolCount();
        if (symbol != null) {
            from = -1;
            for (int s = 0; s < bars.symbolCount(); s++) {
                if (bars.symbol(s).equals(symbol)) {
                    from = s;
                }
            }
            if (from < 0) {
                throw new IllegalArgumentException("benchmark symbol '" + symbol + "' is not in the data");
            }
            to = from + 1;
        }
        int n = times.length;
        double[] value = new double[n];
        double share = initialCash / (to - from);
        for (int s = from; s < to; s++) {
            int r = bars.seriesStart(s);
            int end = bars.seriesEnd(s);
            double first = Double.NaN;
            double last = Double.NaN;
            for (int i = 0; i < n; i++) {
                while (r < end && rowTime[r] <= times[i]) {
                    double c = close[r++];
                    if (c == c && c > 0) {
                        if (first != first) {
                            first = c;
                        }
                        last = c;
                    }
                }
                value[i] += first != first ? share : share / first * last;
            }
        }
        return value;
    }

    /** These metrics with the benchmark metrics of {@code equity} against {@code benchmark} (see the class comment). */
    public static Metrics compare(Metrics metrics, EquityCurve equity, double[] benchmark, double initialCash,
                                  double periodsPerYear) {
        int n = equity.size();
        if (benchmark.length != n) {
            throw new IllegalArgumentException("benchmark has " + benchmark.length + " points, the equity curve " + n);
        }
        double[] r = new double[n];
        double[] b = new double[n];
        double pe = initialCash;
        double pb = initialCash;
        for (int i = 0; i < n; i++) {
            r[i] = equity.equity(i) / pe - 1;
            b[i] = benchmark[i] / pb - 1;
            pe = equity.equity(i);
            pb = benchmark[i];
        }
        double benchmarkReturn = n == 0 ? Double.NaN : benchmark[n - 1] / initialCash - 1;
        double beta = Double.NaN;
        double ir = Double.NaN;
        if (n >= 2) {
            double mr = 0;
            double mb = 0;
            double ma = 0;
            for (int i = 0; i < n; i++) {
                mr += r[i];
                mb += b[i];
                ma += r[i] - b[i];
            }
            mr /= n;
            mb /= n;
            ma /= n;
            double cov = 0;
            double varB = 0;
            double varA = 0;
            for (int i = 0; i < n; i++) {
                cov += (r[i] - mr) * (b[i] - mb);
                varB += (b[i] - mb) * (b[i] - mb);
                double a = r[i] - b[i] - ma;
                varA += a * a;
            }
            beta = varB == 0 ? Double.NaN : cov / varB;
            ir = varA == 0 ? Double.NaN : ma / Math.sqrt(varA / (n - 1)) * Math.sqrt(periodsPerYear);
        }
        return metrics.toBuilder().benchmarkReturn(benchmarkReturn)
                .excessReturn(metrics.totalReturn() - benchmarkReturn).beta(beta).informationRatio(ir).build();
    }
}
