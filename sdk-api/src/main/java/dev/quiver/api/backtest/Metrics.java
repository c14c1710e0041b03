package dev.quiver.api.backtest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Summary statistics of a backtest. Returns are fractions (0.1 = 10 %); volatility uses the sample standard
 * deviation of per-bar returns; annualisation uses {@link BacktestConfig#periodsPerYear()}; risk-free rate 0.
 * Made by {@link #builder()}; each metric has a named accessor and a snake-case name in {@link #NAMES} (the columns of
 * sweep tables and the keys of metrics.json), so metrics can be added without breaking callers. A metric not computed
 * is {@code NaN} (counts: 0).
 *
 * <p>The benchmark metrics ({@link #benchmarkReturn}, {@link #excessReturn}, {@link #beta},
 * {@link #informationRatio}) are filled in by reports, which know the benchmark; an engine's own result has them
 * {@code NaN}.
 *
 * <p>Thread-safety: immutable.
 */
public final class Metrics {
    /** The metric names, in snake case, in report order. */
    public static final List<String> NAMES = List.of("total_return", "annual_return", "volatility", "sharpe",
            "sortino", "calmar", "max_drawdown", "max_drawdown_bars", "win_rate", "profit_factor", "expectancy",
            "exposure", "turnover", "trades", "borrow_cost", "liquidations", "rejected_orders", "reduced_orders",
            "benchmark_return", "excess_return", "beta", "information_ratio");

    /** The names of the metrics that are counts (whole numbers). */
    public static final List<String> COUNTS = List.of("max_drawdown_bars", "trades", "liquidations",
            "rejected_orders", "reduced_orders");

    /** The names of the metrics where lower is better (a sweep ranked by one of them sorts ascending). */
    public static final List<String> LOWER_IS_BETTER = List.of("max_drawdown", "max_drawdown_bars", "volatility",
            "turnover");

    /** The names of the metrics that are fractions (shown in percent by reports). */
    public static final List<String> FRACTIONS = List.of("total_return", "annual_return", "volatility",
            "max_drawdown", "win_rate", "exposure", "benchmark_return", "excess_return");

    private final double[] values;

    private Metrics(double[] values) {
        this.values = values;
    }

    /** A builder with every metric undefined ({@code NaN}, counts 0). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these metrics, to add or change some. */
    public Builder toBuilder() {
        return new Builder(values.clone());
    }

    /**
     * The metric of this snake-case name (counts as doubles).
     *
     * @throws IllegalArgumentException if there is no such metric (the message lists them)
     */
    public double value(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; the metrics are "
                    + String.join(", ", NAMES));
        }
        return values[i];
    }

    /** Final equity / initial cash - 1. */
    public double totalReturn() {
        return values[0];
    }

    /** Compound annual growth rate. */
    public double annualReturn() {
        return values[1];
    }

    /** Annualised sample sd of per-bar returns. */
    public double volatility() {
        return values[2];
    }

    /** Annualised mean per-bar return / annualised volatility. */
    public double sharpe() {
        return values[3];
    }

    /** Annualised mean per-bar return / annualised downside deviation. */
    public double sortino() {
        return values[4];
    }

    /** Annual return / max drawdown. */
    public double calmar() {
        return values[5];
    }

    /** The largest peak-to-trough fall of equity, as a positive fraction. */
    public double maxDrawdown() {
        return values[6];
    }

    /** The longest stretch, in bars, from a peak to its recovery (or to the end). */
    public long maxDrawdownBars() {
        return (long) values[7];
    }

    /** Share of trades with positive profit. */
    public double winRate() {
        return values[8];
    }

    /** Gross profit / gross loss. */
    public double profitFactor() {
        return values[9];
    }

    /** Mean profit per trade. */
    public double expectancy() {
        return values[10];
    }

    /** Share of bars with an open position. */
    public double exposure() {
        return values[11];
    }

    /** Traded value / mean equity, per year. */
    public double turnover() {
        return values[12];
    }

    /** Number of closed trades. */
    public long trades() {
        return (long) values[13];
    }

    /** Short-borrow cost paid over the run, in cash (0 without shorts; NaN where not computed). */
    public double borrowCost() {
        return values[14];
    }

    /** Forced liquidations at the maintenance margin. */
    public long liquidations() {
        return (long) values[15];
    }

    /** Orders rejected for want of buying power. */
    public long rejectedOrders() {
        return (long) values[16];
    }

    /** Orders reduced to the buying power. */
    public long reducedOrders() {
        return (long) values[17];
    }

    /** The benchmark's total return over the run. */
    public double benchmarkReturn() {
        return values[18];
    }

    /** Total return less the benchmark's total return. */
    public double excessReturn() {
        return values[19];
    }

    /** Beta of per-bar returns on the benchmark's: cov(r, b) / var(b), sample moments. */
    public double beta() {
        return values[20];
    }

    /** Annualised mean of per-bar active returns (r - b) / their annualised sample sd. */
    public double informationRatio() {
        return values[21];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metrics m && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Metrics[");
        for (int i = 0; i < NAMES.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(NAMES.get(i)).append('=');
            b.append(COUNTS.contains(NAMES.get(i)) ? Long.toString((long) values[i])
                    : String.format(Locale.ROOT, "%s", values[i]));
        }
        return b.append(']').toString();
    }

    /**
     * Builds {@link Metrics}.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private final double[] values;

        private Builder() {
            values = new double[NAMES.size()];
            Arrays.fill(values, Double.NaN);
            for (String c : COUNTS) {
                values[NAMES.indexOf(c)] = 0;
            }
        }

        private Builder(double[] values) {
            this.values = values;
        }

        private Builder set(int i, double v) {
            values[i] = v;
            return this;
        }

        /**
         * Sets the metric of this snake-case name.
         *
         * @throws IllegalArgumentException if there is no such metric
         */
        public Builder value(String name, double v) {
            int i = NAMES.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("unknown metric '" + name + "'; the metrics are "
                        + String.join(", ", NAMES));
            }
            return set(i, v);
        }

        /** See {@link Metrics#totalReturn()}. */
        public Builder totalReturn(double v) {
            return set(0, v);
        }

        /** See {@link Metrics#annualReturn()}. */
        public Builder annualReturn(double v) {
            return set(1, v);
        }

        /** See {@link Metrics#volatility()}. */
        public Builder volatility(double v) {
            return set(2, v);
        }

        /** See {@link Metrics#sharpe()}. */
        public Builder sharpe(double v) {
            return set(3, v);
        }

        /** See {@link Metrics#sortino()}. */
        public Builder sortino(double v) {
            return set(4, v);
        }

        /** See {@link Metrics#calmar()}. */
        public Builder calmar(double v) {
            return set(5, v);
        }

        /** See {@link Metrics#maxDrawdown()}. */
        public Builder maxDrawdown(double v) {
            return set(6, v);
        }

        /** See {@link Metrics#maxDrawdownBars()}. */
        public Builder maxDrawdownBars(long v) {
            return set(7, v);
        }

        /** See {@link Metrics#winRate()}. */
        public Builder winRate(double v) {
            return set(8, v);
        }

        /** See {@link Metrics#profitFactor()}. */
        public Builder profitFactor(double v) {
            return set(9, v);
        }

        /** See {@link Metrics#expectancy()}. */
        public Builder expectancy(double v) {
            return set(10, v);
        }

        /** See {@link Metrics#exposure()}. */
        public Builder exposure(double v) {
            return set(11, v);
        }

        /** See {@link Metrics#turnover()}. */
        public Builder turnover(double v) {
            return set(12, v);
        }

        /** See {@link Metrics#trades()}. */
        public Builder trades(long v) {
            return set(13, v);
        }

        /** See {@link Metrics#borrowCost()}. */
        public Builder borrowCost(double v) {
            return set(14, v);
        }

        /** See {@link Metrics#liquidations()}. */
        public Builder liquidations(long v) {
            return set(15, v);
        }

        /** See {@link Metrics#rejectedOrders()}. */
        public Builder rejectedOrders(long v) {
            return set(16, v);
        }

        /** See {@link Metrics#reducedOrders()}. */
        public Builder reducedOrders(long v) {
            return set(17, v);
        }

        /** See {@link Metrics#benchmarkReturn()}. */
        public Builder benchmarkReturn(double v) {
            return set(18, v);
        }

        /** See {@link Metrics#excessReturn()}. */
        public Builder excessReturn(double v) {
            return set(19, v);
        }

        /** See {@link Metrics#beta()}. */
        public Builder beta(double v) {
            return set(20, v);
        }

        /** See {@link Metrics#informationRatio()}. */
        public Builder informationRatio(double v) {
            return set(21, v);
        }

        /** The metrics (the builder may go on to make others). */
        public Metrics build() {
            return new Metrics(values.clone());
        }
    }
}
