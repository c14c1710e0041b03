package dev.quiver.duckdb;

import dev.quiver.api.store.ColumnEncoding;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.TimeUnit;
import dev.quiver.api.table.LogicalType;
import java.util.Locale;

/**
 * Quiver's store types in DuckDB and back.
 *
 * <table>
 *   <caption>Quiver to DuckDB</caption>
 *   <tr><th>Quiver</th><th>DuckDB</th></tr>
 *   <tr><td>BOOLEAN</td><td>BOOLEAN</td></tr>
 *   <tr><td>INT8, INT16, INT32, INT64</td><td>TINYINT, SMALLINT, INTEGER, BIGINT</td></tr>
 *   <tr><td>FLOAT32, FLOAT64</td><td>FLOAT, DOUBLE</td></tr>
 *   <tr><td>STRING</td><td>VARCHAR (DuckDB dictionary-compresses it itself; the DICTIONARY hint is accepted and
 *       changes nothing)</td></tr>
 *   <tr><td>DATE</td><td>DATE (the DAYS hint changes nothing)</td></tr>
 *   <tr><td>TIMESTAMP</td><td>TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP (microseconds) or TIMESTAMP_NS by unit, without a
 *       time zone: Quiver's timestamps are UTC</td></tr>
 * </table>
 * The FIXED hint has no DuckDB counterpart and is ignored. Read back, DuckDB's unsigned integers widen (UTINYINT to
 * INT16, USMALLINT to INT32, UINTEGER and UBIGINT to INT64) and TIMESTAMP WITH TIME ZONE reads as TIMESTAMP.
 *
 * <p>Thread-safety: stateless.
 */
final class DuckDbTypes {
    private DuckDbTypes() {
    }

    /** The DuckDB column type of a store field. */
    static String sqlType(StoreField f) {
        return switch (f.type()) {
            case BOOLEAN -> "BOOLEAN";
            case INT8 -> "TINYINT";
            case INT16 -> "SMALLINT";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case FLOAT32 -> "FLOAT";
            case FLOAT64 -> "DOUBLE";
            case STRING -> "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> switch (f.unit()) {
                case SECOND -> "TIMESTAMP_S";
                case MILLISECOND -> "TIMESTAMP_MS";
                case MICROSECOND -> "TIMESTAMP";
                case NANOSECOND -> "TIMESTAMP_NS";
            };
        };
    }

    /**
     * The store field of a DuckDB column.
     *
     * @throws StoreException naming the table, column and type if Quiver cannot hold it
     */
    static StoreField field(String table, String name, String dataType, boolean nullable) {
        String t = dataType.toUpperCase(Locale.ROOT);
        TimeUnit unit = TimeUnit.MILLISECOND;
        LogicalType type;
        if (t.startsWith("ENUM")) {
            type = LogicalType.STRING;
        } else {
            type = switch (t) {
                case "BOOLEAN" -> LogicalType.BOOLEAN;
                case "TINYINT" -> LogicalType.INT8;
                case "SMALLINT", "UTINYINT" -> LogicalType.INT16;
                case "INTEGER", "USMALLINT" -> LogicalType.INT32;
                case "BIGINT", "UINTEGER", "UBIGINT" -> LogicalType.INT64;
                case "FLOAT" -> LogicalType.FLOAT32;
                case "DOUBLE" -> LogicalType.FLOAT64;
                case "VARCHAR" -> LogicalType.STRING;
                case "DATE" -> LogicalType.DATE;
                case "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP WITH TIME ZONE" ->
                        LogicalType.TIMESTAMP;
                default -> throw new StoreException("table '" + table + "', column '" + name + "' is of DuckDB type "
                        + dataType + ", which Quiver cannot hold (it holds numbers, booleans, text, dates and "
                        + "timestamps); cast it in a query");
            };
            unit = switch (t) {
                case "TIMESTAMP_S" -> TimeUnit.SECOND;
                case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> TimeUnit.MICROSECOND;
                case "TIMESTAMP_NS" -> TimeUnit.NANOSECOND;
                default -> TimeUnit.MILLISECOND;
            };
        }
        return new StoreField(name, type, nullable, unit, ColumnEncoding.DEFAULT);
    }
}
