package dev.quiver.portfolio.objective;

/**
 * Statistics of one daily P&amp;L series (a strategy's or a portfolio's), in the P&amp;L's own units. The formulas are
 * exact so that others can recompute them:
 * <ul>
 *   <li>equity is the running sum of the P&amp;L starting from 0 (before the first day);
 *   <li>{@code roi} is the total P&amp;L, the last equity;
 *   <li>{@code maxDrawdown} is the largest fall of equity from its running peak, the peak starting at 0, so a series
 *       that loses from the first day has a drawdown of its lowest equity; it is ≥ 0;
 *   <li>{@code ratio} is {@code roi / maxDrawdown}, or {@code roi} when the drawdown is 0;
 *   <li>{@code sharpe} is {@code mean / sd × √252} with the sample sd (n − 1), 0 when the sd is 0;
 *   <li>{@code sortino} is {@code mean / dd × √252}, dd the downside deviation {@code √(Σ min(0, x)² / n)} over
 *       all n days, 0 when dd is 0;
 *   <li>{@code calmar} is {@code mean × 252 / maxDrawdown} (the annualised mean P&amp;L over the drawdown), or
 *       {@code mean × 252} when the drawdown is 0;
 *   <li>{@code winRate} is the share of days with a P&amp;L above 0 among the days with a P&amp;L other than 0, 0 when
 *       there are none;
 *   <li>{@code profitFactor} is the sum of the winning days over the absolute sum of the losing days, or that sum of
 *       winning days when no day loses (like the ratio, so a search never meets an infinite score).
 * </ul>
 * Annualisation assumes 252 trading days a year.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class PnlStatistics {
    /** Trading days a year, the annualisation of {@link #sharpe}, {@link #sortino} and {@link #calmar}. */
    public static final double DAYS_PER_YEAR = 252;

    private PnlStatistics() {
    }

    /** The total P&amp;L. */
    public static double roi(double[] pnl) {
        double sum = 0;
        for (double v : pnl) {
            sum += v;
        }
        return sum;
    }

    /** The largest fall of equity from its running peak, the peak starting at 0; ≥ 0. */
    public static double maxDrawdown(double[] pnl) {
        double equity = 0;
        double peak = 0;
        double worst = 0;
        for (double v : pnl) {
            equity += v;
            peak = Math.max(peak, equity);
            worst = Math.max(worst, peak - equity);
        }
        return worst;
    }

    /** {@code roi / maxDrawdown}, or {@code roi} when the drawdown is 0. */
    public static double ratio(double[] pnl) {
        double roi = roi(pnl);
        double mdd = maxDrawdown(pnl);
        return mdd == 0 ? roi : roi / mdd;
    }

    /** {@code mean / sd × √252}, the sample sd; 0 when the sd is 0 or there are fewer than two days. */
    public static double sharpe(double[] pnl) {
        int n = pnl.length;
        if (n < 2) {
            return 0;
        }
        double mean = roi(pnl) / n;
        double ss = 0;
        for (double v : pnl) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return sd == 0 ? 0 : mean / sd * Math.sqrt(DAYS_PER_YEAR);
    }

    /** {@code mean / √(Σ min(0, x)² / n) × √252}; 0 when no day loses. */
    public static double sortino(double[] pnl) {
        int n = pnl.length;
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        double down = 0;
        for (double v : pnl) {
            sum += v;
            if (v < 0) {
                down += v * v;
            }
        }
        double dd = Math.sqrt(down / n);
        return dd == 0 ? 0 : sum / n / dd * Math.sqrt(DAYS_PER_YEAR);
    }

    /** {@code mean × 252 / maxDrawdown}, or {@code mean × 252} when the drawdown is 0. */
    public static double calmar(double[] pnl) {
        if (pnl.length == 0) {
            return 0;
        }
        double annual = roi(pnl) / pnl.length * DAYS_PER_YEAR;
        double mdd = maxDrawdown(pnl);
        return mdd == 0 ? annual : annual / mdd;
    }

    /** The share of winning days among the days that are not flat; 0 when every day is flat. */
    public static double winRate(double[] pnl) {
        int wins = 0;
        int active = 0;
        for (double v : pnl) {
            if (v > 0) {
                wins++;
            }
            if (v != 0) {
                active++;
            }
        }
        return active == 0 ? 0 : (double) wins / active;
    }

    /** Gains over absolute losses, or the gains when no day loses. */
    public static double profitFactor(double[] pnl) {
        double gains = 0;
        double losses = 0;
        for (double v : pnl) {
            if (v > 0) {
                gains += v;
            } else {
                losses -= v;
            }
        }
        return losses == 0 ? gains : gains / losses;
    }
}
