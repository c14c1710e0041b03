package dev.quiver.backtest.signal;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.engine.CommissionModel;
import dev.quiver.backtest.engine.SlippageModel;
import dev.quiver.backtest.internal.Account;
import dev.quiver.backtest.internal.BarColumns;
import dev.quiver.backtest.internal.CurveScratch;
import dev.quiver.backtest.internal.EquityMetrics;
import dev.quiver.backtest.internal.Workers;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vectorised fast path for strategies given as signal columns: entries and exits of one symbol go to positions,
 * fills, cash and equity in one loop over primitive columns, with no strategy callback, bar object or order object
 * per bar.
 *
 * <p>The rules are exactly those of the event engine running {@link dev.quiver.backtest.strategy.SignalStrategy}
 * (long only; an entry while flat buys the {@link SignalSizing sizing}'s quantity with a market order; an exit while
 * long sells everything; no new order while one is open; fills at the next open or this close per
 * {@link BacktestConfig#fill()}; the same slippage, commission, marking and bookkeeping), and its results (trades,
 * equity curve, metrics) are identical, bit for bit.
 *
 * <p>Costs, as for {@link dev.quiver.backtest.engine.EventBacktester}: the config's basis points unless models are
 * set on the {@link #builder() builder}.
 *
 * <p>Fills go through the engine's own fill model and books ({@code dev.quiver.backtest.internal.Account}, which
 * {@code ExecutionCore} also fills through): slippage, then commission, cash, positions and trades, one code for both
 * paths.
 *
 * <p>{@link #runSymbols} runs every symbol of a panel on its own, in parallel; the panel's columns are read once
 * and remembered while it lives, so many runs over one panel cost their loops and metrics alone.
 *
 * <p>Thread-safety: immutable; {@link #run} may be called from any number of threads over one shared panel (each
 * thread records curves into its own reused scratch arrays).
 */
public final class SignalBacktester {
    private final CommissionModel commission;
    private final SlippageModel slippage;

    private SignalBacktester(CommissionModel commission, SlippageModel slippage) {
        this.commission = commission;
        this.slippage = slippage;
    }

    /** A backtester whose costs come from each run's config. */
    public static SignalBacktester create() {
        return new SignalBacktester(null, null);
    }

    /** A builder, to set cost models. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs signals over a one-symbol panel.
     *
     * @param bars a panel of one symbol with {@code FLOAT64} open, close and volume columns
     * @param entries one entry signal per bar
     * @param exits one exit signal per bar
     * @throws IllegalArgumentException if the panel has several symbols, lacks a column, or the signals do not have
     *     one value per bar
     */
    public BacktestResult run(Panel bars, boolean[] entries, boolean[] exits, SignalSizing sizing,
                              BacktestConfig config) {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(config, "config");
        requireNoVolumeCap(config);
        if (bars.symbolCount() > 1) {
            throw new IllegalArgumentException("the vectorised path runs one symbol, the panel has "
                    + bars.symbolCount() + "; run several symbols sharing cash in the event engine");
        }
        int n = bars.rowCount();
        if (entries.length != n || exits.length != n) {
            throw new IllegalArgumentException("signals: " + entries.length + " entries and " + exits.length
                    + " exits for " + n + " bars");
        }
        double[][] prices = prices(bars);
        return runRows(prices, BarColumns.of(bars).time, entries, exits, 0, n, n == 0 ? "" : bars.symbol(0), sizing,
                config, false);
    }

    /**
     * Runs signals over each symbol of a panel on its own: one run per symbol, each with an account of its own
     * holding {@link BacktestConfig#initialCash()}, as {@link #run} would over a panel of that symbol alone. The
     * signals are one per row of the panel, so symbol {@code s}'s are at rows {@code [seriesStart(s), seriesEnd(s))}
     * (the panel's symbol-major order). The runs go to {@link BacktestConfig#parallelism()} threads; results come back
     * in the panel's symbol order, each the same whatever the thread count.
     *
     * @param bars a panel with {@code FLOAT64} open, close and volume columns
     * @param entries one entry signal per row of the panel
     * @param exits one exit signal per row of the panel
     * @return one result per symbol, in the panel's symbol order
     * @throws IllegalArgumentException if the panel lacks a column or the signals do not have one value per row
     * @throws IllegalStateException if a run fails (its error is the cause) or the calling thread is interrupted
     */
    public List<BacktestResult> runSymbols(Panel bars, boolean[] entries, boolean[] exits, SignalSizing sizing,
                                           BacktestConfig config) {
        return perSymbol(bars, entries, exits, sizing, config, false);
    }

    /**
     * Runs signals over each symbol of a panel on its own, as {@link #runSymbols} does, but keeps only each run's
     * metrics: its result has no trades and an empty equity curve. For universes too large to hold every curve
     * (4,000 symbols of 1,260 bars hold 80 MB of curves, which the garbage collector copies while the runs go on).
     *
     * @return one result per symbol, in the panel's symbol order
     * @throws IllegalArgumentException if the panel lacks a column or the signals do not have one value per row
     * @throws IllegalStateException if a run fails (its error is the cause) or the calling thread is interrupted
     */
    public List<BacktestResult> runSymbolSummaries(Panel bars, boolean[] entries, boolean[] exits,
                                                   SignalSizing sizing, BacktestConfig config) {
        return perSymbol(bars, entries, exits, sizing, config, true);
    }

    private List<BacktestResult> perSymbol(Panel bars, boolean[] entries, boolean[] exits, SignalSizing sizing,
                                           BacktestConfig config, boolean summary) {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(config, "config");
        requireNoVolumeCap(config);
        int n = bars.rowCount();
        if (entries.length != n || exits.length != n) {
            throw new IllegalArgumentException("signals: " + entries.length + " entries and " + exits.length
                    + " exits for " + n + " rows");
        }
        double[][] prices = prices(bars);
        long[] time = BarColumns.of(bars).time;
        int symbols = bars.symbolCount();
        BacktestResult[] results = new BacktestResult[symbols];
        AtomicInteger done = new AtomicInteger();
        Workers.forEach(symbols, config.parallelism(), "signal-runs", done, s -> {
            results[s] = runRows(prices, time, entries, exits, bars.seriesStart(s), bars.seriesEnd(s),
                    bars.symbol(s), sizing, config, summary);
            done.incrementAndGet();
        });
        return Arrays.asList(results);
    }

    private static void requireNoVolumeCap(BacktestConfig config) {
        if (!Double.isNaN(config.maxVolumeShare())) {
            throw new IllegalArgumentException("the vectorised path fills whole orders; a volume cap ("
                    + config.maxVolumeShare() + " of a bar's volume) needs the event engine");
        }
    }

    private static double[][] prices(Panel bars) {
        return BarColumns.of(bars).prices("signal backtest", "open", "close", "volume");
    }

    /** Rows {@code [from, to)} of the columns, one symbol; a summary keeps the metrics alone. */
    private BacktestResult runRows(double[][] prices, long[] times, boolean[] entries, boolean[] exits, int from,
                                   int to, String symbol, SignalSizing sizing, BacktestConfig config,
                                   boolean summary) {
        double[] open = prices[0];
        double[] close = prices[1];
        double[] volume = prices[2];
        int n = to - from;
        boolean atClose = config.fill() == FillTiming.CLOSE;
        // the event engine's fill model and books, for one symbol
        Account account = Account.of(config, commission, slippage, 1);
        account.addSymbol(symbol);

        CurveScratch scratch = CurveScratch.claim(n);
        try {
            long[] curveTimes = scratch.times;
            double[] equity = scratch.equity;
            double pending = 0;            // the quantity of the open market order, 0 if none
            long barsInMarket = 0;
            int i = 0;
            int r = from;
            while (r < to) {
                if (pending == 0 && !entries[r] && !exits[r]) {
                    // a stretch without orders or signals: the account marks and values its position to the next
                    // signal in a loop of its own
                    int end = r + 1;
                    while (end < to && !entries[end] && !exits[end]) {
                        end++;
                    }
                    boolean held = account.inMarket();
                    long liquidations = account.liquidations();
                    int done = account.closeTimestamps(close, times, r, end, curveTimes, equity, i);
                    if (held) {
                        // a row that liquidated ended out of the market
                        barsInMarket += account.liquidations() != liquidations ? done - 1 : done;
                    }
                    r += done;
                    i += done;
                    continue;
                }
                long now = times[r];
                double c = close[r];
                if (pending != 0) {
                    // a market order from an earlier bar fills at this open, if there is one
                    double o = open[r];
                    if (o == o) {
                        account.fill(0, pending, o, volume[r], now);
                        pending = 0;
                    }
                }
                account.setMark(0, c);
                // the strategy's turn: no new order while one is open
                boolean entry = entries[r];
                boolean exit = exits[r];
                if ((entry || exit) && pending == 0) {
                    double position = account.position(0);
                    double order = 0;
                    if (entry && position == 0) {
                        double size = sizing.quantity(account.cash(), c);
                        if (size > 0 && Double.isFinite(size)) {
                            order = size;
                        }
                    } else if (exit && position > 0) {
                        order = -position;
                    }
                    if (order != 0) {
                        if (atClose && c == c) {
                            account.fill(0, order, c, volume[r], now);
                        } else {
                            pending = order;
                        }
                    }
                }
                curveTimes[i] = now;
                long liquidations = account.liquidations();
                equity[i] = account.closeTimestamp(now);
                if (account.liquidations() != liquidations) {
                    pending = 0;                  // a forced liquidation cancels the open order
                }
                if (account.inMarket()) {
                    barsInMarket++;
                }
                r++;
                i++;
            }
            Metrics metrics = account.annotate(EquityMetrics.compute(k -> curveTimes[k], equity, n, account.trades(),
                    barsInMarket, account.tradedValue(), config.initialCash(), config.periodsPerYear()));
            return summary ? new BacktestResult(List.of(), CurveScratch.NO_CURVE, metrics)
                    : new BacktestResult(account.trades(), new EquityCurve(curveTimes, equity), metrics);
        } finally {
            scratch.release();
        }
    }

    /**
     * Configures a {@link SignalBacktester}.
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
        public SignalBacktester build() {
            return new SignalBacktester(commission, slippage);
        }
    }
}
