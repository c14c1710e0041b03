/**
 * The embedded default {@link dev.quiver.api.store.Store}: DuckDB in a file ({@code duckdb:PATH}) or in memory
 * ({@code duckdb::memory:}), loading and returning Arrow record batches through DuckDB's Arrow C stream
 * interface. See docs/store.md.
 */
package dev.quiver.duckdb;
