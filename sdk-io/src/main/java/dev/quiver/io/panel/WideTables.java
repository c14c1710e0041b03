package dev.quiver.io.panel;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.TableStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Wide tables (one id column, such as a date, and one numeric column per key, such as a strategy or a symbol) turned
 * into long ones: {@code date, s1, s2, ...} becomes {@code date, strategy, pnl} with one row per cell, the key
 * dictionary-encoded (one code per row, the column names as the dictionary). What pandas calls {@code melt}.
 *
 * <p>Rows come out row by row of the input, each row's cells in column order; missing cells stay, as missing values.
 * A stream is melted batch by batch, so a matrix larger than memory loads into a store in long form.
 *
 * <p>Thread-safety: stateless.
 */
public final class WideTables {
    private WideTables() {
    }

    /**
     * The long schema of a wide one: the id column, then {@code keyName} (text), then {@code valueName} (float64).
     *
     * @throws IllegalArgumentException if there is no such id column, no other column, a value column is not
     *     numeric, or a new name clashes with the id column's
     */
    public static Schema longSchema(Schema wide, String idColumn, String keyName, String valueName) {
        Field id = wide.field(wide.positionOf(idColumn).orElseThrow(() -> new IllegalArgumentException(
                "the wide table has no column '" + idColumn + "' (it has " + wide.names() + ")")));
        if (wide.size() < 2) {
            throw new IllegalArgumentException("the wide table has no column besides '" + idColumn + "'");
        }
        for (Field f : wide.fields()) {
            if (!f.name().equals(idColumn) && f.type() == ColumnType.STRING) {
                throw new IllegalArgumentException("the wide table's column '" + f.name() + "' is text, not numbers; "
                        + "a wide table is one id column and one numeric column per key");
            }
        }
        if (keyName.equals(valueName) || keyName.equals(idColumn) || valueName.equals(idColumn)) {
            throw new IllegalArgumentException("the long columns '" + idColumn + "', '" + keyName + "' and '"
                    + valueName + "' must have different names");
        }
        return Schema.of(id, Field.string(keyName), Field.float64(valueName));
    }

    /**
     * One batch melted into a new off-heap table the caller owns.
     *
     * @throws IllegalArgumentException as {@link #longSchema}, or if the cells exceed one table's row limit
     */
    public static Table melt(Table wide, String idColumn, String keyName, String valueName) {
        Schema schema = longSchema(wide.schema(), idColumn, keyName, valueName);
        int idAt = wide.schema().requirePosition(idColumn);
        List<Column> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int c = 0; c < wide.columnCount(); c++) {
            if (c != idAt) {
                values.add(wide.column(c));
                keys.add(wide.column(c).name());
            }
        }
        long cells = (long) wide.rowCount() * values.size();
        if (cells > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(wide.rowCount() + " rows × " + values.size() + " columns are more "
                    + "cells than one table holds; read the wide table in smaller batches");
        }
        int n = (int) cells;
        int k = values.size();
        Column id = wide.column(idAt);
        int width = id.type().byteWidth();
        try (TableBuilder b = TableBuilder.offHeap()) {
            MemorySegment ids = b.allocate(schema.field(0), n);
            MemorySegment out = b.allocate(schema.field(2), n);
            MemorySegment idData = id.data();
            int[] codes = new int[n];
            for (int r = 0; r < wide.rowCount(); r++) {
                for (int j = 0; j < k; j++) {
                    int at = r * k + j;
                    MemorySegment.copy(idData, (long) r * width, ids, (long) at * width, width);
                    codes[at] = j;
                    out.setAtIndex(ValueLayout.JAVA_DOUBLE, at, value(values.get(j), r));
                }
            }
            b.stringCodes(keyName, codes, keys);
            Table built = b.build();
            // built holds id, value, key (in the order allocated); present id, key, value
            return Table.owning(List.of(built.column(0), built.column(keyName), built.column(valueName)),
                    built::close);
        }
    }

    /**
     * A stream of wide batches as a stream of long ones. Closing the result closes {@code wide}.
     *
     * @throws IllegalArgumentException as {@link #longSchema}
     */
    public static TableStream melt(TableStream wide, String idColumn, String keyName, String valueName) {
        Schema schema = longSchema(wide.schema(), idColumn, keyName, valueName);
        return new TableStream() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Table next() {
                Table batch = wide.next();
                if (batch == null) {
                    return null;
                }
                try (batch) {
                    return melt(batch, idColumn, keyName, valueName);
                }
            }

            @Override
            public void close() {
                wide.close();
            }
        };
    }

    private static double value(Column c, int row) {
        if (c instanceof Float64Column f) {
            return f.get(row);
        }
        if (c.isMissing(row)) {
            return Double.NaN;
        }
        return switch (c) {
            case dev.quiver.api.table.Int64Column l -> l.get(row);
            case dev.quiver.api.table.Int32Column i -> i.get(row);
            default -> throw new IllegalArgumentException("column '" + c.name() + "' is not numeric");
        };
    }
}
