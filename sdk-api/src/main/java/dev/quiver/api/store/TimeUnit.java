package dev.quiver.api.store;

/**
 * The unit a store keeps a timestamp column in. Quiver tables hold timestamps as milliseconds ({@link
 * dev.quiver.api.table.LogicalType#TIMESTAMP}); a store converts on the way in (exactly) and out (finer units are
 * floored to milliseconds).
 *
 * <p>Thread-safety: immutable.
 */
public enum TimeUnit {
    /** Seconds since the epoch. */
    SECOND,
    /** Milliseconds since the epoch: Quiver's own unit, and the default. */
    MILLISECOND,
    /** Microseconds since the epoch. */
    MICROSECOND,
    /** Nanoseconds since the epoch. */
    NANOSECOND
}
