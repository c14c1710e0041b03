package dev.quiver.api.backtest;

/**
 * How long an unfilled order lives.
 *
 * <p>Thread-safety: immutable.
 */
public enum TimeInForce {
    /** Cancelled at the end of the bar after the one it was submitted on. */
    DAY,
    /** Lives until filled or cancelled. */
    GTC
}
