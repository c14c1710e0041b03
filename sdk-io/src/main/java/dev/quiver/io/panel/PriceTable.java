package dev.quiver.io.panel;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import dev.quiver.io.DataFileException;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFiles;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A price table of any shape, checked and sorted into the long layout a {@link Panel} needs: one row per (symbol,
 * date), rows sorted by symbol then date. Built from a file ({@link #read}) or from a table already read
 * ({@link #of}); see the {@linkplain dev.quiver.io.panel package documentation} for the shapes, how they are
 * detected, the column names and the checks.
 *
 * <p>The price table owns its sorted off-heap table: close it when done. The input table is not kept.
 *
 * <p>Thread-safety: immutable once built; safe to read from many threads; {@link #close()} must not race with
 * readers.
 */
public final class PriceTable implements AutoCloseable {
    /** The name of the date column in {@link #table()}. */
    public static final String DATE = "date";
    /** The name of the symbol column in {@link #table()} (absent for a single series). */
    public static final String SYMBOL = "symbol";
    /** The price columns that are checked, in their canonical names. */
    public static final List<String> PRICES = List.of("open", "high", "low", "close", "adjclose");
    /** The volume column's canonical name. */
    public static final String VOLUME = "volume";

    /** The column a file read for a price table carries its lines in. */
    static final String LINE = "__quiver_line__";
    private static final List<String> DATE_NAMES = List.of("date", "time", "timestamp", "datetime");
    private static final List<String> SYMBOL_NAMES = List.of("symbol", "ticker");
    private static final Map<String, String> ROLE_NAMES = Map.of("open", "open", "high", "high", "low", "low",
            "close", "close", "volume", "volume", "adjclose", "adjclose", "adj_close", "adjclose",
            "adj close", "adjclose");

    private final Table table;
    private final Panel panel;
    private final TableShape shape;
    private final Map<String, String> fileNames;
    private final int[] inputOrder;
    private final int inputRows;

    private PriceTable(Table table, Panel panel, TableShape shape, Map<String, String> fileNames, int[] inputOrder,
                       int inputRows) {
        this.table = table;
        this.panel = panel;
        this.shape = shape;
        this.fileNames = fileNames;
        this.inputOrder = inputOrder;
        this.inputRows = inputRows;
    }

    /**
     * Reads a price file of any format ({@link TableFiles}) and makes it a price table; errors name the file's lines.
     *
     * @throws DataFileException naming the file, line, column and value for bad content or a missing column
     */
    public static PriceTable read(Path file, ReadOptions read, PriceTableOptions options) {
        try (Table t = TableFiles.read(file, read.toBuilder().lineColumn(LINE).build())) {
            return of(t, file, options);
        }
    }

    /**
     * Makes a price table of an already read table (which stays the caller's); {@code source} names it in errors
     * and gives a single series its default symbol (the file name without its extension).
     *
     * @throws DataFileException naming the source, line or row, column and value for bad content or a missing column
     */
    public static PriceTable of(Table input, Path source, PriceTableOptions options) {
        return new Builder(input, source, options).build();
    }

    /** The sorted table: the date (and symbol) columns and the others under {@linkplain #columns() their names}. */
    public Table table() {
        return table;
    }

    /** The panel over {@link #table()}. */
    public Panel panel() {
        return panel;
    }

    /** The shape the input had. */
    public TableShape shape() {
        return shape;
    }

    /** The columns of {@link #table()} in the input's order: canonical lower-case names for the date and prices. */
    public List<String> columns() {
        return table.schema().names();
    }

    /** The name a column of {@link #table()} had in the input (its own name if it was not renamed). */
    public String inputName(String column) {
        return fileNames.getOrDefault(column, column);
    }

    /** The table's column playing a role ({@code close}, {@code volume}, ...), if there is one. */
    public Optional<String> column(String role) {
        String canonical = ROLE_NAMES.getOrDefault(role.toLowerCase(Locale.ROOT), role);
        return table.schema().contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    /** The number of rows the input had (for a wide table: dates, not bars). */
    public int inputRows() {
        return inputRows;
    }

    /**
     * For each input row, its row in {@link #table()}; empty for a wide input, whose rows each became several.
     */
    public Optional<int[]> inputOrder() {
        return Optional.ofNullable(inputOrder).map(int[]::clone);
    }

    /**
     * Columns in the sorted order of {@link #table()} (the table itself, or features computed over the panel) put
     * back into the input's row order, in a new off-heap table the caller closes. A wide input has no single row
     * order: its rows stay sorted by (symbol, date).
     *
     * @throws IllegalArgumentException if {@code sorted} does not have the panel's row count
     */
    public Table inInputOrder(Table sorted) {
        if (sorted.rowCount() != table.rowCount()) {
            throw new IllegalArgumentException("the table has " + sorted.rowCount() + " rows, the panel "
                    + table.rowCount());
        }
        int[] rows = inputOrder;
        if (rows == null) {
            rows = new int[sorted.rowCount()];
            Arrays.setAll(rows, i -> i);
        }
        try (TableBuilder b = TableBuilder.offHeap()) {
            for (Column c : sorted.columns()) {
                Gather.column(b, c.field(), c, rows);
            }
            return b.build();
        }
    }

    /** Frees the sorted table. */
    @Override
    public void close() {
        table.close();
    }

    @Override
    public String toString() {
        return "PriceTable[" + shape + ", " + table.rowCount() + " rows, " + panel.symbolCount() + " symbols, "
                + columns() + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Does the work of {@link #of}: detection, conversion, checks, sorting. */
    private static final class Builder {
        private final Table input;
        private final Path source;
        private final PriceTableOptions options;
        private final Int64Column lines;
        private final List<Column> columns = new ArrayList<>();

        Builder(Table input, Path source, PriceTableOptions options) {
            this.input = input;
            this.source = source;
            this.options = options;
            Int64Column l = null;
            for (Column c : input.columns()) {
                if (c.name().equals(LINE) && c instanceof Int64Column lc) {
                    l = lc;
                } else {
                    columns.add(c);
                }
            }
            this.lines = l;
        }

        PriceTable build() {
            int date = find(options.dateColumn().orElse(null), DATE_NAMES, "date", true);
            int symbol = find(options.symbolColumn().orElse(null), SYMBOL_NAMES, "symbol", false);
            TableShape shape = options.shape().orElseGet(() -> detect(date, symbol));
            if (shape == TableShape.LONG && symbol < 0) {
                throw fileError("has no symbol column (Symbol or Ticker; name it with --symbol-column), which a long "
                        + "table needs; its columns are " + names());
            }
            long[] times = times(date);
            return shape == TableShape.WIDE ? wide(date, times) : longOrSeries(shape, date, symbol, times);
        }

        private List<String> names() {
            List<String> names = new ArrayList<>();
            for (Column c : columns) {
                names.add(c.name());
            }
            return names;
        }

        private TableShape detect(int date, int symbol) {
            if (symbol >= 0) {
                return TableShape.LONG;
            }
            for (Column c : columns) {
                if (ROLE_NAMES.containsKey(c.name().strip().toLowerCase(Locale.ROOT))) {
                    return TableShape.SERIES;
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                if (c != date && !isNumber(columns.get(c))) {
                    throw fileError("has neither a symbol column nor price columns (Open, High, Low, Close, Volume), "
                            + "and its column '" + columns.get(c).name() + "' is text, so it is not a wide table of "
                            + "one number per symbol either; its columns are " + names() + " (name the shape with "
                            + "--shape)");
                }
            }
            return TableShape.WIDE;
        }

        /** The column named so (any case), else the first of the defaults; -1 if optional and absent. */
        private int find(String given, List<String> defaults, String what, boolean required) {
            if (given != null) {
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).name().equalsIgnoreCase(given.strip())) {
                        return c;
                    }
                }
                throw fileError("has no column '" + given + "' (the " + what + " column given); its columns are "
                        + names());
            }
            for (String d : defaults) {
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).name().strip().equalsIgnoreCase(d)) {
                        return c;
                    }
                }
            }
            if (required) {
                throw fileError("has no date column (Date, Time, Timestamp or Datetime; name it with --date-column); "
                        + "its columns are " + names());
            }
            return -1;
        }

        private static boolean isNumber(Column c) {
            return c.type() != ColumnType.STRING && !c.logicalType().isTemporal()
                    && c.logicalType() != LogicalType.BOOLEAN;
        }

        // ----- errors

        private DataFileException.Builder at(int row) {
            DataFileException.Builder b = DataFileException.at(source);
            return lines != null ? b.line(lines.get(row)) : b.row(row);
        }

        private String where(int row) {
            return lines != null ? "line " + lines.get(row) : "row " + row;
        }

        private DataFileException fileError(String problem) {
            return DataFileException.of(source, problem);
        }

        // ----- dates

        private long[] times(int c) {
            Column col = columns.get(c);
            int n = input.rowCount();
            long[] times = new long[n];
            if (n == 0) {
                return times; // no rows: a header-only file's date column has no type to check
            }
            switch (col) {
                case Int64Column l when l.logicalType().isTemporal() -> {
                    for (int r = 0; r < n; r++) {
                        times[r] = l.get(r);
                        if (times[r] == Int64Column.MISSING) {
                            throw at(r).column(col.name()).build("the date is missing");
                        }
                    }
                }
                case StringColumn s -> {
                    for (int r = 0; r < n; r++) {
                        String text = s.get(r);
                        if (text == null) {
                            throw at(r).column(col.name()).build("the date is missing");
                        }
                        try {
                            times[r] = Timestamps.parse(text);
                        } catch (DateTimeParseException e) {
                            throw at(r).column(col.name()).value(text).build("'" + text + "' is not a date "
                                    + "(expected YYYY-MM-DD or an ISO 8601 date-time)");
                        }
                    }
                }
                default -> throw fileError("column '" + col.name() + "' holds " + col.logicalType()
                        + " values, not dates (expected YYYY-MM-DD dates or ISO 8601 date-times)");
            }
            return times;
        }

        private static LogicalType timeType(long[] times) {
            for (long t : times) {
                if (Math.floorMod(t, 86_400_000L) != 0) {
                    return LogicalType.TIMESTAMP;
                }
            }
            return LogicalType.DATE;
        }

        // ----- long and series

        private PriceTable longOrSeries(TableShape shape, int date, int symbol, long[] times) {
            int n = input.rowCount();
            // canonical names, each role once
            List<String> canonical = new ArrayList<>();
            Map<String, String> fileNames = new LinkedHashMap<>();
            Map<String, Integer> roleColumn = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c).name();
                String role = c == date ? DATE : c == symbol ? SYMBOL
                        : ROLE_NAMES.get(name.strip().toLowerCase(Locale.ROOT));
                String out = role != null ? role : name;
                if (role != null) {
                    Integer before = roleColumn.putIfAbsent(role, c);
                    if (before != null) {
                        throw fileError("has two " + role + " columns, '" + columns.get(before).name() + "' and '"
                                + name + "'; keep one");
                    }
                    fileNames.put(out, name);
                }
                if (canonical.contains(out)) {
                    throw fileError("has a column '" + name + "' and another that reads as '" + out + "'; rename "
                            + "one");
                }
                canonical.add(out);
            }
            requireColumns(canonical, roleColumn.keySet());

            String[] symbols = shape == TableShape.LONG ? null : new String[] {options.seriesSymbol()
                    .orElseGet(this::fileStem)};
            int[] rank = new int[n];
            String[] dictionary = symbols;
            if (shape == TableShape.LONG) {
                SymbolCodes sc = symbolCodes(columns.get(symbol));
                dictionary = sc.sortedSymbols;
                for (int r = 0; r < n; r++) {
                    rank[r] = sc.rankOfCode[sc.codes[r]];
                }
            }

            // a price read as text holds a value that is not a number: name it
            for (Map.Entry<String, Integer> e : roleColumn.entrySet()) {
                if ((PRICES.contains(e.getKey()) || e.getKey().equals(VOLUME))
                        && columns.get(e.getValue()) instanceof StringColumn text) {
                    throw notANumber(text);
                }
            }
            // numeric columns as doubles, for the checks and the kernels
            double[][] values = new double[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                if (c != date && c != symbol && isNumber(columns.get(c))) {
                    values[c] = doubles(columns.get(c));
                }
            }
            if (options.validate()) {
                validate(roleColumn, values, n);
            }

            int[] order = RowOrder.sort(rank, times, dictionary.length);
            checkDuplicates(order, rank, times, shape == TableShape.LONG ? dictionary : null,
                    columns.get(date).name());
            int[] sortedRow = new int[n];
            for (int i = 0; i < n; i++) {
                sortedRow[order[i]] = i;
            }

            LogicalType timeType = timeType(times);
            try (TableBuilder b = TableBuilder.offHeap()) {
                for (int c = 0; c < columns.size(); c++) {
                    String name = canonical.get(c);
                    if (c == date) {
                        MemorySegment dst = b.allocate(Field.of(name, timeType), n);
                        for (int i = 0; i < n; i++) {
                            dst.setAtIndex(ValueLayout.JAVA_LONG, i, times[order[i]]);
                        }
                    } else if (c == symbol) {
                        int[] codes = new int[n];
                        for (int i = 0; i < n; i++) {
                            codes[i] = rank[order[i]];
                        }
                        b.stringCodes(name, codes, Arrays.asList(dictionary));
                    } else if (values[c] != null) {
                        MemorySegment dst = b.allocate(Field.float64(name), n);
                        double[] v = values[c];
                        for (int i = 0; i < n; i++) {
                            dst.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v[order[i]]);
                        }
                    } else {
                        Gather.column(b, columns.get(c).field().withName(name), columns.get(c), order);
                    }
                }
                Table t = b.build();
                try {
                    Panel panel = shape == TableShape.LONG ? Panel.of(t, SYMBOL, DATE)
                            : Panel.ofSeries(t, dictionary[0], DATE);
                    return new PriceTable(t, panel, shape, Map.copyOf(fileNames), sortedRow, n);
                } catch (RuntimeException e) {
                    t.close();
                    throw e;
                }
            }
        }

        private String fileStem() {
            Path name = source.getFileName();
            String s = name == null ? "series" : name.toString();
            int dot = s.lastIndexOf('.');
            return dot > 0 ? s.substring(0, dot) : s;
        }

        private void requireColumns(List<String> canonical, java.util.Set<String> roles) {
            for (String wanted : options.required()) {
                String w = wanted.strip().toLowerCase(Locale.ROOT);
                String role = ROLE_NAMES.getOrDefault(w, w);
                boolean found = roles.contains(role);
                for (String c : canonical) {
                    found |= c.equalsIgnoreCase(wanted.strip());
                }
                if (!found) {
                    throw fileError("has no '" + wanted + "' column, which is needed here; its columns are "
                            + names());
                }
            }
        }

        /** Symbols as codes into their ascending dictionary. */
        private record SymbolCodes(int[] codes, String[] sortedSymbols, int[] rankOfCode) {
        }

        private SymbolCodes symbolCodes(Column col) {
            int n = input.rowCount();
            List<String> dict;
            int[] codes = new int[n];
            if (col instanceof StringColumn s) {
                dict = s.dictionary();
                for (int r = 0; r < n; r++) {
                    codes[r] = s.code(r);
                    if (codes[r] == StringColumn.MISSING_CODE) {
                        throw at(r).column(col.name()).build("the symbol is missing");
                    }
                }
            } else {
                // numeric tickers: their text
                Map<String, Integer> index = new HashMap<>();
                dict = new ArrayList<>();
                for (int r = 0; r < n; r++) {
                    if (col.isMissing(r)) {
                        throw at(r).column(col.name()).build("the symbol is missing");
                    }
                    String text = col.format(r);
                    List<String> d = dict;
                    codes[r] = index.computeIfAbsent(text, k -> {
                        d.add(k);
                        return d.size() - 1;
                    });
                }
            }
            String[] sorted = dict.toArray(String[]::new);
            Integer[] byName = new Integer[sorted.length];
            Arrays.setAll(byName, i -> i);
            Arrays.sort(byName, (a, b) -> sorted[a].compareTo(sorted[b]));
            int[] rankOfCode = new int[sorted.length];
            String[] ascending = new String[sorted.length];
            for (int rank = 0; rank < byName.length; rank++) {
                rankOfCode[byName[rank]] = rank;
                ascending[rank] = sorted[byName[rank]];
            }
            return new SymbolCodes(codes, ascending, rankOfCode);
        }

        private double[] doubles(Column col) {
            int n = col.size();
            double[] v = new double[n];
            switch (col) {
                case Float64Column f -> f.copyTo(0, v, 0, n);
                case Int64Column l -> {
                    for (int r = 0; r < n; r++) {
                        long x = l.get(r);
                        v[r] = x == Int64Column.MISSING ? Double.NaN : x;
                    }
                }
                case Int32Column i -> {
                    for (int r = 0; r < n; r++) {
                        int x = i.get(r);
                        v[r] = x == Int32Column.MISSING ? Double.NaN : x;
                    }
                }
                case StringColumn s -> throw new AssertionError("text is not converted");
            }
            return v;
        }

        // ----- checks

        private void validate(Map<String, Integer> roleColumn, double[][] values, int n) {
            double[] high = column(roleColumn, values, "high");
            double[] low = column(roleColumn, values, "low");
            double[] volume = column(roleColumn, values, VOLUME);
            for (String price : PRICES) {
                double[] v = column(roleColumn, values, price);
                if (v == null) {
                    continue;
                }
                String name = columns.get(roleColumn.get(price)).name();
                for (int r = 0; r < n; r++) {
                    checkPrice(v[r], r, name);
                }
            }
            if (high != null && low != null) {
                String h = columns.get(roleColumn.get("high")).name();
                for (int r = 0; r < n; r++) {
                    if (high[r] < low[r]) {
                        throw at(r).column(h).value(text(high[r])).build("the high " + text(high[r])
                                + " is below the low " + text(low[r]));
                    }
                }
                for (String p : List.of("close", "open")) {
                    double[] v = column(roleColumn, values, p);
                    if (v == null) {
                        continue;
                    }
                    String name = columns.get(roleColumn.get(p)).name();
                    for (int r = 0; r < n; r++) {
                        if (v[r] < low[r] || v[r] > high[r]) {
                            throw at(r).column(name).value(text(v[r])).build("the " + p + " " + text(v[r])
                                    + " is outside the bar's range [low " + text(low[r]) + ", high "
                                    + text(high[r]) + "]");
                        }
                    }
                }
            }
            if (volume != null) {
                String name = columns.get(roleColumn.get(VOLUME)).name();
                for (int r = 0; r < n; r++) {
                    if (volume[r] < 0 || Double.isInfinite(volume[r])) {
                        throw at(r).column(name).value(text(volume[r])).build(text(volume[r])
                                + " is not a volume (it must be zero or more)");
                    }
                }
            }
        }

        /** The first value of a text column that is not a number, as an error. */
        private DataFileException notANumber(StringColumn text) {
            for (int r = 0; r < text.size(); r++) {
                String v = text.get(r);
                if (v != null) {
                    try {
                        Double.parseDouble(v.strip());
                    } catch (NumberFormatException e) {
                        return at(r).column(text.name()).value(v).build("'" + v + "' is not a number");
                    }
                }
            }
            return fileError("column '" + text.name() + "' holds text where numbers are expected");
        }

        private void checkPrice(double v, int r, String column) {
            if (Double.isNaN(v)) {
                throw at(r).column(column).build("the price is missing (an empty field, NA or NaN)");
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw at(r).column(column).value(text(v)).build(text(v) + " is not a positive price");
            }
        }

        private static double[] column(Map<String, Integer> roleColumn, double[][] values, String role) {
            Integer c = roleColumn.get(role);
            return c == null ? null : values[c];
        }

        private static String text(double v) {
            String t = Float64Column.text(v);
            return t.isEmpty() ? "NaN" : t;
        }

        private void checkDuplicates(int[] order, int[] rank, long[] times, String[] symbols, String dateName) {
            for (int i = 1; i < order.length; i++) {
                int a = order[i - 1];
                int b = order[i];
                if (rank[a] == rank[b] && times[a] == times[b]) {
                    throw at(b).column(dateName).value(Timestamps.format(times[b])).build(Timestamps.format(times[b])
                            + (symbols != null ? " for " + symbols[rank[b]] : "")
                            + " is given twice (also on " + where(a) + ")");
                }
            }
        }

        // ----- wide

        private PriceTable wide(int date, long[] times) {
            int n = input.rowCount();
            String field = ROLE_NAMES.getOrDefault(options.wideField().toLowerCase(Locale.ROOT),
                    options.wideField());
            for (String wanted : options.required()) {
                String w = ROLE_NAMES.getOrDefault(wanted.strip().toLowerCase(Locale.ROOT),
                        wanted.strip().toLowerCase(Locale.ROOT));
                if (!w.equals(field) && !w.equals(DATE) && !w.equals(SYMBOL)) {
                    throw fileError("is a wide table of " + field + " values (one column per symbol), but '" + wanted
                            + "' is needed here; use a long table with that column");
                }
            }
            List<Integer> symbolColumns = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (c == date) {
                    continue;
                }
                if (!isNumber(columns.get(c))) {
                    throw fileError("is a wide table (one column per symbol), but its column '"
                            + columns.get(c).name() + "' is not numbers");
                }
                symbolColumns.add(c);
            }
            String[] names = new String[symbolColumns.size()];
            for (int k = 0; k < names.length; k++) {
                names[k] = columns.get(symbolColumns.get(k)).name();
            }
            Integer[] byName = new Integer[names.length];
            Arrays.setAll(byName, i -> i);
            Arrays.sort(byName, (a, b) -> names[a].compareTo(names[b]));
            boolean isPrice = PRICES.contains(field);
            // rows sorted by (symbol, date): each symbol's present cells in date order
            int[] dateOrder = RowOrder.sort(new int[n], times, 1);
            for (int i = 1; i < n; i++) {
                if (times[dateOrder[i]] == times[dateOrder[i - 1]]) {
                    int b = dateOrder[i];
                    throw at(b).column(columns.get(date).name()).value(Timestamps.format(times[b]))
                            .build(Timestamps.format(times[b]) + " is given twice (also on "
                                    + where(dateOrder[i - 1]) + ")");
                }
            }
            double[][] cells = new double[names.length][];
            int total = 0;
            for (int k = 0; k < names.length; k++) {
                Column col = columns.get(symbolColumns.get(k));
                cells[k] = doubles(col);
                for (int r = 0; r < n; r++) {
                    double v = cells[k][r];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    total++;
                    if (options.validate()) {
                        if (isPrice && (!(v > 0) || Double.isInfinite(v))) {
                            throw at(r).column(col.name()).value(text(v)).build(text(v) + " is not a positive price");
                        }
                        if (!isPrice && field.equals(VOLUME) && v < 0) {
                            throw at(r).column(col.name()).value(text(v)).build(text(v)
                                    + " is not a volume (it must be zero or more)");
                        }
                    }
                }
            }
            try (TableBuilder b = TableBuilder.offHeap()) {
                int[] codes = new int[total];
                MemorySegment dates = b.allocate(Field.of(DATE, timeType(times)), total);
                MemorySegment values = b.allocate(Field.float64(field), total);
                int at = 0;
                String[] ascending = new String[names.length];
                for (int rank = 0; rank < byName.length; rank++) {
                    int k = byName[rank];
                    ascending[rank] = names[k];
                    for (int r : dateOrder) {
                        double v = cells[k][r];
                        if (!Double.isNaN(v)) {
                            codes[at] = rank;
                            dates.setAtIndex(ValueLayout.JAVA_LONG, at, times[r]);
                            values.setAtIndex(ValueLayout.JAVA_DOUBLE, at, v);
                            at++;
                        }
                    }
                }
                b.stringCodes(SYMBOL, codes, Arrays.asList(ascending));
                Table sorted = b.build();
                // the builder added the date and the values before the symbol; present them as date, symbol, field
                Table t = Table.owning(List.of(sorted.column(DATE), sorted.column(SYMBOL), sorted.column(field)),
                        sorted::close);
                try {
                    Map<String, String> fileNames = new LinkedHashMap<>();
                    fileNames.put(DATE, columns.get(date).name());
                    return new PriceTable(t, Panel.of(t, SYMBOL, DATE), TableShape.WIDE, Map.copyOf(fileNames), null,
                            n);
                } catch (RuntimeException e) {
                    t.close();
                    throw e;
                }
            }
        }
    }
}
