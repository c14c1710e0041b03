package dev.quiver.api.feature;

/**
 * How an operator reads a panel.
 *
 * <p>Thread-safety: immutable.
 */
public enum OperatorKind {
    /** Along time, within each symbol's series (indicators). Has an incremental form. */
    TIME_SERIES,
    /** Across symbols, within each date (ranks, z-scores). Has no incremental form. */
    CROSS_SECTIONAL
}
