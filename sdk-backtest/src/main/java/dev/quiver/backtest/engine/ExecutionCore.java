package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.api.backtest.OrderType;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.backtest.TimeInForce;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.backtest.internal.Account;
import dev.quiver.backtest.internal.BatchColumns;
import dev.quiver.backtest.internal.CurveScratch;
import dev.quiver.backtest.internal.EquityMetrics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The account, the order book and the bookkeeping of one run: what both the historical driver
 * ({@link EventBacktester}) and the live driver ({@link LiveSession}) feed bars into, so that one strategy behaves
 * the same in both.
 *
 * <h2>One bar</h2>
 * {@link #step} for a bar of symbol {@code s} at time {@code t}:
 * <ol>
 *   <li>the symbol's open orders are checked against the bar, oldest first: those submitted at an earlier
 *       timestamp against its open, high and low (a gap fills at the open); a market order submitted at {@code t}
 *       for this symbol (while another symbol's bar was current) fills at this close under {@link FillTiming#CLOSE};
 *       a {@code DAY} order that had its bar and did not fill expires;</li>
 *   <li>the symbol's mark price becomes the close (if it is a number);</li>
 *   <li>the strategy sees the bar; under {@code CLOSE} a market order for the bar's own symbol fills at once at the
 *       close, every other order waits for a later bar.</li>
 * </ol>
 * {@link #endTimestamp} ends a timestamp after its last bar: the strategy's {@code onTimestamp} (if it has one), then
 * the account's end of timestamp (borrow cost, the maintenance check and a forced liquidation, which also cancels every
 * open order), then the equity point.
 *
 * <p>A volume cap ({@link BacktestConfig#maxVolumeShare()}) limits each fill to that share of its bar's volume; the
 * rest of a {@code GTC} order keeps working, of a {@code DAY} order until its bar ends, of an {@code IOC} order is
 * cancelled. A fill the account rejects or reduces for want of buying power ends its order.
 *
 * <p>Thread-safety: not thread-safe; confined to the run's thread.
 */
final class ExecutionCore implements StrategyContext, BatchColumns {
    static final long BEFORE_FIRST_BAR = Long.MIN_VALUE;
    

    private final Strategy strategy;
    private final BacktestConfig config;
    private final FillTiming fillTiming;
    private final BarCursor bar = new BarCursor();
    /** Whether the strategy overrides {@code onTimestamp} (checked once, so others pay nothing per timestamp). */
    private final boolean timestampHook;
    private boolean inHook;
    /** The volume cap, a share of the bar's volume; NaN for none. */
    private final double maxVolumeShare;
    private final boolean volumeCap;
    // the last bar's time and volume per symbol, kept only for a strategy with a timestamp hook
    private long[] lastTime = new long[0];
    private double[] lastVolume = new double[0];

    // symbols (may grow in a live session)
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    /** The account and the fill model, shared with the vectorised path. */
    private final Account account;

    // orders
    private Order[][] pending;
    private int[] pendingCount;
    private final OpenOrders open = new OpenOrders();
    private long nextOrderId = 1;
    private boolean inBar;
    private long now = BEFORE_FIRST_BAR;

    // results
    private long[] times;
    private double[] equity;
    private int points;
    private long barsInMarket;
    private boolean started;
    private boolean finished;
    /** The panel's index of a historical run, for {@link #batchColumn}; null in a live session. */
    private BarIndex history;

    ExecutionCore(Strategy strategy, List<String> symbols, BacktestConfig config, CommissionModel commission,
                  SlippageModel slippage, int expectedTimestamps) {
        this(strategy, symbols, config, commission, slippage, expectedTimestamps, null);
    }

    /**
     * A core whose costs are these models, or where one is {@code null} the config's basis points, and that records
     * its curve into {@code scratch}'s arrays (a historical run, whose timestamps are known), or
     * into arrays of its own, grown as needed, if it is null (a live session).
     */
    ExecutionCore(Strategy strategy, List<String> symbols, BacktestConfig config, CommissionModel commission,
                  SlippageModel slippage, int expectedTimestamps, CurveScratch scratch) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.config = Objects.requireNonNull(config, "config");
        this.fillTiming = config.fill();
        this.timestampHook = overridesOnTimestamp(strategy.getClass());
        this.maxVolumeShare = config.maxVolumeShare();
        this.volumeCap = !Double.isNaN(maxVolumeShare);
        int capacity = Math.max(4, symbols.size());
        this.account = Account.of(config, commission, slippage, capacity);
        this.pending = new Order[capacity][];
        this.pendingCount = new int[capacity];
        for (String s : symbols) {
            addSymbol(s);
        }
        if (scratch == null) {
            int points = Math.max(16, expectedTimestamps);
            this.times = new long[points];
            this.equity = new double[points];
        } else {
            this.times = scratch.times;
            this.equity = scratch.equity;
        }
    }

    /** Whether a strategy class overrides {@code onTimestamp}: looked up once per class, not once per run. */
    private static final ClassValue<Boolean> HAS_TIMESTAMP_HOOK = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("onTimestamp", long.class, StrategyContext.class).getDeclaringClass()
                        != Strategy.class;
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
    };

    private static boolean overridesOnTimestamp(Class<?> type) {
        return HAS_TIMESTAMP_HOOK.get(type);
    }

    /** The index of a symbol, adding it if new (live sessions meet symbols as they come). */
    int addSymbol(String symbol) {
        Integer known = symbolIndex.get(symbol);
        if (known != null) {
            return known;
        }
        int s = account.symbolCount();
        if (s == pending.length) {
            pending = Arrays.copyOf(pending, s * 2);
            pendingCount = Arrays.copyOf(pendingCount, s * 2);
        }
        account.addSymbol(symbol);
        symbolIndex.put(symbol, s);
        if (timestampHook && s >= lastTime.length) {
            lastTime = Arrays.copyOf(lastTime, Math.max(4, 2 * s + 1));
            lastVolume = Arrays.copyOf(lastVolume, lastTime.length);
            Arrays.fill(lastTime, s, lastTime.length, BEFORE_FIRST_BAR);
        }
        return s;
    }

    /** The index of a known symbol, or -1. */
    int indexOf(String symbol) {
        Integer s = symbolIndex.get(symbol);
        return s == null ? -1 : s;
    }

    String symbol(int s) {
        return account.symbol(s);
    }

    /** Makes this a historical run over this index: its strategy may read batch columns over the panel. */
    void history(BarIndex index) {
        this.history = index;
    }

    @Override
    public double[] batchColumn(FeatureKernel kernel) {
        return history == null ? null : history.column(Objects.requireNonNull(kernel, "kernel"));
    }

    @Override
    public byte[] batchCrossings(FeatureKernel a, FeatureKernel b) {
        return history == null ? null
                : history.crossings(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"));
    }

    /** Calls the strategy's {@code onStart}, once. */
    void start() {
        if (!started) {
            started = true;
            strategy.onStart(this);
        }
    }

    /** Starts a timestamp; bars of it follow, then {@link #endTimestamp}. */
    void beginTimestamp(long time) {
        now = time;
    }

    /** Processes one bar (see the class comment). */
    void step(int s, long time, double o, double h, double l, double c, double v) {
        arrive(s, time, o, h, l, c, v);
        inBar = true;
        try {
            strategy.onBar(bar, this);
        } finally {
            inBar = false;
        }
    }

    /**
     * Rows {@code [from, to)} of an index, one bar per timestamp, all of this run's symbol 0 (a one-symbol panel, or
     * one symbol's rows of a larger one), each timestamp ended after its bar: what {@link #beginTimestamp},
     * {@link #step} and {@link #endTimestamp} do per row, in one loop.
     *
     * <p>The historical loops call the strategy themselves, not through {@code step}, so that the engine's own
     * per-bar work compiles into the loop whatever the size of the strategy's code (a {@code step} with a large
     * strategy inlined into it is too big to inline into its caller). Nor do they reset the in-bar flag in a
     * {@code finally}: a strategy that throws ends a historical run, and its core is dropped.
     *
     * <p>The loop keeps as few values as it can: a call on a rare path (an order, a strategy's signal) makes C2 keep
     * the loop's values on the stack, and each one costs a reload per bar (with twelve, this loop ran at half the
     * speed). So the symbol is set once, the open, high, low and volume are read only by the rare paths that need
     * them (through the cursor, which is at the row), and the curve's times, the rows' own, are copied after the
     * loop.
     */
    void runSeries(BarIndex index, int from, int to) {
        double[] close = index.close;
        long[] time = index.time;
        BarCursor b = bar;
        b.view(index);
        b.symbolIndex = 0;
        b.symbol = account.symbol(0);
        ensureCurve(to - from);
        double[] curve = equity;
        int shift = points - from;
        long inMarket = barsInMarket;
        for (int r = from; r < to; r++) {
            long t = time[r];
            now = t;
            b.at = r;
            if (pendingCount[0] != 0) {
                processOrders(0, t, b.open(), b.high(), b.low(), b.close(), b.volume());
            }
            account.setMark(0, close[r]);
            if (timestampHook) {
                lastTime[0] = t;
                lastVolume[0] = b.volume();
            }
            inBar = true;
            strategy.onBar(b, this);
            inBar = false;
            curve[r + shift] = closeTimestamp(t);
            if (account.inMarket()) {
                inMarket++;
            }
        }
        System.arraycopy(time, from, times, points, to - from);
        points += to - from;
        barsInMarket = inMarket;
    }

    /** Makes room in the curve's arrays for {@code more} points. */
    private void ensureCurve(int more) {
        if (times.length - points < more) {
            times = Arrays.copyOf(times, points + more);
            equity = Arrays.copyOf(equity, points + more);
        }
    }

    /** The strategy's {@code onTimestamp}, for a strategy that has one. */
    private void hook() {
        inHook = true;
        strategy.onTimestamp(now, this);
        inHook = false;
    }

    /** Every bar of a several-symbol index, by timestamp, then symbol (see {@link #runSeries}). */
    void runPanel(BarIndex index) {
        long[] dates = index.dates;
        int[] dateEnd = index.dateEnd;
        int[] rows = index.rows;
        int[] symbolOf = index.symbolOfVisit;
        bar.view(index);
        int k = 0;
        for (int d = 0; d < dates.length; d++) {
            long t = dates[d];
            now = t;
            for (int end = dateEnd[d]; k < end; k++) {
                int row = rows[k];
                bar.at = row;
                arrived(symbolOf[k], t, index.open[row], index.high[row], index.low[row], index.close[row],
                        index.volume[row]);
                inBar = true;
                strategy.onBar(bar, this);
                inBar = false;
            }
            endTimestamp();
        }
    }

    /** A live bar arrives: the cursor shows it, the symbol's open orders meet it, the close becomes the mark. */
    private void arrive(int s, long time, double o, double h, double l, double c, double v) {
        bar.set(time, o, h, l, c, v);
        arrived(s, time, o, h, l, c, v);
    }

    /**
     * A bar whose values the cursor shows arrives (the cursor at its row of a historical index, or holding a live
     * bar): the symbol's open orders meet it, the close becomes the mark.
     */
    private void arrived(int s, long time, double o, double h, double l, double c, double v) {
        BarCursor b = bar;
        if (b.symbol == null || b.symbolIndex != s) {
            // one store of the name per change of symbol, not per bar
            b.symbolIndex = s;
            b.symbol = account.symbol(s);
        }
        if (pendingCount[s] != 0) {
            processOrders(s, time, o, h, l, c, v);
        }
        account.setMark(s, c);
        if (timestampHook) {
            lastTime[s] = time;
            lastVolume[s] = v;
        }
    }

    /**
     * Ends timestamp {@code t} up to its equity point: the strategy's {@code onTimestamp} (if it has one), the
     * account's end of timestamp, the cancels of a forced liquidation; returns the equity.
     */
    private double closeTimestamp(long t) {
        if (timestampHook) {
            hook();
        }
        long liquidations = account.liquidations();
        double value = account.closeTimestamp(t);
        if (account.liquidations() != liquidations) {
            cancelAll();
        }
        return value;
    }

    /** Ends the current timestamp (see the class comment) and records its equity. */
    void endTimestamp() {
        double value = closeTimestamp(now);
        if (points == times.length) {
            times = Arrays.copyOf(times, points * 2);
            equity = Arrays.copyOf(equity, points * 2);
        }
        times[points] = now;
        equity[points] = value;
        points++;
        if (account.inMarket()) {
            barsInMarket++;
        }
    }

    long now() {
        return now;
    }

    int points() {
        return points;
    }

    /** Ends the run: the strategy's {@code onFinish}, then the result. */
    BacktestResult finish() {
        Metrics metrics = finishMetrics();
        // a historical run's arrays are exactly full (one point per timestamp): the curve's own copy is the only one
        long[] t = points == times.length ? times : Arrays.copyOf(times, points);
        double[] e = points == equity.length ? equity : Arrays.copyOf(equity, points);
        return new BacktestResult(account.trades(), new EquityCurve(t, e), metrics);
    }

    /** Ends the run keeping only its metrics: no trades, an empty curve (the arrays may be a sweep's scratch). */
    BacktestResult finishSummary() {
        return new BacktestResult(List.of(), CurveScratch.NO_CURVE, finishMetrics());
    }

    private Metrics finishMetrics() {
        if (!finished) {
            finished = true;
            strategy.onFinish(this);
        }
        long[] t = times;
        return account.annotate(EquityMetrics.compute(i -> t[i], equity, points, account.trades(), barsInMarket,
                account.tradedValue(), config.initialCash(), config.periodsPerYear()));
    }

    /** Cancels every open order (a forced liquidation). */
    private void cancelAll() {
        for (int s = 0; s < pending.length; s++) {
            Order[] list = pending[s];
            for (int i = 0; i < pendingCount[s]; i++) {
                open.remove(list[i].id);
                list[i] = null;
            }
            pendingCount[s] = 0;
        }
    }

    // ---- orders against a bar ----

    private void processOrders(int s, long time, double o, double h, double l, double c, double v) {
        Order[] list = pending[s];
        int count = pendingCount[s];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            Order order = list[i];
            boolean done;
            if (order.submitTime >= time) {
                // submitted at this timestamp while another symbol's bar was current
                done = order.type == OrderType.MARKET && fillTiming == FillTiming.CLOSE && order.submitTime == time
                        && fillAt(order, c, v);
            } else {
                done = evaluate(order, o, h, l, c, v) || order.timeInForce == TimeInForce.DAY;
            }
            if (done) {
                open.remove(order.id);
            } else {
                list[kept++] = order;
            }
        }
        Arrays.fill(list, kept, count, null);
        pendingCount[s] = kept;
    }

    /** Checks an order against a bar after its submission; whether it filled. */
    private boolean evaluate(Order order, double o, double h, double l, double c, double v) {
        boolean buy = order.isBuy();
        switch (order.type) {
            case MARKET:
                return fillAt(order, o, v);
            case LIMIT:
                return limitFill(order, buy, order.limit, o, h, l, v);
            case STOP:
                if (buy ? o >= order.stop : o <= order.stop) {
                    return fillAt(order, o, v);             // gapped through the stop: the open
                }
                if (buy ? h >= order.stop : l <= order.stop) {
                    return fillAt(order, order.stop, v);
                }
                return false;
            case STOP_LIMIT:
                if (order.triggered) {
                    return limitFill(order, buy, order.limit, o, h, l, v);
                }
                if (buy ? o >= order.stop : o <= order.stop) {
                    order.triggered = true;                 // triggered at the open: a limit order from the open on
                    return limitFill(order, buy, order.limit, o, h, l, v);
                }
                if (buy ? h >= order.stop : l <= order.stop) {
                    order.triggered = true;
                    // the price stood at the stop when it triggered: marketable only if the stop is within the
                    // limit; otherwise the bar's path after the trigger is unknown, so it waits for the next bar
                    if (buy ? order.stop <= order.limit : order.stop >= order.limit) {
                        return limitFill(order, buy, order.limit, order.stop, order.stop, order.stop, v);
                    }
                }
                return false;
            case TRAILING_STOP:
                return trailingStop(order, buy, o, h, l, v);
            default:
                throw new AssertionError(order.type);
        }
    }

    private boolean limitFill(Order order, boolean buy, double limit, double o, double h, double l, double v) {
        if (buy ? o <= limit : o >= limit) {
            return fillAt(order, o, v);                     // opened at or through the limit: the better open
        }
        if (buy ? l <= limit : h >= limit) {
            return fillAt(order, limit, v);
        }
        return false;
    }

    private boolean trailingStop(Order order, boolean buy, double o, double h, double l, double v) {
        if (order.extreme != order.extreme) {
            // no reference price at submission (no close yet): trail from this bar, trigger from the next one
            order.extreme = buy ? l : h;
            return false;
        }
        double level = buy ? order.extreme + order.stop : order.extreme - order.stop;
        if (buy ? o >= level : o <= level) {
            return fillAt(order, o, v);
        }
        if (buy ? h >= level : l <= level) {
            return fillAt(order, level, v);
        }
        // not triggered: trail the bar's extreme only now, since within a bar the order of high and low is unknown
        if (buy) {
            if (l < order.extreme) {
                order.extreme = l;
            }
        } else if (h > order.extreme) {
            order.extreme = h;
        }
        return false;
    }

    /**
     * Fills an order at a raw price (before slippage), within the volume cap and buying power; whether the order is
     * done: filled, or rejected or reduced by the account, or partly filled with {@code IOC}. False if the price is
     * not a number, or a partial fill leaves the rest working.
     */
    private boolean fillAt(Order order, double rawPrice, double volume) {
        if (rawPrice != rawPrice) {
            return false;
        }
        double q = order.quantity;
        if (volumeCap && volume == volume) {
            double cap = maxVolumeShare * volume;
            if (Math.abs(q) > cap) {
                if (!(cap > 0)) {
                    return order.timeInForce == TimeInForce.IOC;
                }
                q = q > 0 ? cap : -cap;
            }
        }
        double price = account.fillPrice(rawPrice, q, volume);
        if (order.type == OrderType.LIMIT || order.type == OrderType.STOP_LIMIT) {
            price = order.isBuy() ? Math.min(price, order.limit) : Math.max(price, order.limit);
        }
        double filled = account.execute(order.symbol, q, price, now);
        if (filled != q || q == order.quantity) {
            return true;
        }
        order.quantity -= q;
        return order.timeInForce == TimeInForce.IOC;
    }

    // ---- StrategyContext ----

    @Override
    public double cash() {
        return account.cash();
    }

    @Override
    public double equity() {
        return account.equity();
    }

    @Override
    public int symbolCount() {
        return account.symbolCount();
    }

    @Override
    public double position(String symbol) {
        // the current bar's own symbol, the usual question, without a look-up
        if (inBar && symbol == bar.symbol) {
            return account.position(bar.symbolIndex);
        }
        Integer s = symbolIndex.get(symbol);
        return s == null ? 0 : account.position(s);
    }

    @Override
    public long submit(OrderRequest request) {
        Objects.requireNonNull(request, "order");
        return place(nextOrderId++, request);
    }

    private long place(long id, OrderRequest request) {
        int s = requireSymbol(request.symbol());
        long submitTime = inBar ? bar.time() : now;
        Order order = null;
        if (fillTiming == FillTiming.CLOSE && request.type() == OrderType.MARKET) {
            double close = inBar ? bar.close() : Double.NaN;
            if (inBar && s == bar.symbolIndex && close == close) {
                if (!volumeCap) {
                    account.fill(s, request.quantity(), close, bar.volume(), bar.time());
                    return id;
                }
                order = new Order(id, s, request, submitTime, account.mark(s));
                if (fillAt(order, close, bar.volume())) {
                    return id;
                }
            } else if (inHook && lastTime[s] == now && account.mark(s) == account.mark(s)) {
                // the end of a timestamp: the symbol's close of this timestamp is its mark
                order = new Order(id, s, request, submitTime, account.mark(s));
                if (fillAt(order, account.mark(s), lastVolume[s])) {
                    return id;
                }
            }
        }
        if (order == null) {
            order = new Order(id, s, request, submitTime, account.mark(s));
        }
        Order[] list = pending[s];
        int count = pendingCount[s];
        if (list == null) {
            list = new Order[4];
            pending[s] = list;
        } else if (count == list.length) {
            list = Arrays.copyOf(list, count * 2);
            pending[s] = list;
        }
        list[count] = order;
        pendingCount[s] = count + 1;
        open.put(id, order);
        return id;
    }

    @Override
    public boolean cancel(long orderId) {
        Order order = open.remove(orderId);
        if (order == null) {
            return false;
        }
        unlink(order);
        return true;
    }

    @Override
    public boolean replace(long orderId, OrderRequest request) {
        Objects.requireNonNull(request, "order");
        Order order = open.get(orderId);
        if (order == null) {
            return false;
        }
        if (!account.symbol(order.symbol).equals(request.symbol())) {
            throw new IllegalArgumentException("order " + orderId + " is for " + account.symbol(order.symbol)
                    + "; a replacement must be for the same symbol, not " + request.symbol());
        }
        open.remove(orderId);
        unlink(order);
        place(orderId, request);
        return true;
    }

    @Override
    public boolean isOpen(long orderId) {
        return open.containsKey(orderId);
    }

    private void unlink(Order order) {
        Order[] list = pending[order.symbol];
        int count = pendingCount[order.symbol];
        for (int i = 0; i < count; i++) {
            if (list[i] == order) {
                System.arraycopy(list, i + 1, list, i, count - i - 1);
                list[count - 1] = null;
                pendingCount[order.symbol] = count - 1;
                return;
            }
        }
    }

    private int requireSymbol(String symbol) {
        if (inBar && symbol == bar.symbol) {
            return bar.symbolIndex;
        }
        Integer s = symbolIndex.get(symbol);
        if (s == null) {
            List<String> known = account.symbols();
            throw new IllegalArgumentException("order for unknown symbol '" + symbol + "'; the data has "
                    + (known.size() <= 20 ? known : known.subList(0, 20) + " and " + (known.size() - 20) + " more"));
        }
        return s;
    }
}
