package dev.quiver.api.backtest;

/**
 * Order types.
 *
 * <p>Thread-safety: immutable.
 */
public enum OrderType {
    /** Fill at the configured fill price (next open or this close). */
    MARKET,
    /** Fill at the limit price or better. */
    LIMIT,
    /** Become a market order once the stop price trades; a gap through the stop fills at the open. */
    STOP,
    /** Become a limit order once the stop price trades. */
    STOP_LIMIT,
    /** A stop that follows the best price since submission at a fixed distance. */
    TRAILING_STOP
}
