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
 * @param profit profit after fees
 * @param profitPct profit as a fraction of the entry value (0.05 = 5 %)
 * @param fees commissions paid on entry and exit
 */
public record Trade(String symbol, long entryTime, long exitTime, double entryPrice, double exitPrice,
                   double quantity, double profit, double profitPct, double fees) {
}
