package dev.quiver.io.panel;

import java.util.Locale;

/**
 * How a price table is laid out.
 *
 * <p>Thread-safety: immutable.
 */
public enum TableShape {
    /** One row per (date, symbol): {@code Date, Symbol, Open, High, Low, Close, Volume, ...}. */
    LONG,
    /** One symbol, one row per date, no symbol column: {@code Date, Open, High, Low, Close, Volume, ...}. */
    SERIES,
    /** One row per date and one column per symbol holding one field (such as the close): {@code Date, AAPL, MSFT}. */
    WIDE;

    /**
     * The shape of a name, in any case.
     *
     * @throws IllegalArgumentException listing the shapes
     */
    public static TableShape named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown shape '" + name + "'; the shapes are long, series, wide", e);
        }
    }

    /** The lower-case name. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
