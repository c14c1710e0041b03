package dev.quiver.backtest.metrics;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.Trade;
import dev.quiver.backtest.internal.EquityMetrics;
import java.util.List;
import java.util.Objects;

/**
 * Computes a backtest's {@link Metrics} from its equity curve, its closed trades and two totals the engine keeps
 * while it runs (bars with an open position, value traded).
 *
 * <h2>Conventions</h2>
 * Let {@code E_0 .. E_{n-1}} be the equity at the close of each of the {@code n} bars, {@code C} the initial cash
 * ({@link BacktestConfig#initialCash()}) and {@code p} the bars per year ({@link BacktestConfig#periodsPerYear()}).
 * <ul>
 *   <li><b>Per-bar returns</b> ({@link #barReturns}): {@code r_i = E_i / E_{i-1} - 1} with {@code E_{-1} = C}, so
 *       there are {@code n} returns, the first measured against the initial cash, and their compounded product is
 *       the total return. Returns are fractions; the risk-free rate is 0.</li>
 *   <li>{@code totalReturn = E_{n-1} / C - 1}; 0 for an empty curve.</li>
 *   <li>{@code annualReturn}: the compound annual growth rate {@code (E_{n-1} / C)^(p / n) - 1}; -1 if equity ends at
 *       or below 0; {@code NaN} for an empty curve.</li>
 *   <li>{@code volatility}: the <em>sample</em> standard deviation of the per-bar returns times {@code sqrt(p)};
 *       {@code NaN} for fewer than two bars.</li>
 *   <li>{@code sharpe}: {@code mean(r) * p / volatility} (arithmetic mean, rf = 0). {@code NaN} when the volatility
 *       is 0 (flat equity, or a constant return) or undefined (fewer than two bars).</li>
 *   <li>{@code sortino}: {@code mean(r) * p / (downsideDeviation * sqrt(p))}, with the downside deviation
 *       {@code sqrt(mean(min(r, 0)^2))} over all bars ({@link ReturnStatistics#downsideDeviation}); {@code NaN} when
 *       no bar lost.</li>
 *   <li>{@code maxDrawdown}: the largest fall of equity below its running peak, {@code max(1 - E_i / peak_i)}, where
 *       the peak includes {@code C}; a <em>positive</em> fraction (0.25 = 25 % below the peak), 0 if equity never
 *       fell below a peak.</li>
 *   <li>{@code maxDrawdownBars}: the longest stretch, in bars, from a peak (which may be {@code C} before the first
 *       bar) to the first bar back at or above it, or to the last bar if it never recovered
 *       ({@link ReturnStatistics#longestDrawdownDuration}).</li>
 *   <li>{@code calmar}: {@code annualReturn / maxDrawdown}; {@code NaN} when there was no drawdown.</li>
 *   <li>{@code winRate}: the share of trades with a profit {@code > 0} (a break-even trade is not a win).</li>
 *   <li>{@code profitFactor}: gross profit / gross loss, the sums of positive profits and of the absolute negative
 *       ones; {@code +Infinity} when there are profits and no losses, {@code NaN} when there are no trades or every
 *       trade broke even, 0 when there are losses and no profits.</li>
 *   <li>{@code expectancy}: the mean profit per trade, in currency (profits are after fees).</li>
 *   <li>{@code exposure}: {@code barsInMarket / n}, the share of bars that ended with an open position.</li>
 *   <li>{@code turnover}: {@code tradedValue / mean(E) * p / n}: how many times the average equity was traded per
 *       year. {@code tradedValue} is the sum of {@code |quantity * price|} over every fill, buys and sells.</li>
 *   <li>{@code trades}: the number of closed trades. Trade statistics of no trades are {@code NaN}.</li>
 * </ul>
 * Metrics that cannot be defined for the input are {@code NaN}, never an exception, so a sweep can report every run.
 *
 * <p>Thread-safety: stateless; safe to call from any number of threads.
 */
public final class MetricsCalculator {

    private MetricsCalculator() {
    }

    /**
     * The metrics of one backtest.
     *
     * @param equity the equity at the close of each bar, in bar order
     * @param trades the closed trades (their order does not matter)
     * @param barsInMarket the number of bars that ended with an open position, from 0 to {@code equity.size()}
     * @param tradedValue the total absolute value of every fill, {@code >= 0}
     * @param config supplies the initial cash and the bars per year
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an equity value or a trade's profit is not finite, {@code barsInMarket} is
     *     outside {@code [0, equity.size()]}, or {@code tradedValue} is negative or not finite
     */
    public static Metrics calculate(EquityCurve equity, List<Trade> trades, long barsInMarket, double tradedValue,
                                    BacktestConfig config) {
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(trades, "trades");
        Objects.requireNonNull(config, "config");
        double[] levels = equity.values();
        int n = levels.length;
        if (barsInMarket < 0 || barsInMarket > n) {
            throw new IllegalArgumentException("barsInMarket must be between 0 and the " + n + " bars of the equity "
                    + "curve, not " + barsInMarket);
        }
        if (!(tradedValue >= 0) || Double.isInfinite(tradedValue)) {
            throw new IllegalArgumentException("tradedValue must be finite and >= 0, not " + tradedValue);
        }
        // one fused implementation shared with the engine and the vectorised path (see EquityMetrics)
        return EquityMetrics.compute(equity::time, levels, n, trades, barsInMarket, tradedValue,
                config.initialCash(), config.periodsPerYear());
    }

    /**
     * The per-bar returns of an equity curve: {@code r_i = E_i / E_{i-1} - 1} with {@code E_{-1} = initialCash}, one
     * per point of the curve.
     *
     * @throws NullPointerException if {@code equity} is null
     * @throws IllegalArgumentException if {@code initialCash} is not positive and finite
     */
    public static double[] barReturns(EquityCurve equity, double initialCash) {
        Objects.requireNonNull(equity, "equity");
        if (!(initialCash > 0) || Double.isInfinite(initialCash)) {
            throw new IllegalArgumentException("initialCash must be positive and finite, not " + initialCash);
        }
        return returnsOfLevels(equity.values(), initialCash);
    }

    private static double[] returnsOfLevels(double[] levels, double start) {
        double[] returns = new double[levels.length];
        double previous = start;
        for (int i = 0; i < levels.length; i++) {
            returns[i] = levels[i] / previous - 1;
            previous = levels[i];
        }
        return returns;
    }
}
