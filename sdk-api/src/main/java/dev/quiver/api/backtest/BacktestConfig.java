package dev.quiver.api.backtest;

import java.util.Objects;

/**
 * Account and execution settings for a backtest.
 *
 * <p>Thread-safety: immutable.
 *
 * @param initialCash starting cash, positive
 * @param fill when market orders fill
 * @param commissionBps commission in basis points of traded value, {@code >= 0}
 * @param slippageBps slippage in basis points of the fill price, against the trader, {@code >= 0}
 * @param periodsPerYear bars per year for annualising (252 for daily bars)
 * @param parallelism threads for sweeps; 1 runs them sequentially on the calling thread
 */
public record BacktestConfig(double initialCash, FillTiming fill, double commissionBps, double slippageBps,
                             double periodsPerYear, int parallelism) {

    /** @throws IllegalArgumentException if a value is out of range */
    public BacktestConfig {
        Objects.requireNonNull(fill, "fill");
        if (!(initialCash > 0) || !(commissionBps >= 0) || !(slippageBps >= 0) || !(periodsPerYear > 0)
                || parallelism < 1) {
            throw new IllegalArgumentException("invalid backtest config: cash " + initialCash + ", commission "
                    + commissionBps + " bps, slippage " + slippageBps + " bps, periods/year " + periodsPerYear
                    + ", parallelism " + parallelism);
        }
    }

    /** 100,000 cash, next-open fills, no costs, 252 periods a year, all cores. */
    public static BacktestConfig defaults() {
        return new BacktestConfig(100_000, FillTiming.NEXT_OPEN, 0, 0, 252,
                Runtime.getRuntime().availableProcessors());
    }

    /** This config with another fill timing. */
    public BacktestConfig withFill(FillTiming f) {
        return new BacktestConfig(initialCash, f, commissionBps, slippageBps, periodsPerYear, parallelism);
    }

    /** This config with other costs. */
    public BacktestConfig withCosts(double commission, double slippage) {
        return new BacktestConfig(initialCash, fill, commission, slippage, periodsPerYear, parallelism);
    }

    /** This config with another thread count. */
    public BacktestConfig withParallelism(int threads) {
        return new BacktestConfig(initialCash, fill, commissionBps, slippageBps, periodsPerYear, threads);
    }
}
