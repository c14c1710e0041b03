package dev.quiver.backtest.internal;

import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.Trade;
import java.util.List;
import java.util.Objects;
import java.util.function.IntToLongFunction;

/**
 * The arithmetic of {@link dev.quiver.backtest.metrics.MetricsCalculator} over an equity array, in three passes
 * instead of some twelve and without copying the curve: the engine, the vectorised path and the public calculator
 * all call it, so they agree bit for bit.
 *
 * <p>Every sum runs in the same order with the same operations as the separate {@code ReturnStatistics} functions
 * (Java never reassociates floating-point arithmetic), so fusing passes changes no result:
 * The deepest drawdown, {@code min(level / peak - 1)} over the running peak, takes one division per peak instead of
 * one per point: while the peak stands still the division by it and the subtraction are monotonic (correctly rounded
 * operations never reverse an order), so the minimum over its points is that of its lowest point, bit for bit.
 * <ol>
 *   <li>pass 1: the returns (kept in a per-thread scratch array), their compensated sum, the downside sum of
 *       squares, whether all returns are equal, the drawdown's peak, depth and longest duration, and the compensated
 *       sum of the levels;</li>
 *   <li>pass 2: the correction terms of both means (they need the first-pass means);</li>
 *   <li>pass 3: the sum of squared deviations from the corrected mean of the returns.</li>
 * </ol>
 *
 * <p>Thread-safety: stateless apart from a per-thread scratch array; safe to call from any number of threads.
 */
public final class EquityMetrics {
    /** Scratch arrays up to this length are kept per thread; longer curves get a fresh one per call. */
    private static final int MAX_CACHED_SCRATCH = 1 << 20;
    private static final ThreadLocal<double[]> RETURNS = ThreadLocal.withInitial(() -> new double[0]);

    private EquityMetrics() {
    }

    /**
     * The metrics of {@code levels[0 .. n-1]}.
     *
     * @param timeOf the time of point {@code i} (for the error message only)
     * @throws IllegalArgumentException if a level or a trade's profit is not finite
     */
    public static Metrics compute(IntToLongFunction timeOf, double[] levels, int n, List<Trade> trades, long barsInMarket,
                                  double tradedValue, double cash, double periods) {
        double[] returns = scratch(n);

        // ---- pass 1 ----
        double previous = cash;
        double rSum = 0;             // Neumaier sum of the returns
        double rComp = 0;
        double lSum = 0;             // Neumaier sum of the levels
        double lComp = 0;
        double downside = 0;         // sum of min(r, 0)^2
        double peak = cash;
        double trough = cash;        // the lowest level since the peak was reached
        double worst = 0;
        int peakPeriod = 0;
        boolean below = false;
        int longest = 0;
        // the first return, computed as the loop computes it, so the loop compares without a branch for i == 0
        double first = n > 0 ? levels[0] / cash - 1 : 0;
        boolean allEqual = n > 0 && Double.isFinite(first);
        for (int i = 0; i < n; i++) {
            double level = levels[i];
            if (!Double.isFinite(level)) {
                throw new IllegalArgumentException("equity curve point " + i + " (time " + timeOf.applyAsLong(i) + ") is "
                        + level + "; equity must be finite");
            }
            double r = level / previous - 1;
            previous = level;
            returns[i] = r;

            double t = rSum + r;
            rComp += Math.abs(rSum) >= Math.abs(r) ? (rSum - t) + r : (r - t) + rSum;
            rSum = t;
            double u = lSum + level;
            lComp += Math.abs(lSum) >= Math.abs(level) ? (lSum - u) + level : (level - u) + lSum;
            lSum = u;

            double loss = Math.min(r, 0);
            downside += loss * loss;

            allEqual &= r == first;

            // maxDrawdownOfLevels and longestDrawdownOfLevels share the running peak (updated when level > peak)
            if (level >= peak) {
                if (below) {
                    longest = Math.max(longest, i + 1 - peakPeriod);
                    below = false;
                }
                peakPeriod = i + 1;
                if (level > peak) {
                    worst = Math.min(worst, trough / peak - 1);
                    peak = level;
                    trough = level;
                }
            } else {
                below = true;
                trough = level < trough ? level : trough;
            }
        }
        worst = Math.min(worst, trough / peak - 1);
        int drawdownBars = below ? Math.max(longest, n - peakPeriod) : longest;

        // ---- pass 2: the means' corrections ----
        double mean = Double.NaN;
        double levelMean = Double.NaN;
        if (n > 0) {
            double mean0 = (rSum + rComp) / n;
            double levelMean0 = (lSum + lComp) / n;
            double rCorrection = 0;
            double lCorrection = 0;
            for (int i = 0; i < n; i++) {
                rCorrection += returns[i] - mean0;
                lCorrection += levels[i] - levelMean0;
            }
            mean = mean0 + rCorrection / n;
            levelMean = levelMean0 + lCorrection / n;
        }

        // ---- pass 3: the sample standard deviation ----
        double sd = Double.NaN;
        if (n >= 2) {
            double squares = 0;
            if (!allEqual) {
                for (int i = 0; i < n; i++) {
                    double d = returns[i] - mean;
                    squares += d * d;
                }
            }
            sd = Math.sqrt(squares / (n - 1));
        }

        double sqrtPeriods = Math.sqrt(periods);
        double growth = n == 0 ? 1 : levels[n - 1] / cash;
        double annualReturn = n == 0 ? Double.NaN : growth <= 0 ? -1 : Math.pow(growth, periods / n) - 1;
        double volatility = sd * sqrtPeriods;
        double annualMean = mean * periods;
        double sharpe = ratio(annualMean, volatility);
        double downsideDeviation = n == 0 ? Double.NaN : Math.sqrt(downside / n);
        double sortino = ratio(annualMean, downsideDeviation * sqrtPeriods);
        double maxDrawdown = -worst;
        double calmar = ratio(annualReturn, maxDrawdown);
        double exposure = n == 0 ? Double.NaN : (double) barsInMarket / n;
        double turnover = n == 0 ? Double.NaN : ratio(tradedValue, levelMean) * periods / n;

        long count = trades.size();
        long wins = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        for (int i = 0; i < count; i++) {
            Trade trade = Objects.requireNonNull(trades.get(i), "trade");
            double profit = trade.profit();
            if (!Double.isFinite(profit)) {
                throw new IllegalArgumentException("trade " + i + " (" + trade.symbol() + ", exit time "
                        + trade.exitTime() + ") has profit " + profit + "; profits must be finite");
            }
            if (profit > 0) {
                wins++;
                grossProfit += profit;
            } else if (profit < 0) {
                grossLoss -= profit;
            }
        }
        double winRate = count == 0 ? Double.NaN : (double) wins / count;
        double profitFactor = count == 0 ? Double.NaN
                : grossLoss == 0 ? (grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : grossProfit / grossLoss;
        double expectancy = count == 0 ? Double.NaN : (grossProfit - grossLoss) / count;

        return Metrics.builder().totalReturn(growth - 1).annualReturn(annualReturn).volatility(volatility)
                .sharpe(sharpe).sortino(sortino).calmar(calmar).maxDrawdown(maxDrawdown).maxDrawdownBars(drawdownBars)
                .winRate(winRate).profitFactor(profitFactor).expectancy(expectancy).exposure(exposure)
                .turnover(turnover).trades(count).build();
    }

    private static double[] scratch(int n) {
        double[] returns = RETURNS.get();
        if (returns.length >= n) {
            return returns;
        }
        returns = new double[n];
        if (n <= MAX_CACHED_SCRATCH) {
            RETURNS.set(returns);
        }
        return returns;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
