package dev.quiver.api.table;

import java.util.Objects;

/**
 * A named, typed slot of a {@link Schema}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the column name, non-blank; unique within a schema
 * @param type the physical type
 */
public record Field(String name, ColumnType type) {

    /**
     * @throws IllegalArgumentException if the name is blank
     * @throws NullPointerException if an argument is null
     */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be blank");
        }
    }

    /** A {@code FLOAT64} field. */
    public static Field float64(String name) {
        return new Field(name, ColumnType.FLOAT64);
    }

    /** An {@code INT64} field. */
    public static Field int64(String name) {
        return new Field(name, ColumnType.INT64);
    }

    /** An {@code INT32} field. */
    public static Field int32(String name) {
        return new Field(name, ColumnType.INT32);
    }

    /** A {@code STRING} field. */
    public static Field string(String name) {
        return new Field(name, ColumnType.STRING);
    }

    @Override
    public String toString() {
        return name + ":" + type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
