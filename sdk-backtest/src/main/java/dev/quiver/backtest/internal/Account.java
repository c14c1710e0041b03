package dev.quiver.backtest.internal;

import dev.quiver.api.backtest.BacktestConfig;
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

    /**
     * The account of a run under {@code config}: its initial cash, and these cost models, or where one is
     * {@code null} the config's basis points ({@link CommissionModel#bps} of {@link BacktestConfig#commissionBps()},
     * {@link SlippageModel#fixedBps} of {@link BacktestConfig#slippageBps()}); room for {@code capacity} symbols (it
     * grows as symbols are added).
     */
    public static Account of(BacktestConfig config, CommissionModel commission, SlippageModel slippage, int capacity) {
        return new Account(config.initialCash(),
                commission != null ? commission : CommissionModel.bps(config.commissionBps(), 0),
                slippage != null ? slippage : SlippageModel.fixedBps(config.slippageBps()), capacity);
    }

    private Account(double cash, CommissionModel commission, SlippageModel slippage, int capacity) {
        this.cash = cash;
        this.commission = commission;
        this.slippage = slippage;
        int n = Math.max(1, capacity);
        this.names = new String[n];
        this.position = new double[n];
        this.mark = new double[n];
        this.averageEntry = new double[n];
        this.openFees = new double[n];
        this.entryTime = new long[n];
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

    /** Fills {@code quantity} of symbol {@code s} at a raw price (after slippage, no limit) at {@code time}. */
    public void fill(int s, double quantity, double rawPrice, double volume, long time) {
        book(s, quantity, slippage.fillPrice(rawPrice, quantity, volume), time);
    }

    /** Books a fill at its final price: the fee, cash, the position and any trade it closes (see the class comment). */
    public void book(int s, double quantity, double price, long time) {
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
                withPosition++;
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
        trades.add(new Trade(names[s], entryTime[s], time, entry, price, closed, profit,
                profit / Math.abs(entry * closed), fees));
        double remaining = Math.abs(quantity) - closing;
        if (closing == Math.abs(pos)) {
            position[s] = 0;
            openFees[s] = 0;
            averageEntry[s] = 0;
            withPosition--;
            if (remaining > 0) {
                // the fill went through zero: the rest opens a position the other way
                position[s] = quantity > 0 ? remaining : -remaining;
                averageEntry[s] = price;
                entryTime[s] = time;
                openFees[s] = fee - exitFees;
                withPosition++;
            }
        } else {
            position[s] = pos + quantity;
            openFees[s] -= entryFees;
        }
    }
}
