package dev.quiver.api.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a store should lay out a new table. Every store honours what it can and ignores the rest; its
 * {@link StoreCapabilities} say which.
 *
 * <p>Thread-safety: immutable.
 *
 * @param sortKey columns the table is kept (or clustered) in order of, e.g. {@code symbol, time}
 * @param shardKey the column rows are distributed by across devices or nodes, or empty
 * @param properties store-specific options (e.g. HeavyDB's {@code fragment_size}), passed through
 */
public record StorageOptions(List<String> sortKey, String shardKey, Map<String, String> properties) {

    /** @throws NullPointerException if an argument is null */
    public StorageOptions {
        sortKey = List.copyOf(sortKey);
        Objects.requireNonNull(shardKey, "shardKey");
        properties = Map.copyOf(properties);
    }

    /** No layout preferences. */
    public static StorageOptions defaults() {
        return new StorageOptions(List.of(), "", Map.of());
    }

    /** These options with a sort key. */
    public StorageOptions withSortKey(String... columns) {
        return new StorageOptions(List.of(columns), shardKey, properties);
    }

    /** These options with a store-specific property added. */
    public StorageOptions withProperty(String key, String value) {
        Map<String, String> m = new java.util.LinkedHashMap<>(properties);
        m.put(key, value);
        return new StorageOptions(sortKey, shardKey, m);
    }
}
