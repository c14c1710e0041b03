package dev.quiver.api.store;

import java.util.Objects;
import java.util.Optional;

/**
 * How to load data into a table: the table, the {@link LoadMode}, the stored schema (nullability and storage hints;
 * by default the data's schema as {@link StoreSchema#of} makes it), and the table's {@link StorageOptions}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param table the table
 * @param mode create, append or replace
 * @param schema the stored columns, in the data's order and of its types; empty derives them from the data
 * @param options table options (sort key, shard key, store-specific properties); ignored by {@link LoadMode#APPEND}
 */
public record LoadRequest(String table, LoadMode mode, Optional<StoreSchema> schema, StorageOptions options) {

    /** @throws StoreException if the table name is invalid */
    public LoadRequest {
        Identifiers.require(table, "table");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(options, "options");
    }

    /** A load in this mode with the data's schema and no options. */
    public static LoadRequest of(String table, LoadMode mode) {
        return new LoadRequest(table, mode, Optional.empty(), StorageOptions.defaults());
    }

    /** This load with an explicit stored schema. */
    public LoadRequest withSchema(StoreSchema value) {
        return new LoadRequest(table, mode, Optional.of(value), options);
    }

    /** This load with table options. */
    public LoadRequest withOptions(StorageOptions value) {
        return new LoadRequest(table, mode, schema, value);
    }
}
