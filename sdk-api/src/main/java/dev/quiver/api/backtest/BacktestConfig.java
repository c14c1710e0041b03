package dev.quiver.api.backtest;

import java.util.Objects;

/**
 * Account and execution settings for a backtest: cash, fill timing, costs, annualisation, threads, and the margin
 * account (initial and maintenance margin of longs and shorts, the short-borrow rate, what happens to an order beyond
 * buying power, the share of a bar's volume a fill may take). Made by {@link #builder()} (or {@link #defaults()} and
 * the {@code with...} copies); new settings are added to the builder with defaults, so code written against it keeps
 * compiling and behaving the same.
 *
 * <h2>Margin</h2>
 * Margins are fractions of a position's market value ({@code |quantity| * price}). A fill that adds exposure needs
 * {@code added value * initial margin <= buying power}, where buying power is equity less the initial margin of the
 * positions held; the {@link #buyingPowerPolicy()} says what happens otherwise. When equity falls below the
 * maintenance requirement (the sum of every position's value times its maintenance margin) at the end of a
 * timestamp, every position is closed at its mark (docs/backtest.md states the order of events). The defaults are
 * those of a US Reg T margin account: 50 % initial margin for longs and shorts, 25 % maintenance for longs, 30 % for
 * shorts, no borrow cost.
 *
 * <p>Thread-safety: immutable.
 */
public final class BacktestConfig {
    private final double initialCash;
    private final FillTiming fill;
    private final double commissionBps;
    private final double slippageBps;
    private final double periodsPerYear;
    private final int parallelism;
    private final double longInitialMargin;
    private final double longMaintenanceMargin;
    private final double shortInitialMargin;
    private final double shortMaintenanceMargin;
    private final double borrowRate;
    private final BuyingPowerPolicy buyingPowerPolicy;
    private final double maxVolumeShare;

    private BacktestConfig(Builder b) {
        this.initialCash = b.initialCash;
        this.fill = Objects.requireNonNull(b.fill, "fill");
        this.commissionBps = b.commissionBps;
        this.slippageBps = b.slippageBps;
        this.periodsPerYear = b.periodsPerYear;
        this.parallelism = b.parallelism;
        this.longInitialMargin = b.longInitialMargin;
        this.longMaintenanceMargin = b.longMaintenanceMargin;
        this.shortInitialMargin = b.shortInitialMargin;
        this.shortMaintenanceMargin = b.shortMaintenanceMargin;
        this.borrowRate = b.borrowRate;
        this.buyingPowerPolicy = Objects.requireNonNull(b.buyingPowerPolicy, "buyingPowerPolicy");
        this.maxVolumeShare = b.maxVolumeShare;
        if (!(initialCash > 0) || Double.isInfinite(initialCash) || !(commissionBps >= 0) || !(slippageBps >= 0)
                || !(periodsPerYear > 0) || parallelism < 1) {
            throw new IllegalArgumentException("invalid backtest config: cash " + initialCash + ", commission "
                    + commissionBps + " bps, slippage " + slippageBps + " bps, periods/year " + periodsPerYear
                    + ", parallelism " + parallelism);
        }
        if (!margin(longInitialMargin) || !margin(shortInitialMargin) || !(longMaintenanceMargin >= 0)
                || !(longMaintenanceMargin <= longInitialMargin) || !(shortMaintenanceMargin >= 0)
                || !(shortMaintenanceMargin <= shortInitialMargin)) {
            throw new IllegalArgumentException("invalid margins: initial (long " + longInitialMargin + ", short "
                    + shortInitialMargin + ") must be in (0, 10], maintenance (long " + longMaintenanceMargin
                    + ", short " + shortMaintenanceMargin + ") in [0, initial]");
        }
        if (!(borrowRate >= 0) || Double.isInfinite(borrowRate)) {
            throw new IllegalArgumentException("borrow rate must be a finite fraction per year >= 0, not "
                    + borrowRate);
        }
        if (!(maxVolumeShare > 0 && maxVolumeShare <= 1) && !Double.isNaN(maxVolumeShare)) {
            throw new IllegalArgumentException("max volume share must be in (0, 1], or NaN for no cap; not "
                    + maxVolumeShare);
        }
    }

