package dev.quiver.api.backtest;

/**
 * What a strategy can see of its account and do with it. The backtester and a live broker adapter both implement
 * it, which is what lets one strategy run in both.
 *
 * <p>Thread-safety: not thread-safe; use only from within the strategy's callbacks.
 */
public interface StrategyContext {
    /** Cash in the account. */
    double cash();

    /** Cash plus the marked-to-market value of all positions at the latest prices. */
    double equity();

    /**
     * The number of symbols the account trades (the panel's symbols; in a live session, those seen so far): what
     * percent-of-equity sizing splits the equity across. 1 unless the implementation says otherwise.
     */
    default int symbolCount() {
        return 1;
    }

    /** The signed position in a symbol (0 if none). */
    double position(String symbol);

    /**
     * Submits an order.
     *
     * @return the order's id, for {@link #cancel}
     * @throws IllegalArgumentException if the symbol is not in the data
     */
    long submit(OrderRequest order);

    /** Cancels an open order; returns whether it was still open. */
    boolean cancel(long orderId);

    /**
     * Replaces an open order with another for the same symbol, keeping its id: the new order takes the old one's
     * place as if submitted now (its time in force and, for a trailing stop, its reference price start again), so it
     * fills no earlier than an order submitted now would. Nothing happens if the order is no longer open.
     *
     * @return whether the order was still open and is now replaced
     * @throws IllegalArgumentException if the replacement is for another symbol than the open order
     */
    boolean replace(long orderId, OrderRequest order);

    /** Whether an order is still open: submitted, not yet filled, cancelled or expired. */
    boolean isOpen(long orderId);
}
