package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.StrategyContext;
import java.util.Arrays;

/**
 * {@link PositionSizer#volatilityTarget}: a ring of recent close-to-close returns per symbol.
 *
 * <p>Thread-safety: not thread-safe; one per run.
 */
final class VolatilityTargetSizer implements PositionSizer {
    private final double target;
    private final int lookback;
    private final double periodsPerYear;
    private final double maxLeverage;
    private double[][] returns = new double[0][];
    private double[] lastClose = new double[0];
    private long[] seen = new long[0];

    VolatilityTargetSizer(double target, int lookback, double periodsPerYear, double maxLeverage) {
        if (!(target > 0) || Double.isInfinite(target) || lookback < 2 || !(periodsPerYear > 0)
                || !(maxLeverage > 0)) {
            throw new IllegalArgumentException("volatility target " + target + ", lookback " + lookback
                    + " (>= 2), periods/year " + periodsPerYear + ", max leverage " + maxLeverage
                    + ": each must be positive");
        }
        this.target = target;
        this.lookback = lookback;
        this.periodsPerYear = periodsPerYear;
        this.maxLeverage = maxLeverage;
    }

    @Override
    public void observe(Bar bar) {
        int s = bar.symbolIndex();
        grow(s);
        double close = bar.close();
        if (!Double.isFinite(close)) {
            return;
        }
        double previous = lastClose[s];
        if (Double.isFinite(previous)) {
            returns[s][(int) (seen[s] % lookback)] = close / previous - 1;
            seen[s]++;
        }
        lastClose[s] = close;
    }

    @Override
    public double quantity(Bar bar, StrategyContext context) {
        int s = bar.symbolIndex();
        if (s >= seen.length || seen[s] < lookback) {
            return 0;
        }
        double[] r = returns[s];
        double mean = 0;
        for (double x : r) {
            mean += x;
        }
        mean /= lookback;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double realised = Math.sqrt(ss / (lookback - 1)) * Math.sqrt(periodsPerYear);
        double leverage = realised > 0 ? Math.min(target / realised, maxLeverage) : maxLeverage;
        return context.equity() * leverage / bar.close();
    }

    private void grow(int s) {
        if (s < seen.length) {
            return;
        }
        int n = Math.max(s + 1, seen.length * 2);
        int old = seen.length;
        returns = Arrays.copyOf(returns, n);
        for (int i = old; i < n; i++) {
            returns[i] = new double[lookback];
        }
        lastClose = Arrays.copyOf(lastClose, n);
        Arrays.fill(lastClose, old, n, Double.NaN);
        seen = Arrays.copyOf(seen, n);
    }
}