    private static boolean margin(double m) {
        return m > 0 && m <= 10;
    }

    /** A builder at the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * 100,000 cash, next-open fills, no costs, 252 periods a year, all cores, a Reg T margin account (see the class
     * comment), orders beyond buying power rejected, no volume cap.
     */
    public static BacktestConfig defaults() {
        return builder().build();
    }

    /** A builder holding this config's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Starting cash, positive. */
    public double initialCash() {
        return initialCash;
    }

    /** When market orders fill. */
    public FillTiming fill() {
        return fill;
    }

    /** Commission in basis points of traded value, {@code >= 0}. */
    public double commissionBps() {
        return commissionBps;
    }

    /** Slippage in basis points of the fill price, against the trader, {@code >= 0}. */
    public double slippageBps() {
        return slippageBps;
    }

    /** Bars per year for annualising (252 for daily bars), also the borrow cost's bars per year. */
    public double periodsPerYear() {
        return periodsPerYear;
    }

    /** Threads for sweeps; 1 runs them sequentially on the calling thread. */
    public int parallelism() {
        return parallelism;
    }

    /** Initial margin of a long, a fraction of its value (0.5: buying power is twice the free equity). */
    public double longInitialMargin() {
        return longInitialMargin;
    }

    /** Maintenance margin of a long, a fraction of its value. */
    public double longMaintenanceMargin() {
        return longMaintenanceMargin;
    }

    /** Initial margin of a short, a fraction of its value. */
    public double shortInitialMargin() {
        return shortInitialMargin;
    }

    /** Maintenance margin of a short, a fraction of its value. */
    public double shortMaintenanceMargin() {
        return shortMaintenanceMargin;
    }

    /** The short-borrow cost, a fraction of a short's value per year, charged per bar at the close. */
    public double borrowRate() {
        return borrowRate;
    }

    /** What happens to a fill beyond buying power. */
    public BuyingPowerPolicy buyingPowerPolicy() {
        return buyingPowerPolicy;
    }

    /** The largest share of a bar's volume one fill may take (the rest waits, per time in force); NaN: no cap. */
    public double maxVolumeShare() {
        return maxVolumeShare;
    }

    /** This config with another fill timing. */
    public BacktestConfig withFill(FillTiming f) {
        return toBuilder().fill(f).build();
    }

    /** This config with other costs. */
    public BacktestConfig withCosts(double commission, double slippage) {
        return toBuilder().commissionBps(commission).slippageBps(slippage).build();
    }

    /** This config with another thread count. */
    public BacktestConfig withParallelism(int threads) {
        return toBuilder().parallelism(threads).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BacktestConfig c && Double.compare(initialCash, c.initialCash) == 0 && fill == c.fill
                && Double.compare(commissionBps, c.commissionBps) == 0
                && Double.compare(slippageBps, c.slippageBps) == 0
                && Double.compare(periodsPerYear, c.periodsPerYear) == 0 && parallelism == c.parallelism
                && Double.compare(longInitialMargin, c.longInitialMargin) == 0
                && Double.compare(longMaintenanceMargin, c.longMaintenanceMargin) == 0
                && Double.compare(shortInitialMargin, c.shortInitialMargin) == 0
                && Double.compare(shortMaintenanceMargin, c.shortMaintenanceMargin) == 0
                && Double.compare(borrowRate, c.borrowRate) == 0 && buyingPowerPolicy == c.buyingPowerPolicy
                && Double.compare(maxVolumeShare, c.maxVolumeShare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialCash, fill, commissionBps, slippageBps, periodsPerYear, parallelism,
                longInitialMargin, longMaintenanceMargin, shortInitialMargin, shortMaintenanceMargin, borrowRate,
                buyingPowerPolicy, maxVolumeShare);
    }

