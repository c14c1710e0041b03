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
import dev.quiver.api.backtest.Trade;
import dev.quiver.backtest.internal.EquityMetrics;
import java.util.ArrayList;
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
 * {@link #endTimestamp} records the equity after the last bar of a timestamp.
 *
 * <p>Thread-safety: not thread-safe; confined to the run's thread.
 */
final class ExecutionCore implements StrategyContext {
    static final long BEFORE_FIRST_BAR = Long.MIN_VALUE;
    private static final EquityCurve EMPTY_CURVE = new EquityCurve(new long[0], new double[0]);

    private final Strategy strategy;
    private final BacktestConfig config;
    private final FillTiming fillTiming;
    private final CommissionModel commission;
    private final SlippageModel slippage;
    private final BarCursor bar = new BarCursor();

    // symbols (may grow in a live session)
    private String[] symbols;
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    private int symbolCount;

    // the account, per symbol
    private double cash;
    private double[] position;
    private double[] mark;
    private double[] averageEntry;
    private double[] openFees;
    private long[] entryTime;
    private int symbolsWithPosition;

    // orders
    private Order[][] pending;
    private int[] pendingCount;
    private final Map<Long, Order> open = new HashMap<>();
    private long nextOrderId = 1;
    private boolean inBar;
    private long now = BEFORE_FIRST_BAR;

    // results
    private final List<Trade> trades = new ArrayList<>();
    private long[] times;
    private double[] equity;
    private int points;
    private long barsInMarket;
    private double tradedValue;
    private boolean started;
    private boolean finished;

    ExecutionCore(Strategy strategy, List<String> symbols, BacktestConfig config, CommissionModel commission,
                  SlippageModel slippage, int expectedTimestamps) {
        this(strategy, symbols, config, commission, slippage, expectedTimestamps, null);
    }

    /** A core that records its curve into {@code scratch}'s arrays (a summary run), or its own if it is null. */
    ExecutionCore(Strategy strategy, List<String> symbols, BacktestConfig config, CommissionModel commission,
                  SlippageModel slippage, int expectedTimestamps, RunScratch scratch) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.config = Objects.requireNonNull(config, "config");
        this.fillTiming = config.fill();
        this.commission = Objects.requireNonNull(commission, "commission");
        this.slippage = Objects.requireNonNull(slippage, "slippage");
        this.cash = config.initialCash();
        int capacity = Math.max(4, symbols.size());
        this.symbols = new String[capacity];
        this.position = new double[capacity];
        this.mark = new double[capacity];
        this.averageEntry = new double[capacity];
        this.openFees = new double[capacity];
        this.entryTime = new long[capacity];
        this.pending = new Order[capacity][];
        this.pendingCount = new int[capacity];
        Arrays.fill(mark, Double.NaN);
        for (String s : symbols) {
            addSymbol(s);
        }
        int points = Math.max(16, expectedTimestamps);
        if (scratch == null) {
            this.times = new long[points];
            this.equity = new double[points];
        } else {
            if (scratch.times.length < points) {
                scratch.times = new long[points];
                scratch.equity = new double[points];
            }
            this.times = scratch.times;
            this.equity = scratch.equity;
        }
    }

    /** The index of a symbol, adding it if new (live sessions meet symbols as they come). */
    int addSymbol(String symbol) {
        Integer known = symbolIndex.get(symbol);
        if (known != null) {
            return known;
        }
        int s = symbolCount;
        if (s == symbols.length) {
            int n = s * 2;
            symbols = Arrays.copyOf(symbols, n);
            position = Arrays.copyOf(position, n);
            mark = Arrays.copyOf(mark, n);
            Arrays.fill(mark, s, n, Double.NaN);
            averageEntry = Arrays.copyOf(averageEntry, n);
            openFees = Arrays.copyOf(openFees, n);
            entryTime = Arrays.copyOf(entryTime, n);
            pending = Arrays.copyOf(pending, n);
            pendingCount = Arrays.copyOf(pendingCount, n);
        }
        symbols[s] = symbol;
        symbolIndex.put(symbol, s);
        symbolCount++;
        return s;
    }

    /** The index of a known symbol, or -1. */
    int indexOf(String symbol) {
        Integer s = symbolIndex.get(symbol);
        return s == null ? -1 : s;
    }

    String symbol(int s) {
        return symbols[s];
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
        BarCursor b = bar;
        b.set(s, symbols[s], time, o, h, l, c, v);
        if (pendingCount[s] != 0) {
            processOrders(s, time, o, h, l, c, v);
        }
        if (c == c) {
            mark[s] = c;
        }
        inBar = true;
        try {
            strategy.onBar(b, this);
        } finally {
            inBar = false;
        }
    }

    /** Records the equity at the end of the current timestamp. */
    void endTimestamp() {
        if (points == times.length) {
            times = Arrays.copyOf(times, points * 2);
            equity = Arrays.copyOf(equity, points * 2);
        }
        times[points] = now;
        equity[points] = equityNow();
        points++;
        if (symbolsWithPosition != 0) {
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
        // the curve's arrays are exactly full in a historical run (one point per timestamp): no trimming copy
        long[] t = points == times.length ? times : Arrays.copyOf(times, points);
        double[] e = points == equity.length ? equity : Arrays.copyOf(equity, points);
        return new BacktestResult(trades, new EquityCurve(t, e), metrics);
    }

    /** Ends the run keeping only its metrics: no trades, an empty curve (the arrays may be a sweep's scratch). */
    BacktestResult finishSummary() {
        return new BacktestResult(List.of(), EMPTY_CURVE, finishMetrics());
    }

    private Metrics finishMetrics() {
        if (!finished) {
            finished = true;
            strategy.onFinish(this);
        }
        long[] t = times;
        return EquityMetrics.compute(i -> t[i], equity, points, trades, barsInMarket, tradedValue,
                config.initialCash(), config.periodsPerYear());
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

    /** Fills an order at a raw price (before slippage); false if the price is not a number. */
    private boolean fillAt(Order order, double rawPrice, double volume) {
        if (rawPrice != rawPrice) {
            return false;
        }
        double price = slippage.fillPrice(rawPrice, order.quantity, volume);
        if (order.type == OrderType.LIMIT || order.type == OrderType.STOP_LIMIT) {
            price = order.isBuy() ? Math.min(price, order.limit) : Math.max(price, order.limit);
        }
        apply(order.symbol, order.quantity, price, now);
        return true;
    }

    /** Books a fill: cash, fees, the position and any trade it closes. */
    private void apply(int s, double quantity, double price, long time) {
        double fee = commission.fee(quantity, price);
        cash -= quantity * price + fee;
        tradedValue += Math.abs(quantity * price);
        if (mark[s] != mark[s]) {
            mark[s] = price;
        }
        double pos = position[s];
        if (pos == 0 || (pos > 0) == (quantity > 0)) {
            double size = Math.abs(pos + quantity);
            averageEntry[s] = pos == 0 ? price
                    : (averageEntry[s] * Math.abs(pos) + price * Math.abs(quantity)) / size;
            if (pos == 0) {
                entryTime[s] = time;
                symbolsWithPosition++;
            }
            openFees[s] += fee;
            position[s] = pos + quantity;
            return;
        }
        double closing = Math.min(Math.abs(quantity), Math.abs(pos));
        double closed = pos > 0 ? closing : -closing;
        double entryFees = closing == Math.abs(pos) ? openFees[s] : openFees[s] * (closing / Math.abs(pos));
        double exitFees = closing == Math.abs(quantity) ? fee : fee * (closing / Math.abs(quantity));
        double entry = averageEntry[s];
        double fees = entryFees + exitFees;
        double profit = (price - entry) * closed - fees;
        trades.add(new Trade(symbols[s], entryTime[s], time, entry, price, closed, profit,
                profit / Math.abs(entry * closed), fees));
        double remaining = Math.abs(quantity) - closing;
        if (closing == Math.abs(pos)) {
            position[s] = 0;
            openFees[s] = 0;
            averageEntry[s] = 0;
            symbolsWithPosition--;
            if (remaining > 0) {
                // the fill went through zero: the rest opens a position the other way
                position[s] = quantity > 0 ? remaining : -remaining;
                averageEntry[s] = price;
                entryTime[s] = time;
                openFees[s] = fee - exitFees;
                symbolsWithPosition++;
            }
        } else {
            position[s] = pos + quantity;
            openFees[s] -= entryFees;
        }
    }

    private double equityNow() {
        double value = cash;
        if (symbolsWithPosition != 0) {
            double[] pos = position;
            double[] m = mark;
            for (int s = 0; s < symbolCount; s++) {
                if (pos[s] != 0) {
                    value += pos[s] * m[s];
                }
            }
        }
        return value;
    }

    // ---- StrategyContext ----

    @Override
    public double cash() {
        return cash;
    }

    @Override
    public double equity() {
        return equityNow();
    }

    @Override
    public double position(String symbol) {
        Integer s = symbolIndex.get(symbol);
        return s == null ? 0 : position[s];
    }

    @Override
    public long submit(OrderRequest request) {
        Objects.requireNonNull(request, "order");
        return place(nextOrderId++, request);
    }

    private long place(long id, OrderRequest request) {
        int s = requireSymbol(request.symbol());
        long submitTime = inBar ? bar.time : now;
        if (inBar && fillTiming == FillTiming.CLOSE && request.type() == OrderType.MARKET && s == bar.symbolIndex
                && bar.close == bar.close) {
            double price = slippage.fillPrice(bar.close, request.quantity(), bar.volume);
            apply(s, request.quantity(), price, bar.time);
            return id;
        }
        Order order = new Order(id, s, request, submitTime, mark[s]);
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
        if (!symbols[order.symbol].equals(request.symbol())) {
            throw new IllegalArgumentException("order " + orderId + " is for " + symbols[order.symbol]
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
        Integer s = symbolIndex.get(symbol);
        if (s == null) {
            List<String> known = Arrays.asList(symbols).subList(0, symbolCount);
            throw new IllegalArgumentException("order for unknown symbol '" + symbol + "'; the data has "
                    + (known.size() <= 20 ? known : known.subList(0, 20) + " and " + (known.size() - 20) + " more"));
        }
        return s;
    }
}
