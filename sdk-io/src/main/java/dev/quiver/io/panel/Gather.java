package dev.quiver.io.panel;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.TableBuilder;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Copies chosen rows of columns, in a given order, into a builder: {@code out[i] = in[rows[i]]}, primitive by
 * primitive; string columns keep their dictionary and copy codes.
 *
 * <p>Thread-safety: stateless.
 */
final class Gather {
    private Gather() {
    }

    /** Adds to {@code builder} the column {@code c} under {@code field}'s name, rows in the order given. */
    static void column(TableBuilder builder, Field field, Column c, int[] rows) {
        int n = rows.length;
        switch (c) {
            case Float64Column f -> {
                MemorySegment dst = builder.allocate(field, n);
                for (int i = 0; i < n; i++) {
                    dst.setAtIndex(ValueLayout.JAVA_DOUBLE, i, f.get(rows[i]));
                }
            }
            case Int64Column l -> {
                MemorySegment dst = builder.allocate(field, n);
                for (int i = 0; i < n; i++) {
                    dst.setAtIndex(ValueLayout.JAVA_LONG, i, l.get(rows[i]));
                }
            }
            case Int32Column l -> {
                MemorySegment dst = builder.allocate(field, n);
                for (int i = 0; i < n; i++) {
                    dst.setAtIndex(ValueLayout.JAVA_INT, i, l.get(rows[i]));
                }
            }
            case StringColumn s -> {
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) {
                    codes[i] = s.code(rows[i]);
                }
                builder.stringCodes(field.name(), codes, s.dictionary());
            }
        }
    }
}
