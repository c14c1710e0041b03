package dev.quiver.heavydb;

import dev.quiver.api.store.ColumnEncoding;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.TimeUnit;
import dev.quiver.api.table.LogicalType;
import dev.quiver.heavydb.thrift.TColumnType;
import dev.quiver.heavydb.thrift.TEncodingType;
import dev.quiver.heavydb.thrift.TTypeInfo;

/**
 * HeavyDB's column descriptions ({@code TColumnType} of {@code get_table_details}) as stored Quiver columns: the
 * inverse of {@link HeavyDbDialect#sqlType}, encodings included (a dictionary's width from the column's size in
 * bytes, {@code DAYS(16)} dates, {@code FIXED} integers and timestamps).
 *
 * <p>Thread-safety: stateless.
 */
final class HeavyDbTypes {
    private HeavyDbTypes() {
    }

    /**
     * The stored column HeavyDB describes.
     *
     * @throws StoreException naming the table, column and type if Quiver cannot hold it (decimals, times, arrays,
     *     geo types)
     */
    static StoreField field(String table, TColumnType column) {
        TTypeInfo t = column.getCol_type();
        String name = column.getCol_name();
        if (t == null || t.getType() == null) {
            throw new StoreException("table '" + table + "', column '" + name + "': the server sent no type");
        }
        if (t.isIs_array()) {
            throw unsupported(table, name, t.getType() + "[]");
        }
        TEncodingType encoding = t.getEncoding() == null ? TEncodingType.NONE : t.getEncoding();
        int bits = t.isSetSize() && t.getSize() > 0 ? t.getSize() * 8 : t.getComp_param();
        LogicalType type;
        TimeUnit unit = TimeUnit.MILLISECOND;
        ColumnEncoding hint = ColumnEncoding.DEFAULT;
        switch (t.getType()) {
            case BOOL -> type = LogicalType.BOOLEAN;
            case TINYINT -> type = LogicalType.INT8;
            case SMALLINT -> type = LogicalType.INT16;
            case INT -> {
                type = LogicalType.INT32;
                hint = fixed(encoding, bits, 32);
            }
            case BIGINT -> {
                type = LogicalType.INT64;
                hint = fixed(encoding, bits, 64);
            }
            case FLOAT -> type = LogicalType.FLOAT32;
            case DOUBLE -> type = LogicalType.FLOAT64;
            case STR -> {
                type = LogicalType.STRING;
                hint = encoding == TEncodingType.DICT ? ColumnEncoding.dictionary(bits == 8 || bits == 16 ? bits : 32)
                        : ColumnEncoding.NONE;
            }
            case DATE -> {
                type = LogicalType.DATE;
                if (encoding == TEncodingType.DATE_IN_DAYS && t.getComp_param() == 16) {
                    hint = ColumnEncoding.days(16);
                }
            }
            case TIMESTAMP -> {
                type = LogicalType.TIMESTAMP;
                unit = switch (t.getPrecision()) {
                    case 0 -> TimeUnit.SECOND;
                    case 6 -> TimeUnit.MICROSECOND;
                    case 9 -> TimeUnit.NANOSECOND;
                    default -> TimeUnit.MILLISECOND;
                };
                if (encoding == TEncodingType.FIXED && unit == TimeUnit.SECOND) {
                    hint = ColumnEncoding.fixed(32);
                }
            }
            default -> throw unsupported(table, name, t.getType().name());
        }
        return new StoreField(name, type, t.isNullable(), unit, hint);
    }

    private static ColumnEncoding fixed(TEncodingType encoding, int bits, int full) {
        return encoding == TEncodingType.FIXED && (bits == 8 || bits == 16 || bits == 32) && bits < full
                ? ColumnEncoding.fixed(bits) : ColumnEncoding.DEFAULT;
    }

    private static StoreException unsupported(String table, String column, String type) {
        return new StoreException("table '" + table + "', column '" + column + "' is of HeavyDB type " + type
                + ", which Quiver cannot hold (it holds numbers, booleans, text, dates and timestamps); cast it in a "
                + "query");
    }
}
