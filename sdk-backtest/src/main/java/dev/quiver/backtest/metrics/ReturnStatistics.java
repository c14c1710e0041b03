package dev.quiver.backtest.metrics;

import java.util.Objects;

/**
 * Performance statistics of a series of per-period returns, as pure functions over a {@code double[]}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Returns are fractions</b> ({@code 0.01} = 1 %), one per period, oldest first. They are simple returns
 *       {@code W_t / W_{t-1} - 1}, not log returns. Every value is used; a {@code NaN} in the input propagates into
 *       the statistics that read it (the caller decides how to fill gaps).</li>
 *   <li><b>Risk-free rate 0.</b> Sharpe and Sortino are computed on raw returns.</li>
 *   <li><b>Annualisation</b> multiplies means by {@code periodsPerYear} and standard deviations by
 *       {@code sqrt(periodsPerYear)} (12 for monthly, 252 for daily bars); the geometric return compounds to
 *       {@code periodsPerYear / n}.</li>
 *   <li><b>Wealth and drawdowns</b> start from a wealth of 1.0 before the first period:
 *       {@code W_0 = 1, W_t = W_{t-1} (1 + r_t)}. The running peak includes that starting 1.0, so a series that
 *       opens with a loss is in drawdown from its first period.</li>
 *   <li><b>Undefined ratios are {@code NaN}.</b> A ratio whose denominator is 0 (Sharpe with a standard deviation
 *       of 0, Sortino with no negative period, Calmar with no drawdown) is {@code NaN}, not an infinity: a constant
 *       return series has no measurable risk, and an infinite ratio would rank it above every real strategy in a
 *       sweep.</li>
 *   <li><b>Short inputs.</b> Statistics that need more values than given are {@code NaN}: a mean of no values, a
 *       sample standard deviation of fewer than two. Sums and products of no values are 0 (nothing happened).</li>
 * </ul>
 *
 * <p>These definitions match R's base functions ({@code mean}, {@code sd}, {@code cumprod}, {@code cummax}) and are
 * checked against R's output in {@code ReturnStatisticsReferenceTest}.
 *
 * <p>Thread-safety: stateless; every method only reads its argument array, which the caller must not change during
 * the call.
 */
public final class ReturnStatistics {

    private ReturnStatistics() {
    }

    /**
     * The arithmetic mean, {@code NaN} for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double mean(double[] returns) {
        int n = requireReturns(returns).length;
        if (n == 0) {
            return Double.NaN;
        }
        double mean = sum(returns) / n;
        // A second pass removes most of the rounding error left by the first (as R's mean() does), which keeps
        // means of long series of small returns accurate to the last digits.
        double correction = 0;
        for (double r : returns) {
            correction += r - mean;
        }
        return mean + correction / n;
    }

    /**
     * The sample standard deviation (divisor {@code n - 1}), {@code NaN} for fewer than two values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double sampleStandardDeviation(double[] returns) {
        int n = requireReturns(returns).length;
        return n < 2 ? Double.NaN : Math.sqrt(sumOfSquaredDeviations(returns) / (n - 1));
    }

    /**
     * The population standard deviation (divisor {@code n}), {@code NaN} for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double populationStandardDeviation(double[] returns) {
        int n = requireReturns(returns).length;
        return n == 0 ? Double.NaN : Math.sqrt(sumOfSquaredDeviations(returns) / n);
    }

    /**
     * The compounded cumulative return {@code prod(1 + r) - 1}; 0 for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double compoundedReturn(double[] returns) {
        double wealth = 1;
        for (double r : requireReturns(returns)) {
            wealth *= 1 + r;
        }
        return wealth - 1;
    }

    /**
     * The simple cumulative return {@code sum(r)} (no compounding); 0 for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double summedReturn(double[] returns) {
        return sum(requireReturns(returns));
    }

    /**
     * The annualised arithmetic mean, {@code mean * periodsPerYear}.
     *
     * @throws NullPointerException if {@code returns} is null
     * @throws IllegalArgumentException if {@code periodsPerYear} is not positive and finite
     */
    public static double annualisedMean(double[] returns, double periodsPerYear) {
        return mean(returns) * requirePeriods(periodsPerYear);
    }

    /**
     * The annualised volatility, {@code sampleStandardDeviation * sqrt(periodsPerYear)}.
     *
     * @throws NullPointerException if {@code returns} is null
     * @throws IllegalArgumentException if {@code periodsPerYear} is not positive and finite
     */
    public static double annualisedVolatility(double[] returns, double periodsPerYear) {
        return sampleStandardDeviation(returns) * Math.sqrt(requirePeriods(periodsPerYear));
    }

