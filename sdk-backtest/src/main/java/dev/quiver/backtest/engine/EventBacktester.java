package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Backtester;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.table.Panel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Quiver's event-driven backtester: visits a panel's bars one at a time, in time order and within a timestamp in
 * symbol order, feeding each to the strategy through one reusable {@link dev.quiver.api.backtest.Bar} cursor, with
 * one cash account shared by every symbol, long and short positions, and market, limit, stop, stop-limit and
 * trailing-stop orders. {@link LiveSession} runs the same strategy code on bars pushed as they arrive.
 *
 * <h2>Execution</h2>
 * For each bar: the symbol's open orders are checked against the bar (a stop or limit that the open gaps through
 * fills at the open), the mark price becomes the close, then the strategy sees the bar. Market orders fill at the
 * next bar's open ({@link dev.quiver.api.backtest.FillTiming#NEXT_OPEN}) or at once at this bar's close
 * ({@link dev.quiver.api.backtest.FillTiming#CLOSE}); other orders work from the next bar on. After the last bar of
 * a timestamp the equity (cash plus positions at their last close) is recorded. Every fill pays the
 * {@link SlippageModel slippage} and {@link CommissionModel commission} models' costs. docs/backtest.md states every
 * rule.
 *
 * <h2>Costs</h2>
 * By default costs come from the {@link BacktestConfig}: {@link SlippageModel#fixedBps} of
 * {@link BacktestConfig#slippageBps()} and {@link CommissionModel#bps} of {@link BacktestConfig#commissionBps()}.
 * Models set on the {@link #builder() builder} replace them.
 *
 * <h2>Sweeps</h2>
 * {@link #sweep} runs many strategies over one panel on {@link BacktestConfig#parallelism()} threads (the calling
 * thread alone when it is 1). The panel is indexed once and read, never copied; each run gets a fresh strategy from
 * its factory; a run that throws becomes a {@link RunOutcome.Failed} and the others go on; outcomes come back in the
 * order of the runs, and each is the same whatever the thread count.
 *
 * <p>Thread-safety: immutable; {@link #run} and {@link #sweep} may be called from any number of threads.
 */
public final class EventBacktester implements Backtester {
    private final CommissionModel commission;
    private final SlippageModel slippage;

    private EventBacktester(CommissionModel commission, SlippageModel slippage) {
        this.commission = commission;
        this.slippage = slippage;
    }

    /** A backtester whose costs come from each run's {@link BacktestConfig}. */
    public static EventBacktester create() {
        return new EventBacktester(null, null);
    }

    /** A builder, to set cost models. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the panel lacks a {@code FLOAT64} open, high, low, close or volume column,
     *     or the strategy submits an order for a symbol that is not in the panel
     */
    @Override
    public BacktestResult run(Strategy strategy, Panel bars, BacktestConfig config) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(config, "config");
        return run(strategy, BarIndex.of(Objects.requireNonNull(bars, "bars")), config);
    }

    BacktestResult run(Strategy strategy, BarIndex index, BacktestConfig config) {
        return drive(newCore(strategy, index, config, null), index).finish();
    }

    /** A run that keeps its metrics only, recording its curve into the thread's reused scratch arrays. */
    BacktestResult runSummary(Strategy strategy, BarIndex index, BacktestConfig config, RunScratch scratch) {
        return drive(newCore(strategy, index, config, scratch), index).finishSummary();
    }

    private ExecutionCore newCore(Strategy strategy, BarIndex index, BacktestConfig config, RunScratch scratch) {
        return new ExecutionCore(strategy, Arrays.asList(index.symbols), config, commissionFor(config),
                slippageFor(config), index.dates.length, scratch);
    }

    private static ExecutionCore drive(ExecutionCore core, BarIndex index) {
        double[] open = index.open;
        double[] high = index.high;
        double[] low = index.low;
        double[] close = index.close;
        double[] volume = index.volume;
        long[] dates = index.dates;
        core.start();
        if (index.rows == null) {
            // one symbol: one bar per timestamp, visit d is row d
            for (int d = 0; d < dates.length; d++) {
                long t = dates[d];
                core.beginTimestamp(t);
                core.step(0, t, open[d], high[d], low[d], close[d], volume[d]);
                core.endTimestamp();
            }
            return core;
        }
        int[] dateEnd = index.dateEnd;
        int[] rows = index.rows;
        int[] symbolOf = index.symbolOfVisit;
        int k = 0;
        for (int d = 0; d < dates.length; d++) {
            long t = dates[d];
            core.beginTimestamp(t);
            for (int end = dateEnd[d]; k < end; k++) {
                int row = rows[k];
                core.step(symbolOf[k], t, open[row], high[row], low[row], close[row], volume[row]);
            }
            core.endTimestamp();
        }
        return core;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the panel lacks a price column (before any run starts)
     * @throws IllegalStateException if the calling thread is interrupted while waiting for the runs
     */
    @Override
    public List<RunOutcome> sweep(List<StrategyRun> runs, Panel bars, BacktestConfig config,
                                  ProgressListener listener) {
        Objects.requireNonNull(config, "config");
        BarIndex index = BarIndex.of(Objects.requireNonNull(bars, "bars"));
        return SweepRunner.run(List.copyOf(runs), config.parallelism(),
                run -> run(run.strategy().get(), index, config),
                listener == null ? ProgressListener.NONE : listener);
    }

    /**
     * Runs a sweep as {@link #sweep} does, but keeps only each completed run's metrics: its result has no trades and
     * an empty equity curve. For sweeps too large to hold every curve (10,000 runs of 5,000 bars would hold some
     * 800 MB of equity curves); re-run the runs whose curves you want.
     *
     * @throws IllegalArgumentException if the panel lacks a price column (before any run starts)
     * @throws IllegalStateException if the calling thread is interrupted while waiting for the runs
     */
    public List<RunOutcome> sweepSummaries(List<StrategyRun> runs, Panel bars, BacktestConfig config,
                                           ProgressListener listener) {
        Objects.requireNonNull(config, "config");
        BarIndex index = BarIndex.of(Objects.requireNonNull(bars, "bars"));
        // each thread records curves into one pair of arrays, reused run after run
        ThreadLocal<RunScratch> scratch = ThreadLocal.withInitial(RunScratch::new);
        return SweepRunner.run(List.copyOf(runs), config.parallelism(),
                run -> runSummary(run.strategy().get(), index, config, scratch.get()),
                listener == null ? ProgressListener.NONE : listener);
    }

    CommissionModel commissionFor(BacktestConfig config) {
        return commission != null ? commission : CommissionModel.bps(config.commissionBps(), 0);
    }

    SlippageModel slippageFor(BacktestConfig config) {
        return slippage != null ? slippage : SlippageModel.fixedBps(config.slippageBps());
    }

    @Override
    public String toString() {
        return "EventBacktester[commission " + (commission == null ? "from config" : commission) + ", slippage "
                + (slippage == null ? "from config" : slippage) + "]";
    }

    /**
     * Configures an {@link EventBacktester}.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private CommissionModel commission;
        private SlippageModel slippage;

        private Builder() {
        }

        /** Charges this commission on every fill instead of the config's basis points. */
        public Builder commission(CommissionModel model) {
            this.commission = Objects.requireNonNull(model, "commission");
            return this;
        }

        /** Applies this slippage to every fill instead of the config's basis points. */
        public Builder slippage(SlippageModel model) {
            this.slippage = Objects.requireNonNull(model, "slippage");
            return this;
        }

        /** The backtester. */
        public EventBacktester build() {
            return new EventBacktester(commission, slippage);
        }
    }
}
