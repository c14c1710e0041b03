package dev.quiver.api.table;

import java.util.Locale;
import java.util.Objects;

/**
 * A named, typed slot of a {@link Schema}: the physical type that stores the values and the logical type that says
 * what they mean ({@link LogicalType}; by default the physical type's own).
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the column name, non-blank; unique within a schema
 * @param type the physical type
 * @param logical the logical type, stored in {@code type}
 */
public record Field(String name, ColumnType type, LogicalType logical) {

    /**
     * @throws IllegalArgumentException if the name is blank or the logical type is not stored in {@code type}
     * @throws NullPointerException if an argument is null
     */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(logical, "logical");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be blank");
        }
        if (logical.physical() != type) {
            throw new IllegalArgumentException("column '" + name + "': logical type " + logical + " is stored as "
                    + logical.physical() + ", not " + type);
        }
    }

    /**
     * A field of the physical type's default logical type.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Field(String name, ColumnType type) {
        this(name, type, LogicalType.defaultFor(type));
    }

    /** A field of this logical type, stored in its physical type. */
    public static Field of(String name, LogicalType logical) {
        return new Field(name, logical.physical(), logical);
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

    /** A {@link LogicalType#DATE} field (stored as {@code INT64}). */
    public static Field date(String name) {
        return of(name, LogicalType.DATE);
    }

    /** A {@link LogicalType#TIMESTAMP} field (stored as {@code INT64}). */
    public static Field timestamp(String name) {
        return of(name, LogicalType.TIMESTAMP);
    }

    /** This field under another name. */
    public Field withName(String newName) {
        return new Field(newName, type, logical);
    }

    /** {@code name:type}, the logical type when it differs from the physical one's default. */
    @Override
    public String toString() {
        return name + ":" + logical.name().toLowerCase(Locale.ROOT);
    }
}
