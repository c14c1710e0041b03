package dev.quiver.api.store;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import java.util.Objects;

/**
 * One column of a stored table: its name, logical type, whether it may hold nulls, and storage hints.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name a valid identifier ({@link Identifiers})
 * @param type the logical type; the Quiver column it reads into is of {@code type.physical()}
 * @param nullable whether the column may hold nulls (Quiver's missing markers); loading a missing value into a
 *     non-nullable column fails the load
 * @param unit the stored unit of a {@link LogicalType#TIMESTAMP} column; {@link TimeUnit#MILLISECOND} otherwise
 * @param encoding the storage hint
 */
public record StoreField(String name, LogicalType type, boolean nullable, TimeUnit unit, ColumnEncoding encoding) {

    /**
     * @throws StoreException if the name is invalid
     * @throws IllegalArgumentException if the unit or encoding does not suit the type
     */
    public StoreField {
        Identifiers.require(name, "column");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(encoding, "encoding");
        if (type != LogicalType.TIMESTAMP && unit != TimeUnit.MILLISECOND) {
            throw new IllegalArgumentException("column '" + name + "': a time unit applies to timestamps, not "
                    + type);
        }
        boolean fits = switch (encoding.kind()) {
            case DEFAULT -> true;
            case NONE, DICTIONARY -> type == LogicalType.STRING;
            case DAYS -> type == LogicalType.DATE;
            case FIXED -> switch (type) {
                case INT16, INT32, INT64 -> encoding.bits() < bitsOf(type);
                case TIMESTAMP -> encoding.bits() == 32;
                default -> false;
            };
        };
        if (!fits) {
            throw new IllegalArgumentException("column '" + name + "': " + encoding + " encoding does not apply to "
                    + type);
        }
    }

    /** A nullable column of this type with the store's default encoding. */
    public static StoreField of(String name, LogicalType type) {
        return new StoreField(name, type, true, TimeUnit.MILLISECOND, ColumnEncoding.DEFAULT);
    }

    /** The store column a Quiver field becomes by default: nullable, default encoding, milliseconds. */
    public static StoreField of(Field field) {
        return of(field.name(), field.logical());
    }

    /** The Quiver field this column reads into. */
    public Field field() {
        return Field.of(name, type);
    }

    /** This column, nullable or not. */
    public StoreField withNullable(boolean value) {
        return new StoreField(name, type, value, unit, encoding);
    }

    /** This column with another storage hint. */
    public StoreField withEncoding(ColumnEncoding value) {
        return new StoreField(name, type, nullable, unit, value);
    }

    /** This timestamp column kept in another unit. */
    public StoreField withUnit(TimeUnit value) {
        return new StoreField(name, type, nullable, value, encoding);
    }

    private static int bitsOf(LogicalType type) {
        return switch (type) {
            case INT8 -> 8;
            case INT16 -> 16;
            case INT32 -> 32;
            default -> 64;
        };
    }

    @Override
    public String toString() {
        return name + " " + type + (type == LogicalType.TIMESTAMP && unit != TimeUnit.MILLISECOND ? "(" + unit + ")"
                : "") + (nullable ? "" : " not null") + (encoding.kind() == ColumnEncoding.Kind.DEFAULT ? ""
                : " encoding " + encoding);
    }
}
