package dev.quiver.api.store;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import java.util.List;

/**
 * The Store SPI: a database of named tables that Quiver reads and writes in columnar form.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Table names are case-insensitive identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}).</li>
 *   <li>{@link #append} is atomic per call: after a failure no row of that call is visible.</li>
 *   <li>Tables returned by {@link #scan} and {@link #query} belong to the caller, who must close them.</li>
 *   <li>Column types map to the store's: {@code FLOAT64} to a double, {@code INT64} to a bigint or timestamp,
 *       {@code INT32} to an integer, {@code STRING} to a dictionary-encoded text column; missing values to
 *       {@code NULL} and back.</li>
 *   <li>Failures throw {@link StoreException} naming the table or statement.</li>
 * </ul>
 *
 * <p>Thread-safety: implementations are safe for concurrent use; statements on one table are not ordered between
 * threads.
 */
public interface Store extends AutoCloseable {

    /** What this store can do. */
    StoreCapabilities capabilities();

    /**
     * Creates an empty table.
     *
     * @throws StoreException if it exists or cannot be created
     */
    void create(String table, Schema schema, StorageOptions options);

    /**
     * Appends rows; the data's schema must equal the table's.
     *
     * @throws StoreException if the table is missing or the schema differs
     */
    void append(String table, Table data);

    /**
     * Reads chosen columns of every row, in storage order.
     *
     * @param columns the columns to read; empty reads all
     * @throws StoreException if the table or a column is missing
     */
    Table scan(String table, List<String> columns);

    /**
     * Runs a SQL query and returns its result.
     *
     * @throws StoreException if the query fails
     * @throws UnsupportedOperationException if {@link StoreCapabilities#sql()} is false
     */
    Table query(String sql);

    /**
     * Drops a table; dropping a missing table does nothing.
     *
     * @throws StoreException if it cannot be dropped
     */
    void drop(String table);

    /** The names of the tables, sorted. */
    List<String> list();

    /** Closes the connection. */
    @Override
    void close();
}
