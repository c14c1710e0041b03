package dev.quiver.api.store;

import java.util.Map;
import java.util.Objects;

/**
 * What a store says about one of its tables: its columns as stored (types, nullability, the encodings it actually
 * applied), its row count and its table options.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the table's name as the store spells it
 * @param schema the stored columns
 * @param rows the number of rows
 * @param options the table's options as the store reports them (e.g. {@code fragment_size}), in a stable order
 */
public record TableDescription(String name, StoreSchema schema, long rows, Map<String, String> options) {
    /** @throws NullPointerException if an argument is null */
    public TableDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
}
