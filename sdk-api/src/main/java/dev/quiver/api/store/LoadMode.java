package dev.quiver.api.store;

/**
 * What a load does with the table it names. Each mode is atomic: if the load fails, the table is as it was before
 * (absent, or holding its old rows), never half-loaded.
 *
 * <p>Thread-safety: immutable.
 */
public enum LoadMode {
    /** Create the table; fail if it exists. */
    CREATE,
    /** Add rows to an existing table of the same columns; fail if it is missing. */
    APPEND,
    /** Create the table, or replace an existing one whole (its old rows and columns). */
    REPLACE
}
