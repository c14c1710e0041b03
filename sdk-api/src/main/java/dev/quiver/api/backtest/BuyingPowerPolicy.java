package dev.quiver.api.backtest;

/**
 * What the account does with a fill that would need more buying power than it has: the part of a fill that adds
 * exposure must be covered by the initial margin of {@link BacktestConfig}; a fill that only reduces a position is
 * always allowed.
 *
 * <p>Thread-safety: immutable.
 */
public enum BuyingPowerPolicy {
    /** Reject the whole order (it is cancelled and counted in {@link Metrics#rejectedOrders()}). The default. */
    REJECT,
    /** Fill the largest quantity the buying power covers (counted in {@link Metrics#reducedOrders()}). */
    REDUCE
}
