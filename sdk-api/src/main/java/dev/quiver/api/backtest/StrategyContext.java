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
}
