package dev.quiver.api.store;

/**
 * One key of a scan's order: a column, ascending or descending. Nulls sort last either way.
 *
 * <p>Thread-safety: immutable.
 *
 * @param column the column
 * @param ascending whether smaller values come first
 */
public record Order(String column, boolean ascending) {
    /** @throws StoreException if the name is invalid */
    public Order {
        Identifiers.require(column, "column");
    }

    /** Ascending by a column. */
    public static Order asc(String column) {
        return new Order(column, true);
    }

    /** Descending by a column. */
    public static Order desc(String column) {
        return new Order(column, false);
    }
}
