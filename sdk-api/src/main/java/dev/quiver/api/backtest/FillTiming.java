package dev.quiver.api.backtest;

/**
 * When a market order submitted on a bar fills.
 *
 * <p>Thread-safety: immutable.
 */
public enum FillTiming {
    /** At the next bar's open: no look-ahead. The default. */
    NEXT_OPEN,
    /** At the close of the bar the order was submitted on. */
    CLOSE
}
