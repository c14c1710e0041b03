package dev.quiver.api.backtest;

/**
 * How long an unfilled order lives.
 *
 * <p>Thread-safety: immutable.
 */
public enum TimeInForce {
    /** Cancelled at the end of the bar after the one it was submitted on (a partial fill's rest too). */
    DAY,
    /** Lives until filled or cancelled; a partial fill (volume cap) leaves the rest working. */
    GTC,
    /** Immediate or cancel: what its first fill (possibly partial, under a volume cap) leaves unfilled is cancelled. */
    IOC
}
