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
import java.util.Objects;

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
 * <p>Thread-safety: immutable; {@link #run} may be called from any number of threads over one shared panel (each
 * thread records curves into its own reused scratch array).
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
        if (bars.symbolCount() > 1) {
            throw new IllegalArgumentException("the vectorised path runs one symbol, the panel has "
                    + bars.symbolCount() + "; run several symbols sharing cash in the event engine");
        }
        int n = bars.rowCount();
        if (entries.length != n || exits.length != n) {
            throw new IllegalArgumentException("signals: " + entries.length + " entries and " + exits.length
                    + " exits for " + n + " bars");
        }
        BarColumns columns = BarColumns.of(bars);
        double[][] prices = columns.prices("signal backtest", "open", "close", "volume");
        double[] open = prices[0];
        double[] close = prices[1];
        double[] volume = prices[2];
        long[] times = columns.time;
        boolean atClose = config.fill() == FillTiming.CLOSE;
        // the event engine's fill model and books, for one symbol
        Account account = Account.of(config, commission, slippage, 1);
        account.addSymbol(n == 0 ? "" : bars.symbol(0));

        CurveScratch scratch = CurveScratch.claim(n);
        try {
            double[] equity = scratch.equity;
            double pending = 0;            // the quantity of the open market order, 0 if none
            long barsInMarket = 0;
            for (int i = 0; i < n; i++) {
                long now = times[i];
                double c = close[i];
                if (pending != 0) {
                    // a market order from an earlier bar fills at this open, if there is one
                    double o = open[i];
                    if (o == o) {
                        account.fill(0, pending, o, volume[i], now);
                        pending = 0;
                    }
                }
                account.setMark(0, c);
                // the strategy's turn: no new order while one is open
                if ((entries[i] || exits[i]) && pending == 0) {
                    double position = account.position(0);
                    double order = 0;
                    if (entries[i] && position == 0) {
                        double size = sizing.quantity(account.cash(), c);
                        if (size > 0 && Double.isFinite(size)) {
                            order = size;
                        }
                    } else if (exits[i] && position > 0) {
                        order = -position;
                    }
                    if (order != 0) {
                        if (atClose && c == c) {
                            account.fill(0, order, c, volume[i], now);
                        } else {
                            pending = order;
                        }
                    }
                }
                equity[i] = account.equity();
                if (account.inMarket()) {
                    barsInMarket++;
                }
            }
            Metrics metrics = EquityMetrics.compute(i -> times[i], equity, n, account.trades(), barsInMarket,
                    account.tradedValue(), config.initialCash(), config.periodsPerYear());
            return new BacktestResult(account.trades(), new EquityCurve(times, equity), metrics);
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
