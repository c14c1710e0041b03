package dev.quiver.api.backtest;

/**
 * Summary statistics of a backtest. Returns are fractions (0.1 = 10 %); volatility uses the sample standard
 * deviation of per-bar returns; annualisation uses {@link BacktestConfig#periodsPerYear()}; risk-free rate 0.
 *
 * <p>Thread-safety: immutable.
 *
 * @param totalReturn final equity / initial cash - 1
 * @param annualReturn compound annual growth rate
 * @param volatility annualised sample sd of per-bar returns
 * @param sharpe annualised mean per-bar return / annualised volatility
 * @param sortino annualised mean per-bar return / annualised downside deviation
 * @param calmar annual return / max drawdown
 * @param maxDrawdown the largest peak-to-trough fall of equity, as a positive fraction
 * @param maxDrawdownBars the longest stretch, in bars, from a peak to its recovery (or to the end)
 * @param winRate share of trades with positive profit
 * @param profitFactor gross profit / gross loss
 * @param expectancy mean profit per trade
 * @param exposure share of bars with an open position
 * @param turnover traded value / mean equity, per year
 * @param trades number of closed trades
 */
public record Metrics(double totalReturn, double annualReturn, double volatility, double sharpe, double sortino,
                      double calmar, double maxDrawdown, long maxDrawdownBars, double winRate, double profitFactor,
                      double expectancy, double exposure, double turnover, long trades) {
}
