/**
 * The embedded default {@link dev.quiver.api.store.Store}: DuckDB in a file or in memory, data in and out as Arrow
 * record batches through DuckDB's Arrow C stream interface ({@link dev.quiver.duckdb.DuckDbStore}).
 *
 * <p>DuckDB's JDBC driver has no module descriptor: it is the automatic module {@code duckdb.jdbc} (the name its
 * manifest gives). It reaches Arrow's C data interface by reflection, which works on the module path because
 * {@code org.apache.arrow.c} is an open module and this module puts it in the module graph.
 *
 * @provides dev.quiver.api.store.StoreProvider the {@code duckdb} store
 */
module dev.quiver.duckdb {
    requires transitive dev.quiver.api;
    requires dev.quiver.io;
    requires java.sql;
    requires org.apache.arrow.c;
    requires org.apache.arrow.memory.core;
    requires org.apache.arrow.vector;
    // automatic module (Automatic-Module-Name in its manifest)
    requires duckdb.jdbc;

    exports dev.quiver.duckdb;

    provides dev.quiver.api.store.StoreProvider with dev.quiver.duckdb.DuckDbStoreProvider;
}
