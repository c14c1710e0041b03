package dev.quiver.api.backtest;

/**
 * A closed round trip.
 *
 * <p>Thread-safety: immutable.
 *
 * @param symbol the symbol
 * @param entryTime entry timestamp (ms since the epoch)
 * @param exitTime exit timestamp
 * @param entryPrice average entry fill price
 * @param exitPrice average exit fill price
 * @param quantity signed size: positive long, negative short
 * @param profit profit after fees and borrow cost
 * @param profitPct profit as a fraction of the entry value (0.05 = 5 %)
 * @param fees commissions paid on entry and exit
 * @param borrowCost short-borrow cost paid while the closed quantity was held (0 for a long)
 * @param liquidation whether a forced liquidation at the maintenance margin closed it
 */
public record Trade(String symbol, long entryTime, long exitTime, double entryPrice, double exitPrice,
                   double quantity, double profit, double profitPct, double fees, double borrowCost,
                   boolean liquidation) {

    /** A trade closed by an order, without borrow cost. */
    public Trade(String symbol, long entryTime, long exitTime, double entryPrice, double exitPrice, double quantity,
                 double profit, double profitPct, double fees) {
        this(symbol, entryTime, exitTime, entryPrice, exitPrice, quantity, profit, profitPct, fees, 0, false);
    }
}