    /**
     * The annualised geometric (compound annual) return {@code (1 + compoundedReturn)^(periodsPerYear / n) - 1}.
     * It is {@code NaN} for no values and -1 when wealth ends at or below zero (a total loss: a fractional power of
     * a negative wealth has no meaning).
     *
     * @throws NullPointerException if {@code returns} is null
     * @throws IllegalArgumentException if {@code periodsPerYear} is not positive and finite
     */
    public static double annualisedGeometricReturn(double[] returns, double periodsPerYear) {
        requirePeriods(periodsPerYear);
        int n = requireReturns(returns).length;
        return n == 0 ? Double.NaN : compoundAnnualGrowth(1 + compoundedReturn(returns), n, periodsPerYear);
    }

    /**
     * The annualised Sharpe ratio with a risk-free rate of 0: {@link #annualisedMean} / {@link #annualisedVolatility},
     * which equals {@code mean / sd * sqrt(periodsPerYear)}. {@code NaN} when the sample standard deviation is 0 or
     * undefined (fewer than two values).
     *
     * @throws NullPointerException if {@code returns} is null
     * @throws IllegalArgumentException if {@code periodsPerYear} is not positive and finite
     */
    public static double sharpeRatio(double[] returns, double periodsPerYear) {
        return ratio(annualisedMean(returns, periodsPerYear), annualisedVolatility(returns, periodsPerYear));
    }

    /**
     * The per-period downside deviation below a target of 0: {@code sqrt(mean(min(r, 0)^2))}, where the mean runs
     * over <em>all</em> {@code n} periods (a period with a gain contributes 0, it is not dropped). This is the
     * lower partial moment of order 2 used by Sortino and Price (1994) and by PerformanceAnalytics'
     * {@code DownsideDeviation(MAR = 0)}. {@code NaN} for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double downsideDeviation(double[] returns) {
        int n = requireReturns(returns).length;
        if (n == 0) {
            return Double.NaN;
        }
        double sumOfSquares = 0;
        for (double r : returns) {
            double loss = Math.min(r, 0);
            sumOfSquares += loss * loss;
        }
        return Math.sqrt(sumOfSquares / n);
    }

    /**
     * The annualised Sortino ratio with a target of 0: {@link #annualisedMean} divided by the annualised
     * {@link #downsideDeviation} ({@code downsideDeviation * sqrt(periodsPerYear)}). {@code NaN} when no period lost
     * (downside deviation 0) or for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     * @throws IllegalArgumentException if {@code periodsPerYear} is not positive and finite
     */
    public static double sortinoRatio(double[] returns, double periodsPerYear) {
        double annualMean = annualisedMean(returns, periodsPerYear);
        return ratio(annualMean, downsideDeviation(returns) * Math.sqrt(periodsPerYear));
    }

    /**
     * The smallest return, {@code NaN} for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double min(double[] returns) {
        double min = requireReturns(returns).length == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        for (double r : returns) {
            min = Math.min(min, r);
        }
        return min;
    }

    /**
     * The largest return, {@code NaN} for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double max(double[] returns) {
        double max = requireReturns(returns).length == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
        for (double r : returns) {
            max = Math.max(max, r);
        }
        return max;
    }

    /**
     * The drawdown after each period, {@code dd_t = W_t / peak_t - 1}, where {@code W} is compounded wealth and
     * {@code peak_t = max(1, W_1, ..., W_t)} includes the starting wealth of 1. Values are 0 at a new peak and
     * negative below it.
     *
     * @return a new array of the same length as {@code returns}
     * @throws NullPointerException if {@code returns} is null
     */
    public static double[] drawdowns(double[] returns) {
        return drawdownsOfLevels(1, wealth(returns));
    }

    /**
     * The maximum drawdown: the most negative value of {@link #drawdowns} (a loss of 30 % from the peak is
     * {@code -0.3}); 0 when wealth never falls below its running peak, including for no values.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static double maxDrawdown(double[] returns) {
        return maxDrawdownOfLevels(1, wealth(returns));
    }

    /**
     * The longest drawdown, in periods, from a peak to its recovery or, for a drawdown still open at the end, to
     * the last period. The peak may be the starting wealth (before period 1). A recovery is the first period whose
     * wealth is back at or above the peak, and it counts: returns {@code -10 %, +20 %} are a drawdown of 2 periods
     * (peak at the start, recovered after period 2); {@code -10 %, -10 %} are one of 2 periods, still open. 0 when
     * wealth never falls below its peak.
     *
     * @throws NullPointerException if {@code returns} is null
     */
    public static int longestDrawdownDuration(double[] returns) {
        return longestDrawdownOfLevels(1, wealth(returns));
    }