    @Override
    public String toString() {
        return "BacktestConfig[initialCash=" + initialCash + ", fill=" + fill + ", commissionBps=" + commissionBps
                + ", slippageBps=" + slippageBps + ", periodsPerYear=" + periodsPerYear + ", parallelism="
                + parallelism + ", margin long " + longInitialMargin + "/" + longMaintenanceMargin + ", short "
                + shortInitialMargin + "/" + shortMaintenanceMargin + ", borrowRate=" + borrowRate
                + ", buyingPower=" + buyingPowerPolicy + ", maxVolumeShare=" + maxVolumeShare + "]";
    }

    /**
     * Builds a {@link BacktestConfig}; starts at the defaults.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private double initialCash = 100_000;
        private FillTiming fill = FillTiming.NEXT_OPEN;
        private double commissionBps;
        private double slippageBps;
        private double periodsPerYear = 252;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private double longInitialMargin = 0.5;
        private double longMaintenanceMargin = 0.25;
        private double shortInitialMargin = 0.5;
        private double shortMaintenanceMargin = 0.3;
        private double borrowRate;
        private BuyingPowerPolicy buyingPowerPolicy = BuyingPowerPolicy.REJECT;
        private double maxVolumeShare = Double.NaN;

        private Builder() {
        }

        private Builder(BacktestConfig c) {
            initialCash = c.initialCash;
            fill = c.fill;
            commissionBps = c.commissionBps;
            slippageBps = c.slippageBps;
            periodsPerYear = c.periodsPerYear;
            parallelism = c.parallelism;
            longInitialMargin = c.longInitialMargin;
            longMaintenanceMargin = c.longMaintenanceMargin;
            shortInitialMargin = c.shortInitialMargin;
            shortMaintenanceMargin = c.shortMaintenanceMargin;
            borrowRate = c.borrowRate;
            buyingPowerPolicy = c.buyingPowerPolicy;
            maxVolumeShare = c.maxVolumeShare;
        }

        /** Starting cash (default 100,000). */
        public Builder initialCash(double cash) {
            this.initialCash = cash;
            return this;
        }

        /** Fill timing of market orders (default next open). */
        public Builder fill(FillTiming timing) {
            this.fill = timing;
            return this;
        }

        /** Commission in basis points of traded value (default 0). */
        public Builder commissionBps(double bps) {
            this.commissionBps = bps;
            return this;
        }

        /** Slippage in basis points of the price (default 0). */
        public Builder slippageBps(double bps) {
            this.slippageBps = bps;
            return this;
        }

        /** Bars per year (default 252). */
        public Builder periodsPerYear(double periods) {
            this.periodsPerYear = periods;
            return this;
        }

        /** Threads for sweeps (default: the available processors). */
        public Builder parallelism(int threads) {
            this.parallelism = threads;
            return this;
        }

        /** Initial and maintenance margin of longs (default 0.5 and 0.25). */
        public Builder longMargin(double initial, double maintenance) {
            this.longInitialMargin = initial;
            this.longMaintenanceMargin = maintenance;
            return this;
        }

        /** Initial and maintenance margin of shorts (default 0.5 and 0.3). */
        public Builder shortMargin(double initial, double maintenance) {
            this.shortInitialMargin = initial;
            this.shortMaintenanceMargin = maintenance;
            return this;
        }

        /**
         * A cash account: longs need their full value (initial and maintenance margin 1), shorts the same (their
         * proceeds plus their value again stay as collateral).
         */
        public Builder cashAccount() {
            return longMargin(1, 1).shortMargin(1, 1);
        }

        /** The short-borrow rate, a fraction of a short's value per year (default 0). */
        public Builder borrowRate(double perYear) {
            this.borrowRate = perYear;
            return this;
        }

        /** What happens to a fill beyond buying power (default {@link BuyingPowerPolicy#REJECT}). */
        public Builder buyingPowerPolicy(BuyingPowerPolicy policy) {
            this.buyingPowerPolicy = policy;
            return this;
        }

        /** The largest share of a bar's volume one fill may take, in (0, 1]; NaN for no cap (the default). */
        public Builder maxVolumeShare(double share) {
            this.maxVolumeShare = share;
            return this;
        }

        /**
         * The config.
         *
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException if the fill timing or the policy is null
         */
        public BacktestConfig build() {
            return new BacktestConfig(this);
        }
    }
}
