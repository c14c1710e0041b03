package dev.quiver.api.table;

import java.util.Locale;
import java.util.Objects;

/**
 * What the values of a column mean, beyond the {@link ColumnType physical type} that stores them. Files and databases
 * distinguish more types than Quiver's four physical ones; the logical type records which one a column came from (or
 * should become), so that a date stays a date and a boolean a boolean when a table is written back, while kernels
 * keep reading flat segments of the physical type.
 *
 * <p>Each logical type is stored in one physical type, with that type's missing marker:
 * <table>
 *   <caption>Storage of each logical type</caption>
 *   <tr><th>logical</th><th>physical</th><th>values</th></tr>
 *   <tr><td>{@link #BOOLEAN}</td><td>{@code INT32}</td><td>0 (false) or 1 (true)</td></tr>
 *   <tr><td>{@link #INT8}, {@link #INT16}, {@link #INT32}</td><td>{@code INT32}</td><td>within the logical range</td></tr>
 *   <tr><td>{@link #INT64}</td><td>{@code INT64}</td><td></td></tr>
 *   <tr><td>{@link #FLOAT32}</td><td>{@code FLOAT64}</td><td>exactly representable as a 32-bit float</td></tr>
 *   <tr><td>{@link #FLOAT64}</td><td>{@code FLOAT64}</td><td></td></tr>
 *   <tr><td>{@link #STRING}</td><td>{@code STRING}</td><td>dictionary codes</td></tr>
 *   <tr><td>{@link #DATE}</td><td>{@code INT64}</td><td>milliseconds since the epoch at midnight UTC</td></tr>
 *   <tr><td>{@link #TIMESTAMP}</td><td>{@code INT64}</td><td>milliseconds since the epoch, UTC</td></tr>
 * </table>
 * Every physical type has a default logical type of the same name, which a column has unless it says otherwise.
 *
 * <p>Thread-safety: immutable.
 */
public enum LogicalType {
    /** True or false, stored as {@code INT32} 1 or 0. */
    BOOLEAN(ColumnType.INT32),
    /** An 8-bit signed integer, stored as {@code INT32}. */
    INT8(ColumnType.INT32),
    /** A 16-bit signed integer, stored as {@code INT32}. */
    INT16(ColumnType.INT32),
    /** A 32-bit signed integer. */
    INT32(ColumnType.INT32),
    /** A 64-bit signed integer. */
    INT64(ColumnType.INT64),
    /** A 32-bit float, stored (exactly) as {@code FLOAT64}. */
    FLOAT32(ColumnType.FLOAT64),
    /** A 64-bit float. */
    FLOAT64(ColumnType.FLOAT64),
    /** Text, stored dictionary-encoded. */
    STRING(ColumnType.STRING),
    /** A calendar date: {@code INT64} milliseconds since the epoch at midnight UTC ({@link Timestamps}). */
    DATE(ColumnType.INT64),
    /** An instant: {@code INT64} milliseconds since the epoch, UTC ({@link Timestamps}). */
    TIMESTAMP(ColumnType.INT64);

    private final ColumnType physical;

    LogicalType(ColumnType physical) {
        this.physical = physical;
    }

    /** The physical type that stores values of this logical type. */
    public ColumnType physical() {
        return physical;
    }

    /** Whether values are points in time ({@link #DATE} or {@link #TIMESTAMP}). */
    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP;
    }

    /** The logical type a column of this physical type has unless it says otherwise. */
    public static LogicalType defaultFor(ColumnType physical) {
        return switch (Objects.requireNonNull(physical, "physical")) {
            case FLOAT64 -> FLOAT64;
            case INT64 -> INT64;
            case INT32 -> INT32;
            case STRING -> STRING;
        };
    }

    /**
     * The logical type of a name, in any case ({@code "date"}, {@code "Float64"}; also {@code bool}, {@code int},
     * {@code long}, {@code double}, {@code float}, {@code text}, {@code datetime}).
     *
     * @throws IllegalArgumentException naming the text and listing the names
     */
    public static LogicalType named(String name) {
        String n = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
        for (LogicalType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(n)) {
                return t;
            }
        }
        return switch (n) {
            case "bool" -> BOOLEAN;
            case "int" -> INT32;
            case "long", "bigint" -> INT64;
            case "double" -> FLOAT64;
            case "float" -> FLOAT32;
            case "text", "str", "varchar" -> STRING;
            case "datetime" -> TIMESTAMP;
            default -> throw new IllegalArgumentException("unknown type '" + name + "'; the types are "
                    + java.util.Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList());
        };
    }

    /** The lower-case name. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
