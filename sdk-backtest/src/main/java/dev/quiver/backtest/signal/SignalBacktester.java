package dev.quiver.backtest.signal;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.Trade;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.engine.CommissionModel;
import dev.quiver.backtest.engine.SlippageModel;
import dev.quiver.backtest.internal.ColumnArrays;
import dev.quiver.backtest.internal.EquityMetrics;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
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
    /** Curves up to this length are recorded into a per-thread array, reused run after run. */
    private static final int MAX_CACHED_SCRATCH = 1 << 20;
    private static final ThreadLocal<double[]> EQUITY = ThreadLocal.withInitial(() -> new double[0]);

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
        Table t = bars.table();
        // plain arrays (the columns' own where they are heap arrays): a segment read per value costs more than the
        // bookkeeping around it
        double[] open = ColumnArrays.doubles(priceColumn(t, "open"), n);
        double[] close = ColumnArrays.doubles(priceColumn(t, "close"), n);
        double[] volume = ColumnArrays.doubles(priceColumn(t, "volume"), n);
        long[] times = ColumnArrays.longs(t.int64(bars.timeColumn()).data(), n);
        String symbol = n == 0 ? "" : bars.symbol(0);
        CommissionModel fees = commission != null ? commission : CommissionModel.bps(config.commissionBps(), 0);
        SlippageModel slip = slippage != null ? slippage : SlippageModel.fixedBps(config.slippageBps());
        boolean atClose = config.fill() == FillTiming.CLOSE;

        double[] equity = scratch(n);  // the curve copies it
        List<Trade> trades = new ArrayList<>();
        double cash = config.initialCash();
        double position = 0;
        double mark = Double.NaN;
        double entryPrice = 0;
        double openFees = 0;
        long entryTime = 0;
        double pending = 0;            // the quantity of the open market order, 0 if none
        long barsInMarket = 0;
        double traded = 0;

        for (int i = 0; i < n; i++) {
            long now = times[i];
            double c = close[i];
            double q = 0;              // the quantity to fill now, if any
            double raw = Double.NaN;
            double v = Double.NaN;
            if (pending != 0) {
                double o = open[i];
                if (o == o) {
                    q = pending;
                    raw = o;
                    v = volume[i];
                    pending = 0;
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                if (q != 0) {
                    double price = slip.fillPrice(raw, q, v);
                    double fee = fees.fee(q, price);
                    cash -= q * price + fee;
                    traded += Math.abs(q * price);
                    if (mark != mark) {
                        mark = price;
                    }
                    if (position == 0) {
                        entryPrice = price;
                        entryTime = now;
                        openFees = fee;
                        position = q;
                    } else {
                        double closed = position;
                        double fees2 = openFees + fee;
                        double profit = (price - entryPrice) * closed - fees2;
                        trades.add(new Trade(symbol, entryTime, now, entryPrice, price, closed, profit,
                                profit / Math.abs(entryPrice * closed), fees2));
                        position = 0;
                        openFees = 0;
                        entryPrice = 0;
                    }
                    q = 0;
                }
                if (pass == 1) {
                    break;
                }
                // the strategy's turn: the mark is this close, then the signals
                if (c == c) {
                    mark = c;
                }
                boolean entry = entries[i];
                boolean exit = exits[i];
                if ((entry || exit) && pending == 0) {
                    double order = 0;
                    if (entry && position == 0) {
                        double size = sizing.quantity(cash, c);
                        if (size > 0 && Double.isFinite(size)) {
                            order = size;
                        }
                    } else if (exit && position > 0) {
                        order = -position;
                    }
                    if (order != 0) {
                        if (atClose && c == c) {
                            q = order;
                            raw = c;
                            v = volume[i];
                        } else {
                            pending = order;
                        }
                    }
                }
            }
            equity[i] = position != 0 ? cash + position * mark : cash;
            if (position != 0) {
                barsInMarket++;
            }
        }
        Metrics metrics = EquityMetrics.compute(i -> times[i], equity, n, trades, barsInMarket, traded,
                config.initialCash(), config.periodsPerYear());
        EquityCurve curve = new EquityCurve(times, equity);
        return new BacktestResult(trades, curve, metrics);
    }

    private static double[] scratch(int n) {
        double[] equity = EQUITY.get();
        if (equity.length == n) {
            return equity;
        }
        equity = new double[n];
        if (n <= MAX_CACHED_SCRATCH) {
            EQUITY.set(equity);
        }
        return equity;
    }

    private static MemorySegment priceColumn(Table table, String name) {
        if (!table.schema().contains(name)) {
            throw new IllegalArgumentException("signal backtest: the panel has no '" + name + "' column; its columns"
                    + " are " + table.schema().names());
        }
        Column c = table.column(name);
        if (c.type() != ColumnType.FLOAT64) {
            throw new IllegalArgumentException("signal backtest: column '" + name + "' is " + c.type()
                    + "; prices must be FLOAT64");
        }
        return c.data();
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
