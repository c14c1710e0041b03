package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Backtester;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.internal.CurveScratch;
import java.util.ArrayList;
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
 * thread alone when it is 1); {@link #sweepSymbols} runs one strategy over each symbol of a panel on its own. A
 * panel's bar columns are copied into arrays and indexed once, and remembered while the panel lives, so every run
 * and every sweep over it reads the same arrays; each run gets a fresh strategy from its factory; a run that throws
 * becomes a {@link RunOutcome.Failed} and the others go on; outcomes come back in the order of the runs, and each is
 * the same whatever the thread count.
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
        return runRows(strategy, index, Arrays.asList(index.symbols), 0, index.time.length, config, false);
    }

    /** A run that keeps its metrics only. */
    BacktestResult runSummary(Strategy strategy, BarIndex index, BacktestConfig config) {
        return runRows(strategy, index, Arrays.asList(index.symbols), 0, index.time.length, config, true);
    }

    /**
     * A run over every symbol of the index (sharing the account) when {@code symbols} are all of them, or over
     * rows {@code [from, to)} of the one symbol in {@code symbols}.
     */
    private BacktestResult runRows(Strategy strategy, BarIndex index, List<String> symbols, int from, int to,
                                   BacktestConfig config, boolean summary) {
        boolean oneSeries = symbols.size() == 1;
        int points = oneSeries ? to - from : index.dates.length;
        CurveScratch scratch = CurveScratch.claim(points);
        try {
            ExecutionCore core = new ExecutionCore(strategy, symbols, config, commission, slippage, points, scratch);
            core.history(index);
            core.start();
            if (oneSeries) {
                core.runSeries(index, from, to);
            } else {
                core.runPanel(index);
            }
            return summary ? core.finishSummary() : core.finish();
        } finally {
            scratch.release();
        }
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
                (run, i) -> run(run.strategy().get(), index, config),
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
        return SweepRunner.run(List.copyOf(runs), config.parallelism(),
                (run, i) -> runSummary(run.strategy().get(), index, config),
                listener == null ? ProgressListener.NONE : listener);
    }

    /**
     * Runs one strategy over each symbol of a panel on its own: one run per symbol, each with an account of its own
     * holding {@link BacktestConfig#initialCash()}, seeing only that symbol's bars (as if the panel held it alone:
     * its bars are symbol 0, its curve has one point per bar of the symbol). The runs go to
     * {@link BacktestConfig#parallelism()} threads as a {@link #sweep} does: each gets a fresh strategy from the
     * run's factory; a run that throws becomes a {@link RunOutcome.Failed} and the others go on; outcomes come back
     * in the panel's symbol order, each the same whatever the thread count. Each outcome's run is labelled
     * {@code label@symbol}.
     *
     * <p>The panel is indexed once (and remembered while it lives, as for {@link #run}); per-run costs are a strategy,
     * an account, the curve's copy and the metrics, so a universe of short series runs at nearly the speed of one
     * long series.
     *
     * @return one outcome per symbol, in the panel's symbol order
     * @throws IllegalArgumentException if the panel lacks a price column (before any run starts)
     * @throws IllegalStateException if the calling thread is interrupted while waiting for the runs
     */
    public List<RunOutcome> sweepSymbols(StrategyRun run, Panel bars, BacktestConfig config,
                                         ProgressListener listener) {
        return perSymbol(run, bars, config, listener, false);
    }

    /**
     * Runs one strategy over each symbol of a panel on its own, as {@link #sweepSymbols} does, but keeps only each
     * completed run's metrics: its result has no trades and an empty equity curve. For universes too large to hold
     * every curve (4,000 symbols of 1,260 bars hold 80 MB of curves, which the garbage collector copies while the
     * runs go on); re-run the symbols whose curves you want.
     *
     * @return one outcome per symbol, in the panel's symbol order
     * @throws IllegalArgumentException if the panel lacks a price column (before any run starts)
     * @throws IllegalStateException if the calling thread is interrupted while waiting for the runs
     */
    public List<RunOutcome> sweepSymbolSummaries(StrategyRun run, Panel bars, BacktestConfig config,
                                                 ProgressListener listener) {
        return perSymbol(run, bars, config, listener, true);
    }

    private List<RunOutcome> perSymbol(StrategyRun run, Panel bars, BacktestConfig config, ProgressListener listener,
                                       boolean summary) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(config, "config");
        BarIndex index = BarIndex.of(Objects.requireNonNull(bars, "bars"));
        String[] symbols = index.symbols;
        List<StrategyRun> perSymbol = new ArrayList<>(symbols.length);
        for (String symbol : symbols) {
            perSymbol.add(new StrategyRun(run.label() + "@" + symbol, run.params(), run.strategy()));
        }
        return SweepRunner.run(perSymbol, config.parallelism(),
                (r, s) -> runRows(r.strategy().get(), index, List.of(symbols[s]), index.seriesStart[s],
                        index.seriesStart[s + 1], config, summary),
                listener == null ? ProgressListener.NONE : listener);
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