    /**
     * The Calmar ratio over the whole series: {@link #annualisedGeometricReturn} / {@code |maxDrawdown|}. (The
     * trading-desk variant restricts both to the last 36 months; this one uses every period given.) {@code NaN}
     * when there is no drawdown.
     *
     * @throws NullPointerException if {@code returns} is null
     * @throws IllegalArgumentException if {@code periodsPerYear} is not positive and finite
     */
    public static double calmarRatio(double[] returns, double periodsPerYear) {
        return ratio(annualisedGeometricReturn(returns, periodsPerYear), Math.abs(maxDrawdown(returns)));
    }

    // ---- shared with MetricsCalculator, which works on equity levels rather than returns ----

    /**
     * Drawdowns of a level series (wealth, equity) that starts at {@code start} before {@code levels[0]}; the peak
     * includes {@code start}. Working on levels, not on returns compounded back into levels, matters for equity
     * curves: an account back at exactly its peak has a drawdown of exactly 0, whatever rounding the returns carry.
     */
    static double[] drawdownsOfLevels(double start, double[] levels) {
        double[] result = new double[levels.length];
        double peak = start;
        for (int t = 0; t < levels.length; t++) {
            peak = Math.max(peak, levels[t]);
            result[t] = levels[t] / peak - 1;
        }
        return result;
    }

    /** The most negative drawdown of a level series (see {@link #drawdownsOfLevels}), or 0. */
    static double maxDrawdownOfLevels(double start, double[] levels) {
        double peak = start;
        double worst = 0;
        for (double level : levels) {
            peak = Math.max(peak, level);
            worst = Math.min(worst, level / peak - 1);
        }
        return worst;
    }

    /** The longest drawdown of a level series in periods (see {@link #longestDrawdownDuration}). */
    static int longestDrawdownOfLevels(double start, double[] levels) {
        double peak = start;
        int peakPeriod = 0;
        boolean below = false;
        int longest = 0;
        for (int t = 1; t <= levels.length; t++) {
            double level = levels[t - 1];
            if (level >= peak) {
                if (below) {
                    longest = Math.max(longest, t - peakPeriod);
                    below = false;
                }
                peak = level;
                peakPeriod = t;
            } else {
                below = true;
            }
        }
        return below ? Math.max(longest, levels.length - peakPeriod) : longest;
    }

    /** Compounded wealth after each period, from 1.0. */
    private static double[] wealth(double[] returns) {
        double[] wealth = new double[requireReturns(returns).length];
        double w = 1;
        for (int t = 0; t < returns.length; t++) {
            w *= 1 + returns[t];
            wealth[t] = w;
        }
        return wealth;
    }

    /** {@code growth^(periodsPerYear / periods) - 1}, or -1 when {@code growth <= 0} (the account was wiped out). */
    static double compoundAnnualGrowth(double growth, int periods, double periodsPerYear) {
        return growth <= 0 ? -1 : Math.pow(growth, periodsPerYear / periods) - 1;
    }

    /** A ratio that is {@code NaN} rather than infinite when the denominator is 0 (see the class comment). */
    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    static double requirePeriods(double periodsPerYear) {
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear must be positive and finite, not " + periodsPerYear);
        }
        return periodsPerYear;
    }

    private static double[] requireReturns(double[] returns) {
        return Objects.requireNonNull(returns, "returns");
    }

    private static double sum(double[] values) {
        // Neumaier's compensated sum: cumulative returns of long daily series stay exact to ~1 ulp.
        double sum = 0;
        double compensation = 0;
        for (double v : values) {
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    private static double sumOfSquaredDeviations(double[] values) {
        // Two passes (mean first) rather than sum(x^2) - n*mean^2, which cancels catastrophically when the mean is
        // large against the spread (a T-bill series).
        return allEqual(values) ? 0 : sumOfSquaredDeviations(values, mean(values));
    }

    private static double sumOfSquaredDeviations(double[] values, double mean) {
        if (allEqual(values)) {
            // exactly 0: a rounded mean would leave a spread of ~1e-18 and turn an undefined Sharpe into ~1e16
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            double d = v - mean;
            sum += d * d;
        }
        return sum;
    }

    private static boolean allEqual(double[] values) {
        // a NaN or infinite value is never "equal": it must propagate through the normal computation
        if (values.length == 0 || !Double.isFinite(values[0])) {
            return false;
        }
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }
}
