package dev.quiver.api.store;

/**
 * What a store can do.
 *
 * <p>Thread-safety: immutable.
 *
 * @param sql whether {@link Store#query(String, Object...)} runs SQL
 * @param sortKeys whether {@link StorageOptions#sortKey()} is honoured
 * @param sharding whether {@link StorageOptions#shardKey()} is honoured
 * @param gpu whether queries run on a GPU
 * @param sqlDialect the SQL dialect's name, e.g. {@code heavydb}, {@code duckdb}
 */
public record StoreCapabilities(boolean sql, boolean sortKeys, boolean sharding, boolean gpu, String sqlDialect) {
}
