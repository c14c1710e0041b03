package dev.quiver.api.store;

import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import java.util.List;

/**
 * The Store SPI, version 2: a database of named tables that Quiver loads and reads in columnar batches.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Table and column names are {@link Identifiers}, checked before any statement runs and quoted by the provider;
 *       stores compare them ignoring case.</li>
 *   <li>Types: every {@link dev.quiver.api.table.LogicalType} maps to a store type and back, so a table read back has
 *       the logical types it was loaded with; Quiver's missing markers are SQL {@code NULL}s and back.</li>
 *   <li>{@link #load} is atomic in every {@link LoadMode}: after a failure (a bad batch halfway, a lost connection)
 *       the table is as it was before the call.</li>
 *   <li>{@link #scan} and {@link #query} return streams the caller owns and closes; closing one releases its cursor
 *       and memory, read to the end or not. Results larger than memory stream batch by batch.</li>
 *   <li>{@link #query} binds its parameters as values; nothing is spliced into SQL.</li>
 *   <li>Failures throw {@link StoreException} naming the table or statement; credentials never appear in a message.</li>
 * </ul>
 *
 * <p>Thread-safety: implementations are safe for concurrent use (several readers and a loader at once); a stream is
 * used by one thread at a time.
 */
public interface Store extends AutoCloseable {

    /** What this store can do. */
    StoreCapabilities capabilities();

    /** The names of the tables, sorted ignoring case. */
    List<String> list();

    /** Whether a table of this name exists (ignoring case). */
    default boolean exists(String table) {
        Identifiers.require(table, "table");
        return list().stream().anyMatch(table::equalsIgnoreCase);
    }

    /**
     * The table's columns, row count and options.
     *
     * @throws StoreException if the name is invalid or there is no such table
     */
    TableDescription describe(String table);

    /**
     * The table's stored columns.
     *
     * @throws StoreException if the name is invalid or there is no such table
     */
    default StoreSchema schema(String table) {
        return describe(table).schema();
    }

    /**
     * Drops a table.
     *
     * @return whether there was a table to drop
     * @throws StoreException if the name is invalid or the table cannot be dropped
     */
    boolean drop(String table);

    /**
     * Loads every batch of {@code data} into a table, atomically, and leaves the stream open (the caller closes it).
     *
     * @return the number of rows loaded
     * @throws StoreException naming the table (and the batch or row) if the load fails; the table is then as it was
     */
    long load(LoadRequest request, TableStream data);

    /**
     * Loads one table, atomically; {@code data} stays the caller's.
     *
     * @return the number of rows loaded
     * @throws StoreException naming the table if the load fails; the table is then as it was
     */
    default long load(LoadRequest request, Table data) {
        // a view owning nothing: closing the stream leaves the caller's table open
        try (TableStream one = TableStream.of(data.slice(0, data.rowCount()))) {
            return load(request, one);
        }
    }

    /**
     * Reads rows of a table as record batches.
     *
     * @throws StoreException if the table or a column is missing, or a predicate's value does not suit its column
     */
    TableStream scan(ScanRequest request);

    /**
     * Runs a SQL statement with {@code ?} placeholders bound to {@code params} (the types {@link Predicate} binds, or
     * {@code null}) and returns its rows as record batches.
     *
     * @throws StoreException if the statement fails
     * @throws UnsupportedOperationException if {@link StoreCapabilities#sql()} is false
     */
    TableStream query(String sql, Object... params);

    /**
     * The store's schema advisor: encodings and table options for a table's {@link TableProfile}, with reasons, and
     * what the store does not have. The default gives no advice.
     */
    default SchemaAdvisor advisor() {
        return SchemaAdvisor.none(capabilities().sqlDialect());
    }

    /** Closes the connection; streams still open are closed with it. */
    @Override
    void close();
}
