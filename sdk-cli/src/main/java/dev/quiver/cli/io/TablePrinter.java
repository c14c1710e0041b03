package dev.quiver.cli.io;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Table;
import java.io.PrintWriter;

/**
 * Prints a table on the console: a header, up to so many rows, columns padded to their widest value (numbers to the
 * right, text to the left), missing values as {@code NULL}, long text cut at {@value #MAX_WIDTH} characters.
 *
 * <p>Thread-safety: stateless.
 */
public final class TablePrinter {
    private static final int MAX_WIDTH = 40;

    private TablePrinter() {
    }

    /** Prints the first {@code maxRows} rows of {@code table}, and how many more there are. */
    public static void print(Table table, int maxRows, PrintWriter out) {
        int rows = Math.min(Math.max(maxRows, 0), table.rowCount());
        int columns = table.columnCount();
        String[][] cells = new String[rows + 1][columns];
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            Column col = table.column(c);
            cells[0][c] = cut(col.name());
            for (int r = 0; r < rows; r++) {
                cells[r + 1][c] = col.isMissing(r) ? "NULL" : cut(col.format(r).replace('\n', ' '));
            }
            for (String[] row : cells) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (int r = 0; r <= rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                boolean right = r > 0 && table.column(c).type() != ColumnType.STRING;
                String v = cells[r][c];
                String pad = " ".repeat(width[c] - v.length());
                line.append(c == 0 ? "" : "  ").append(right ? pad + v : v + pad);
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
                }
                out.println(rule);
            }
        }
        if (table.rowCount() > rows) {
            out.printf("... %,d more rows (use --output FILE for all of them)%n", table.rowCount() - rows);
        }
    }

    private static String cut(String s) {
        return s.length() <= MAX_WIDTH ? s : s.substring(0, MAX_WIDTH - 1) + "…";
    }
}
