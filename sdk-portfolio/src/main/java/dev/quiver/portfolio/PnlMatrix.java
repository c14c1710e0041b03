package dev.quiver.portfolio;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.io.DataFileException;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The daily P&amp;L of many strategies: {@code strategies × days} float64 values held strategy-major (the days of one
 * strategy are contiguous, so a strategy's series is one slice and correlations are products of rows), the strategy
 * names in the input's spelling and the dates of the days.
 *
 * <p>Files hold the matrix <em>wide</em>: a date column ({@code Date}, matched without regard to case, or the first
 * column) and one numeric column per strategy, one row per day, in any format {@link TableFiles} reads (CSV, Parquet,
 * Arrow IPC). Strategy names may hold commas, spaces, quotes and percent signs ({@code SENSEX 1426-1456 SL73%TP32%});
 * CSV quotes them. Every value must be present and finite: a missing or non-numeric cell is an error naming the
 * line (CSV) or row, the column and the value, because a silent zero would change every statistic.
 *
 * <p>Thread-safety: immutable; {@link #values()} is the caller's to keep but {@link #row} views must not be written.
 */
public final class PnlMatrix {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private final List<String> names;
    private final long[] dates;
    private final double[] values;
    private final int days;

    private PnlMatrix(List<String> names, long[] dates, double[] values) {
        this.names = names;
        this.dates = dates;
        this.values = values;
        this.days = dates.length;
    }

    /**
     * A matrix over {@code values}, strategy-major ({@code values[s * days + d]}), which it keeps without copying.
     *
     * @param names the strategies, distinct
     * @param dates the days as epoch days, one per column of the matrix
     * @param values {@code names.size() × dates.length} values, every one finite
     * @throws IllegalArgumentException if the sizes disagree, a name repeats or a value is not finite
     */
    public static PnlMatrix of(List<String> names, long[] dates, double[] values) {
        List<String> copy = List.copyOf(names);
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(values, "values");
        if ((long) copy.size() * dates.length != values.length) {
            throw new IllegalArgumentException(copy.size() + " strategies × " + dates.length + " days need "
                    + (long) copy.size() * dates.length + " values, not " + values.length);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int s = 0; s < copy.size(); s++) {
            Integer before = seen.putIfAbsent(copy.get(s), s);
            if (before != null) {
                throw new IllegalArgumentException("strategy '" + copy.get(s) + "' appears twice (columns "
                        + (before + 1) + " and " + (s + 1) + ")");
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("strategy '" + copy.get(i / dates.length) + "', day "
                        + (i % dates.length + 1) + ": " + values[i] + " is not a finite P&L");
            }
        }
        return new PnlMatrix(copy, dates.clone(), values);
    }

    /** Reads a wide P&amp;L file (CSV, Parquet or Arrow IPC, by its extension); see the class comment. */
    public static PnlMatrix read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    /** Reads a wide P&amp;L file with these options (a format that overrides the extension, column types). */
    public static PnlMatrix read(Path file, ReadOptions options) {
        try (Table table = TableFiles.read(file, options)) {
            return fromWide(table, file);
        }
    }

    /**
     * The matrix of a wide table: its date column ({@code Date} without regard to case, else the first column) and
     * every other column as one strategy.
     *
     * @param source the file the table came from, named in errors (or {@code null})
     * @throws DataFileException if a strategy column is not numeric or a value is missing or not finite
     */
    public static PnlMatrix fromWide(Table table, Path source) {
        Path file = source == null ? Path.of("<table>") : source;
        if (table.columnCount() < 2) {
            throw DataFileException.of(file, "has " + table.columnCount()
                    + " column(s); a P&L matrix needs a date column and at least one strategy column");
        }
        int dateColumn = 0;
        for (int c = 0; c < table.columnCount(); c++) {
            if (table.column(c).name().toLowerCase(Locale.ROOT).equals("date")) {
                dateColumn = c;
                break;
            }
        }
        int rows = table.rowCount();
        if (rows == 0) {
            throw DataFileException.of(file, "has a header but no days");
        }
        long[] dates = dates(table.column(dateColumn), file);
        int strategies = table.columnCount() - 1;
        double[] values = new double[Math.multiplyExact(strategies, rows)];
        List<String> names = new ArrayList<>(strategies);
        Map<String, Integer> seen = new HashMap<>();
        int s = 0;
        for (int c = 0; c < table.columnCount(); c++) {
            if (c == dateColumn) {
                continue;
            }
            Column column = table.column(c);
            if (seen.putIfAbsent(column.name(), c) != null) {
                throw DataFileException.at(file).column(column.name())
                        .build("the strategy name appears twice in the header");
            }
            names.add(column.name());
            int base = s * rows;
            switch (column) {
                case Float64Column f -> {
                    f.copyTo(0, values, base, rows);
                    for (int r = 0; r < rows; r++) {
                        if (!Double.isFinite(values[base + r])) {
                            throw cell(file, r, column.name(), Double.isNaN(values[base + r]) ? ""
                                    : Float64Column.text(values[base + r]), "a P&L must be a finite number");
                        }
                    }
                }
                case Int64Column l when l.logicalType() == LogicalType.INT64 ->
                        copyIntegers(l, l::get, file, values, base);
                case Int32Column i when i.logicalType() != LogicalType.BOOLEAN ->
                        copyIntegers(i, i::get, file, values, base);
                default -> throw notNumeric(file, column);
            }
            s++;
        }
        return new PnlMatrix(List.copyOf(names), dates, values);
    }

    /** An integer column's values as P&Ls, from {@code values[base]} on; a missing value is an error. */
    private static void copyIntegers(Column column, java.util.function.IntToDoubleFunction value, Path file,
                                     double[] values, int base) {
        for (int r = 0; r < column.size(); r++) {
            if (column.isMissing(r)) {
                throw cell(file, r, column.name(), "", "a P&L must be a finite number");
            }
            values[base + r] = value.applyAsDouble(r);
        }
    }

    private static long[] dates(Column column, Path file) {
        long[] dates = new long[column.size()];
        if (column instanceof Int64Column l
                && (l.logicalType() == LogicalType.DATE || l.logicalType() == LogicalType.TIMESTAMP)) {
            for (int r = 0; r < dates.length; r++) {
                if (l.isMissing(r)) {
                    throw cell(file, r, column.name(), "", "every day needs a date");
                }
                dates[r] = Math.floorDiv(l.get(r), MILLIS_PER_DAY);
            }
        } else {
            throw DataFileException.at(file).column(column.name()).build("the date column holds "
                    + column.logicalType().name().toLowerCase(Locale.ROOT) + " values, not dates (YYYY-MM-DD)");
        }
        for (int r = 1; r < dates.length; r++) {
            if (dates[r] <= dates[r - 1]) {
                throw cell(file, r, column.name(), column.format(r), dates[r] == dates[r - 1]
                        ? "the date repeats the previous row's" : "the dates must increase; this one is earlier than the previous row's");
            }
        }
        return dates;
    }

    private static DataFileException notNumeric(Path file, Column column) {
        if (column instanceof StringColumn text) {
            for (int r = 0; r < text.size(); r++) {
                String v = text.isMissing(r) ? "" : text.get(r);
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return cell(file, r, column.name(), v, "a P&L must be a number");
                }
            }
        }
        return DataFileException.at(file).column(column.name()).build("a strategy column must hold numbers, not "
                + column.logicalType().name().toLowerCase(Locale.ROOT) + " values");
    }

    /** Row {@code r} of the table: a text file's line {@code r + 2} (after the header), a binary file's row. */
    private static DataFileException cell(Path file, int r, String column, String value, String problem) {
        DataFileException.Builder at = DataFileException.at(file).column(column).value(value);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean text = name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")
                || name.endsWith(".csv.gz");
        String said = value.isEmpty() ? "the cell is empty; " + problem : "'" + value + "': " + problem;
        return (text ? at.line(r + 2L) : at.row(r)).build(said);
    }

    /** The number of strategies (rows of the matrix). */
    public int strategies() {
        return names.size();
    }

    /** The number of days (columns of the matrix). */
    public int days() {
        return days;
    }

    /** The strategy names, in the input's order and spelling. */
    public List<String> names() {
        return names;
    }

    /** Strategy {@code s}'s name. */
    public String name(int s) {
        return names.get(s);
    }

    /** Day {@code d}'s date, in days since 1970-01-01. */
    public long date(int d) {
        return dates[d];
    }

    /** The dates, a copy. */
    public long[] dates() {
        return dates.clone();
    }

    /** One value: strategy {@code s}'s P&amp;L on day {@code d}. */
    public double get(int s, int d) {
        return values[s * days + Objects.checkIndex(d, days)];
    }

    /** Strategy {@code s}'s daily P&amp;L, a copy. */
    public double[] row(int s) {
        Objects.checkIndex(s, names.size());
        return Arrays.copyOfRange(values, s * days, (s + 1) * days);
    }

    /**
     * The values themselves, strategy-major ({@code [s * days() + d]}), without a copy: for kernels that read the
     * whole matrix. Callers must not write to it.
     */
    public double[] values() {
        return values;
    }

    /** The sub-matrix of the given strategies, in the given order. */
    public PnlMatrix select(int[] strategies) {
        double[] out = new double[strategies.length * days];
        List<String> selected = new ArrayList<>(strategies.length);
        for (int i = 0; i < strategies.length; i++) {
            int s = Objects.checkIndex(strategies[i], names.size());
            System.arraycopy(values, s * days, out, i * days, days);
            selected.add(names.get(s));
        }
        return of(selected, dates, out);
    }

    /**
     * This matrix with the given strategies negated (their P&amp;L × −1), as {@code --invert} enters a losing strategy
     * reversed. Names are kept.
     */
    public PnlMatrix negate(boolean[] negated) {
        if (negated.length != names.size()) {
            throw new IllegalArgumentException(negated.length + " flags for " + names.size() + " strategies");
        }
        double[] out = values.clone();
        for (int s = 0; s < negated.length; s++) {
            if (negated[s]) {
                for (int d = s * days; d < (s + 1) * days; d++) {
                    out[d] = -out[d];
                }
            }
        }
        return new PnlMatrix(names, dates, out);
    }

    /**
     * The matrix as a wide table: a {@code Date} column (dates) and one float64 column per strategy, named as the
     * strategy; what {@link #read} reads back. The columns copy the values.
     */
    public Table toWide() {
        List<Column> columns = new ArrayList<>(names.size() + 1);
        long[] millis = new long[dates.length];
        for (int d = 0; d < dates.length; d++) {
            millis[d] = dates[d] * MILLIS_PER_DAY;
        }
        columns.add(Int64Column.wrap("Date", millis).withLogicalType(LogicalType.DATE));
        for (int s = 0; s < names.size(); s++) {
            columns.add(Float64Column.wrap(names.get(s), row(s)));
        }
        return Table.of(columns);
    }

    /** The column index of each strategy name. */
    public Map<String, Integer> indexByName() {
        Map<String, Integer> index = HashMap.newHashMap(names.size());
        for (int s = 0; s < names.size(); s++) {
            index.put(names.get(s), s);
        }
        return index;
    }

    @Override
    public String toString() {
        return "PnlMatrix[" + names.size() + " strategies × " + days + " days]";
    }
}
