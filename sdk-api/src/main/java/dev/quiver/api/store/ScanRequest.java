package dev.quiver.api.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to read from a stored table: which columns, which rows ({@link Predicate}), in which order, how many, and in
 * batches of how many rows. Build one with {@link #of} and the {@code with} methods.
 *
 * <pre>{@code
 * ScanRequest.of("prices")
 *         .columns("date", "close")
 *         .where(Predicate.and(Predicate.eq("symbol", "AAPL"), Predicate.ge("date", LocalDate.of(2015, 1, 1))))
 *         .orderBy(Order.asc("date"))
 *         .limit(1000)
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param table the table
 * @param columns the columns to return, in this order; empty returns all
 * @param where the rows to return; empty returns all
 * @param orderBy the order of rows; empty leaves it to the store
 * @param limit the most rows to return, or {@code -1} for no limit
 * @param batchRows the most rows per returned batch
 */
public record ScanRequest(String table, List<String> columns, Optional<Predicate> where, List<Order> orderBy,
                          long limit, int batchRows) {
    /** Rows per batch unless asked otherwise. */
    public static final int DEFAULT_BATCH_ROWS = 1 << 20;

    /**
     * @throws StoreException if a name is invalid
     * @throws IllegalArgumentException if the limit is below -1 or the batch size not positive
     */
    public ScanRequest {
        Identifiers.require(table, "table");
        columns = List.copyOf(columns);
        columns.forEach(c -> Identifiers.require(c, "column"));
        Objects.requireNonNull(where, "where");
        orderBy = List.copyOf(orderBy);
        if (limit < -1) {
            throw new IllegalArgumentException("limit " + limit + " is negative (-1 means none)");
        }
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batch size " + batchRows + " is not positive");
        }
    }

    /** Every row and column of a table. */
    public static ScanRequest of(String table) {
        return new ScanRequest(table, List.of(), Optional.empty(), List.of(), -1, DEFAULT_BATCH_ROWS);
    }

    /** This request returning only these columns, in this order. */
    public ScanRequest columns(String... names) {
        return new ScanRequest(table, List.of(names), where, orderBy, limit, batchRows);
    }

    /** This request returning only the rows the predicate selects. */
    public ScanRequest where(Predicate predicate) {
        return new ScanRequest(table, columns, Optional.of(predicate), orderBy, limit, batchRows);
    }

    /** This request with rows in this order. */
    public ScanRequest orderBy(Order... keys) {
        return new ScanRequest(table, columns, where, List.of(keys), limit, batchRows);
    }

    /** This request returning at most so many rows. */
    public ScanRequest limit(long rows) {
        return new ScanRequest(table, columns, where, orderBy, rows, batchRows);
    }

    /** This request in batches of at most so many rows. */
    public ScanRequest batchRows(int rows) {
        return new ScanRequest(table, columns, where, orderBy, limit, rows);
    }
}
