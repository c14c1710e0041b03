package dev.quiver.backtest.internal;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BuyingPowerPolicy;
import dev.quiver.api.backtest.Trade;
import dev.quiver.backtest.engine.CommissionModel;
import dev.quiver.backtest.engine.SlippageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fill model and the books of one run: one cash account, a position per symbol, and the trades they close. The
 * event engine's {@code ExecutionCore} and the vectorised {@code SignalBacktester} both fill through it, so a fill
 * costs, moves cash and closes trades the same way in both.
 *
 * <h2>A fill</h2>
 * {@link #fillPrice} applies the {@link SlippageModel} to the raw price (an open, a close, a stop or limit level);
 * {@link #book} then charges the {@link CommissionModel}'s fee on the signed quantity at that price, moves
 * {@code quantity * price + fee} out of cash, adds {@code |quantity * price|} to the traded value, and:
 * <ul>
 *   <li>opening or adding to a position: the average entry price is weighted by quantity, the fee waits in the
 *       position's open fees, the entry time is the first fill's;</li>
 *   <li>reducing or closing: a {@link Trade} of the closed quantity, its fees the entry fees in proportion to the
 *       quantity closed plus the exit fee in proportion to the part of this fill that closes; a fill through zero
 *       opens the rest the other way at this price, with the rest of its fee.</li>
 * </ul>
 * A symbol with no mark yet (no close seen) is marked at its first fill's price.
 *
 * <h2>Margin</h2>
 * {@link #execute} checks buying power before it books: with {@code E} the equity, {@code R} the initial margin of
 * the other symbols' positions at their marks ({@code |position| * mark * initial margin of its side}), a fill of
 * {@code q} at {@code p} is allowed when {@code E - fee + q * (mark - p) >= R + |new position| * p * initial margin}
 * (a fill that only reduces a position always is). Otherwise the {@link BuyingPowerPolicy} rejects it (nothing is
 * booked) or reduces it to the largest quantity that passes (the fee taken as proportional to the quantity for
 * that). The positions' value and initial margin are running sums kept by {@link #setMark} and the fills, so a check
 * costs the same whatever the number of symbols; {@link #closeTimestamp} recomputes them exactly. {@link #closeTimestamp} ends a timestamp: it charges every short its borrow cost
 * ({@code |position| * mark * borrowRate / periodsPerYear}, kept with the position and attributed to its trades as
 * fees are), then compares equity with the maintenance requirement ({@code sum |position| * mark * maintenance
 * margin}); below it, every position is closed at its mark (after slippage, with commission) in symbol order, the
 * trades marked as liquidations.
 *
 * <p>Thread-safety: not thread-safe; confined to the run's thread.
 */
public final class Account {
    private final CommissionModel commission;
    private final SlippageModel slippage;

    private String[] names;
    private int symbolCount;
    private double cash;
    private double[] position;
    private double[] mark;
    private double[] averageEntry;
    private double[] openFees;
    private long[] entryTime;
    private int withPosition;
    private double tradedValue;
    private final List<Trade> trades = new ArrayList<>();

    private final double longInitial;
    private final double longMaintenance;
    private final double shortInitial;
    private final double shortMaintenance;
    private final double borrowPerBar;
    private final boolean reduce;
    private double[] openBorrow;
    private int shorts;
    // running sums over the positions, so that a fill's buying-power check is O(1): the positions' value and their
    // initial margin at the marks (recomputed exactly at every end of timestamp, so rounding cannot build up)
    private double openValue;
    private double openInitial;
    private double borrowPaid;
    private long rejected;
    private long reduced;
    private long liquidations;

    /**
     * The account of a run under {@code config}: its initial cash, and these cost models, or where one is
     * {@code null} the config's basis points ({@link CommissionModel#bps} of {@link BacktestConfig#commissionBps()},
     * {@link SlippageModel#fixedBps} of {@link BacktestConfig#slippageBps()}); room for {@code capacity} symbols (it
     * grows as symbols are added).
     */
    public static Account of(BacktestConfig config, CommissionModel commission, SlippageModel slippage, int capacity) {
        return new Account(config,
                commission != null ? commission : CommissionModel.bps(config.commissionBps(), 0),
                slippage != null ? slippage : SlippageModel.fixedBps(config.slippageBps()), capacity);
    }

    private Account(BacktestConfig config, CommissionModel commission, SlippageModel slippage, int capacity) {
        this.cash = config.initialCash();
        this.longInitial = config.longInitialMargin();
        this.longMaintenance = config.longMaintenanceMargin();
        this.shortInitial = config.shortInitialMargin();
        this.shortMaintenance = config.shortMaintenanceMargin();
        this.borrowPerBar = config.borrowRate() / config.periodsPerYear();
        this.reduce = config.buyingPowerPolicy() == BuyingPowerPolicy.REDUCE;
        this.commission = commission;
        this.slippage = slippage;
        int n = Math.max(1, capacity);
        this.names = new String[n];
        this.position = new double[n];
        this.mark = new double[n];
        this.averageEntry = new double[n];
        this.openFees = new double[n];
        this.entryTime = new long[n];
        this.openBorrow = new double[n];
        Arrays.fill(mark, Double.NaN);
    }

    /** Adds a symbol; its index is the number of symbols before it. */
    public void addSymbol(String symbol) {
        int s = symbolCount;
        if (s == names.length) {
            int n = s * 2;
            names = Arrays.copyOf(names, n);
            position = Arrays.copyOf(position, n);
            mark = Arrays.copyOf(mark, n);
            Arrays.fill(mark, s, n, Double.NaN);
            averageEntry = Arrays.copyOf(averageEntry, n);
            openFees = Arrays.copyOf(openFees, n);
            entryTime = Arrays.copyOf(entryTime, n);
            openBorrow = Arrays.copyOf(openBorrow, n);
        }
        names[s] = symbol;
        symbolCount++;
    }

    /** The number of symbols. */
    public int symbolCount() {
        return symbolCount;
    }

    /** The name of symbol {@code s}. */
    public String symbol(int s) {
        return names[s];
    }

    /** The names of the symbols, in index order. */
    public List<String> symbols() {
        return Arrays.asList(names).subList(0, symbolCount);
    }

    /** The cash. */
    public double cash() {
        return cash;
    }

    /** The signed position of symbol {@code s}. */
    public double position(int s) {
        return position[s];
    }

    /** Whether any symbol has an open position. */
    public boolean inMarket() {
        return withPosition != 0;
    }

    /** The mark price of symbol {@code s}: its last close, or its first fill's price; {@code NaN} before both. */
    public double mark(int s) {
        return mark[s];
    }

    /** Marks symbol {@code s} at this price (a close), if it is a number. */
    public void setMark(int s, double price) {
        if (price == price) {
            double pos = position[s];
            if (pos != 0) {
                double change = price - mark[s];
                openValue += pos * change;
                openInitial += Math.abs(pos) * change * (pos > 0 ? longInitial : shortInitial);
            }
            mark[s] = price;
        }
    }

    /** Cash plus every position at its mark. */
    public double equity() {
        double value = cash;
        if (withPosition != 0) {
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

    /** The sum of {@code |quantity * price|} over every fill. */
    public double tradedValue() {
        return tradedValue;
    }

    /** The closed trades, in exit order (the live list). */
    public List<Trade> trades() {
        return trades;
    }

    /** The price a fill of {@code quantity} at {@code rawPrice} gets on a bar of this volume: after slippage. */
    public double fillPrice(double rawPrice, double quantity, double volume) {
        return slippage.fillPrice(rawPrice, quantity, volume);
    }

    /**
     * Fills {@code quantity} of symbol {@code s} at a raw price (after slippage, no limit) at {@code time}, within
     * buying power; returns the quantity filled (see {@link #execute}).
     */
    public double fill(int s, double quantity, double rawPrice, double volume, long time) {
        return execute(s, quantity, slippage.fillPrice(rawPrice, quantity, volume), time);
    }

    /**
     * Fills {@code quantity} of symbol {@code s} at its final price within buying power (see the class comment):
     * the whole quantity, a reduced one (policy {@code REDUCE}), or nothing (rejected); returns the quantity booked,
     * 0 if none.
     */
    public double execute(int s, double quantity, double price, long time) {
        double q = affordable(s, quantity, price);
        if (q != 0) {
            book(s, q, price, time, false);
        }
        return q;
    }

    /** The part of a fill that buying power allows under the policy; counts rejections and reductions. */
    private double affordable(int s, double quantity, double price) {
        double pos = position[s];
        boolean buy = quantity > 0;
        double closing = pos != 0 && (pos > 0) != buy ? Math.min(Math.abs(quantity), Math.abs(pos)) : 0;
        double adding = Math.abs(quantity) - closing;     // units of new exposure
        if (adding <= 0) {
            return quantity;                               // only reduces a position
        }
        double m = mark[s] == mark[s] ? mark[s] : price;
        double value = cash + openValue;
        double others = openInitial - (pos == 0 ? 0 : Math.abs(pos) * m * (pos > 0 ? longInitial : shortInitial));
        double rate = buy ? longInitial : shortInitial;
        double dir = buy ? 1 : -1;
        double feePerUnit = commission.fee(quantity, price) / Math.abs(quantity);
        // equity after the closing part, and the margin already needed by what stays of this symbol
        double e0 = value + dir * closing * (m - price) - feePerUnit * closing;
        double r0 = others + (closing == 0 ? Math.abs(pos) * price * rate : 0);
        double k = dir * (m - price) - feePerUnit;
        double slack = e0 - r0;
        double perUnit = price * rate - k;
        if (slack - perUnit * adding >= -1e-9 * Math.max(1, Math.abs(value))) {
            return quantity;
        }
        if (!reduce) {
            rejected++;
            return 0;
        }
        double allowed = perUnit > 0 ? Math.max(0, slack / perUnit) : 0;
        double total = closing + Math.min(adding, allowed);
        if (total <= 0) {
            rejected++;
            return 0;
        }
        reduced++;
        return buy ? total : -total;
    }

    /**
     * Ends a timestamp at {@code time}: charges the shorts' borrow cost, checks the maintenance margin and liquidates
     * every position if equity is below it (see the class comment); returns the equity after that.
     */
    public double closeTimestamp(long time) {
        // kept small enough to inline into the engines' per-bar loops: the rare parts are methods of their own
        if (withPosition == 0) {
            openValue = 0;
            openInitial = 0;
            return cash;
        }
        if (shorts != 0 && borrowPerBar > 0) {
            chargeBorrow();
        }
        if (symbolCount == 1) {
            // one symbol, which has the position: the sums below without their loop (each starts at 0, and 0.0 +
            // turns a -0.0 into 0.0 as they do)
            double x = position[0];
            double v = x * mark[0];
            double positions = 0.0 + v;
            openValue = positions;
            openInitial = 0.0 + initialMargin(x, v);
            double value = cash + positions;
            return value >= 0.0 + maintenanceMargin(x, v) ? value : liquidate(time);
        }
        return closePositions(time);
    }

    /** The end of {@link #closeTimestamp} over several symbols: the positions' value and margins, summed. */
    private double closePositions(long time) {
        double[] pos = position;
        double[] m = mark;
        int n = symbolCount;
        double positions = 0;
        double initial = 0;
        double maintenance = 0;
        for (int s = 0; s < n; s++) {
            double x = pos[s];
            if (x != 0) {
                double v = x * m[s];
                positions += v;
                initial += initialMargin(x, v);
                maintenance += maintenanceMargin(x, v);
            }
        }
        openValue = positions;
        openInitial = initial;
        double value = cash + positions;
        return value >= maintenance ? value : liquidate(time);
    }

    /** The initial margin of a position of {@code x} worth {@code v}. */
    private double initialMargin(double x, double v) {
        return x > 0 ? v * longInitial : -v * shortInitial;
    }

    /** The maintenance margin of a position of {@code x} worth {@code v}. */
    private double maintenanceMargin(double x, double v) {
        return x > 0 ? v * longMaintenance : -v * shortMaintenance;
    }

    /**
     * Timestamps at which nothing fills, of a one-symbol account: for each row {@code r} of {@code [from, to)},
     * what {@link #setMark setMark(0, close[r])} and then {@link #closeTimestamp closeTimestamp(time[r])} do,
     * writing the time and the equity to {@code curveTimes} and {@code equity} at {@code at + (r - from)}; stops
     * after a row whose end of timestamp liquidated. For the vectorised path's stretches between signals: flat, the
     * equity is the cash; holding, the one position is marked and checked in a loop of its own, with the arithmetic
     * of {@code closeTimestamp}, so every value is the same bits as a row at a time.
     *
     * @return the rows done: {@code to - from}, or fewer when one liquidated (its row the last one done)
     * @throws IllegalStateException if the account has more than one symbol
     */
    public int closeTimestamps(double[] close, long[] time, int from, int to, long[] curveTimes, double[] equity,
                               int at) {
        if (symbolCount != 1) {
            throw new IllegalStateException("closeTimestamps is for a one-symbol account; this one has "
                    + symbolCount + " symbols");
        }
        double x = position[0];
        if (x < 0 && borrowPerBar > 0) {
            // a short paying its borrow every bar: a row at a time
            return closeRows(close, time, from, to, curveTimes, equity, at);
        }
        double m = mark[0];
        double value = cash;
        if (x == 0) {
            // the mark becomes the last close that is a number
            for (int r = to - 1; r >= from; r--) {
                double c = close[r];
                if (c == c) {
                    mark[0] = c;
                    break;
                }
            }
            System.arraycopy(time, from, curveTimes, at, to - from);
            Arrays.fill(equity, at, at + to - from, value);
            openValue = 0;
            openInitial = 0;
            return to - from;
        }
        // closeTimestamp's arithmetic for one position
        double positions = openValue;
        double initial = openInitial;
        for (int r = from, k = at; r < to; r++, k++) {
            double c = close[r];
            double next = c == c ? c : m;
            double v = x * next;
            double p = 0.0 + v;
            value = cash + p;
            if (!(value >= 0.0 + maintenanceMargin(x, v))) {
                // below the maintenance margin: this row as closeTimestamp does it, from the state before it
                System.arraycopy(time, from, curveTimes, at, r - from);
                mark[0] = m;
                openValue = positions;
                openInitial = initial;
                return r - from + closeRows(close, time, r, r + 1, curveTimes, equity, k);
            }
            m = next;
            positions = p;
            initial = 0.0 + initialMargin(x, v);
            equity[k] = value;
        }
        System.arraycopy(time, from, curveTimes, at, to - from);
        mark[0] = m;
        openValue = positions;
        openInitial = initial;
        return to - from;
    }

    /** {@link #closeTimestamps} a row at a time. */
    private int closeRows(double[] close, long[] time, int from, int to, long[] curveTimes, double[] equity,
                          int at) {
        for (int r = from, k = at; r < to; r++, k++) {
            setMark(0, close[r]);
            long before = liquidations;
            curveTimes[k] = time[r];
            equity[k] = closeTimestamp(time[r]);
            if (liquidations != before) {
                return r + 1 - from;
            }
        }
        return to - from;
    }

    /** Charges every short its borrow cost for one bar. */
    private void chargeBorrow() {
        double[] pos = position;
        double[] m = mark;
        for (int s = 0; s < symbolCount; s++) {
            double x = pos[s];
            if (x < 0 && m[s] == m[s]) {
                double cost = -x * m[s] * borrowPerBar;
                cash -= cost;
                openBorrow[s] += cost;
                borrowPaid += cost;
            }
        }
    }

    /** Closes every position at its mark (below the maintenance margin); returns the equity after. */
    private double liquidate(long time) {
        liquidations++;
        double[] pos = position;
        double[] m = mark;
        for (int s = 0; s < symbolCount; s++) {
            double x = pos[s];
            if (x != 0) {
                book(s, -x, slippage.fillPrice(m[s], -x, Double.NaN), time, true);
            }
        }
        return equity();
    }

    /** These metrics with the account's own figures: borrow cost, liquidations, rejected and reduced fills. */
    public dev.quiver.api.backtest.Metrics annotate(dev.quiver.api.backtest.Metrics metrics) {
        return metrics.toBuilder().borrowCost(borrowPaid).liquidations(liquidations).rejectedOrders(rejected)
                .reducedOrders(reduced).build();
    }

    /** The short-borrow cost charged so far. */
    public double borrowPaid() {
        return borrowPaid;
    }

    /** Fills rejected for want of buying power. */
    public long rejected() {
        return rejected;
    }

    /** Fills reduced to the buying power. */
    public long reduced() {
        return reduced;
    }

    /** Forced liquidations so far. */
    public long liquidations() {
        return liquidations;
    }

    /** Books a fill at its final price: the fee, cash, the position and any trade it closes (see the class comment). */
    private void book(int s, double quantity, double price, long time, boolean liquidation) {
        if (mark[s] != mark[s]) {
            mark[s] = price;
        }
        double m = mark[s];
        double before = position[s];
        openValue -= before * m;
        openInitial -= Math.abs(before) * m * (before > 0 ? longInitial : shortInitial);
        bookPosition(s, quantity, price, time, liquidation);
        double after = position[s];
        openValue += after * m;
        openInitial += Math.abs(after) * m * (after > 0 ? longInitial : shortInitial);
    }

    private void bookPosition(int s, double quantity, double price, long time, boolean liquidation) {
        double fee = commission.fee(quantity, price);
        cash -= quantity * price + fee;
        tradedValue += Math.abs(quantity * price);
        double pos = position[s];
        if (pos == 0 || (pos > 0) == (quantity > 0)) {
            double size = Math.abs(pos + quantity);
            averageEntry[s] = pos == 0 ? price
                    : (averageEntry[s] * Math.abs(pos) + price * Math.abs(quantity)) / size;
            if (pos == 0) {
                entryTime[s] = time;
                withPosition++;
                if (quantity < 0) {
                    shorts++;
                }
            }
            openFees[s] += fee;
            position[s] = pos + quantity;
            return;
        }
        double closing = Math.min(Math.abs(quantity), Math.abs(pos));
        double closed = pos > 0 ? closing : -closing;
        double entryFees = closing == Math.abs(pos) ? openFees[s] : openFees[s] * (closing / Math.abs(pos));
        double exitFees = closing == Math.abs(quantity) ? fee : fee * (closing / Math.abs(quantity));
        double borrow = closing == Math.abs(pos) ? openBorrow[s] : openBorrow[s] * (closing / Math.abs(pos));
        double entry = averageEntry[s];
        double fees = entryFees + exitFees;
        double profit = (price - entry) * closed - fees - borrow;
        trades.add(new Trade(names[s], entryTime[s], time, entry, price, closed, profit,
                profit / Math.abs(entry * closed), fees, borrow, liquidation));
        double remaining = Math.abs(quantity) - closing;
        if (closing == Math.abs(pos)) {
            position[s] = 0;
            openFees[s] = 0;
            averageEntry[s] = 0;
            openBorrow[s] = 0;
            withPosition--;
            if (pos < 0) {
                shorts--;
            }
            if (remaining > 0) {
                // the fill went through zero: the rest opens a position the other way
                position[s] = quantity > 0 ? remaining : -remaining;
                averageEntry[s] = price;
                entryTime[s] = time;
                openFees[s] = fee - exitFees;
                withPosition++;
                if (quantity < 0) {
                    shorts++;
                }
            }
        } else {
            position[s] = pos + quantity;
            openFees[s] -= entryFees;
            openBorrow[s] -= borrow;
        }
    }
}
