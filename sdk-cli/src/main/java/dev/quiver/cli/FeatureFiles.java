package dev.quiver.cli;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import dev.quiver.api.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The files of {@code quiver features}: reads a price table from CSV or Arrow IPC into a panel, and writes the
 * input columns followed by the features to CSV or Arrow IPC, atomically.
 *
 * <h2>Input</h2>
 * <ul>
 *   <li><b>Columns.</b> The date column ({@code --date-column}, else the first of {@code Date}, {@code Time},
 *       {@code Timestamp} in any case) holds ISO dates ({@code YYYY-MM-DD}); in Arrow also a date, timestamp or
 *       integer (milliseconds since the epoch) column. The symbol column ({@code --symbol-column}, else
 *       {@code Symbol} or {@code Ticker} if there is one) makes the file a panel; without one it is a single series.
 *       The price columns {@code Open, High, Low, Close, Volume, AdjClose} (any case) must be numeric; any other
 *       column is numeric if every value is a number, else text (a sector, for {@code xs_neutralize}).</li>
 *   <li><b>Missing values.</b> An empty field, {@code NA} or {@code NaN}; in Arrow, a null.</li>
 *   <li><b>Order.</b> Rows may come in any order (files sorted by date then symbol are common): they are sorted by
 *       (symbol, date) for computing, and the output keeps the input's row order. A (symbol, date) pair given twice
 *       is an error naming both rows.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class FeatureFiles {
    /** Columns that must hold numbers. */
    private static final Set<String> PRICE_COLUMNS = Set.of("open", "high", "low", "close", "volume", "adjclose",
            "adj_close");
    private static final List<String> DATE_NAMES = List.of("date", "time", "timestamp");
    private static final List<String> SYMBOL_NAMES = List.of("symbol", "ticker");

    private FeatureFiles() {
    }

    /**
     * A loaded input: the table sorted by (symbol, time) over which the panel is built, the input's columns in file
     * order, and the sorted row of each input row.
     *
     * @param table the sorted table: the file's columns, the date as {@code INT64} milliseconds
     * @param panel the panel over it
     * @param columns the file's column names, in order
     * @param sortedRow for each input row, its row in {@code table}
     */
    record Input(Table table, Panel panel, List<String> columns, int[] sortedRow, String dateColumn) {
    }

    /**
     * Reads a CSV or Arrow IPC file (by its content: Arrow files start with {@code ARROW1}).
     *
     * @throws IllegalArgumentException naming the file, row, column and value for bad content
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    static Input read(Path file, String dateColumn, String symbolColumn) {
        try {
            RawTable raw = isArrow(file) ? readArrow(file) : readCsv(file, dateColumn, symbolColumn);
            return raw.toInput(file, dateColumn, symbolColumn);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("input file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isArrow(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(6);
            return Arrays.equals(magic, "ARROW1".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Columns as read, before sorting: each numeric (double[]), text (String[]) or the dates (long[]). */
    private record RawTable(List<String> names, List<Object> values, int rows, String source, boolean arrow) {

        Input toInput(Path file, String dateOption, String symbolOption) {
            int dateIndex = find(dateOption, DATE_NAMES, "--date-column", true);
            int symbolIndex = find(symbolOption, SYMBOL_NAMES, "--symbol-column", false);
            long[] times = dates(dateIndex);
            String[] symbols = symbolIndex < 0 ? null : text(symbolIndex);
            if (symbols != null) {
                for (int r = 0; r < rows; r++) {
                    if (symbols[r] == null) {
                        throw new IllegalArgumentException(where(r) + ", column '" + names.get(symbolIndex)
                                + "': the symbol is empty");
                    }
                }
            }
            // sort by (symbol, time); ties would be a duplicate pair
            Integer[] order = new Integer[rows];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> {
                int c = symbols == null ? 0 : symbols[a].compareTo(symbols[b]);
                return c != 0 ? c : Long.compare(times[a], times[b]);
            });
            int[] sortedRow = new int[rows];
            for (int r = 0; r < rows; r++) {
                sortedRow[order[r]] = r;
                if (r > 0 && times[order[r]] == times[order[r - 1]]
                        && (symbols == null || symbols[order[r]].equals(symbols[order[r - 1]]))) {
                    int first = Math.min(order[r], order[r - 1]);
                    int second = Math.max(order[r], order[r - 1]);
                    throw new IllegalArgumentException(where(second) + ", column '" + names.get(dateIndex) + "': "
                            + Timestamps.format(times[second]) + (symbols == null ? "" : " for "
                            + symbols[second]) + " is given twice (also at " + row(first) + ")");
                }
            }
            try (TableBuilder b = TableBuilder.offHeap()) {
                for (int c = 0; c < names.size(); c++) {
                    String name = names.get(c);
                    if (c == dateIndex) {
                        long[] sorted = new long[rows];
                        for (int r = 0; r < rows; r++) {
                            sorted[r] = times[order[r]];
                        }
                        b.int64(name, sorted);
                    } else if (values.get(c) instanceof double[] v) {
                        fill(b.allocateFloat64(name, rows), v, order);
                    } else {
                        String[] v = (String[]) values.get(c);
                        String[] sorted = new String[rows];
                        for (int r = 0; r < rows; r++) {
                            sorted[r] = v[order[r]];
                        }
                        b.string(name, sorted);
                    }
                }
                Table table = b.build();
                try {
                    Panel panel = symbolIndex < 0 ? Panel.ofSeries(table, file.getFileName().toString(),
                            names.get(dateIndex)) : Panel.of(table, names.get(symbolIndex), names.get(dateIndex));
                    return new Input(table, panel, List.copyOf(names), sortedRow, names.get(dateIndex));
                } catch (RuntimeException e) {
                    table.close();
                    throw e;
                }
            }
        }

        private int find(String option, List<String> defaults, String optionName, boolean required) {
            if (option != null) {
                for (int c = 0; c < names.size(); c++) {
                    if (names.get(c).equalsIgnoreCase(option)) {
                        return c;
                    }
                }
                throw new IllegalArgumentException(source + ": no column '" + option + "' (" + optionName
                        + "); the columns are " + names);
            }
            for (String d : defaults) {
                for (int c = 0; c < names.size(); c++) {
                    if (names.get(c).equalsIgnoreCase(d)) {
                        return c;
                    }
                }
            }
            if (required) {
                throw new IllegalArgumentException(source + ": no date column (Date, Time or Timestamp) among "
                        + names + "; name it with " + optionName);
            }
            return -1;
        }

        private long[] dates(int c) {
            Object v = values.get(c);
            if (v instanceof long[] l) {
                return l;
            }
            if (arrow && v instanceof double[] millis) {
                long[] times = new long[rows];
                for (int r = 0; r < rows; r++) {
                    if (Double.isNaN(millis[r])) {
                        throw new IllegalArgumentException(where(r) + ", column '" + names.get(c)
                                + "': the date is missing");
                    }
                    times[r] = (long) millis[r];
                }
                return times;
            }
            String[] text = v instanceof String[] s ? s : null;
            if (text == null) {
                throw new IllegalArgumentException(source + ", column '" + names.get(c) + "': the dates are numbers; "
                        + "expected YYYY-MM-DD dates");
            }
            long[] times = new long[rows];
            for (int r = 0; r < rows; r++) {
                if (text[r] == null) {
                    throw new IllegalArgumentException(where(r) + ", column '" + names.get(c) + "': the date is "
                            + "empty");
                }
                try {
                    times[r] = Timestamps.parse(text[r]);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where(r) + ", column '" + names.get(c) + "': '" + text[r]
                            + "' is not a date (expected YYYY-MM-DD)", e);
                }
            }
            return times;
        }

        private String[] text(int c) {
            Object v = values.get(c);
            if (v instanceof String[] s) {
                return s;
            }
            // a numeric symbol column (tickers that are numbers): its values as text
            String[] s = new String[rows];
            if (v instanceof double[] d) {
                for (int r = 0; r < rows; r++) {
                    s[r] = Double.isNaN(d[r]) ? null : Float64Column.wrap("x", new double[] {d[r]}).format(0);
                }
            } else {
                long[] l = (long[]) v;
                for (int r = 0; r < rows; r++) {
                    s[r] = Long.toString(l[r]);
                }
            }
            return s;
        }

        private String where(int r) {
            return source + ", " + row(r);
        }

        /** CSV rows are reported as file lines (the header is line 1); Arrow rows by index. */
        private String row(int r) {
            return arrow ? "row " + r : "line " + (r + 2);
        }
    }

    /** Fills a column's segment with values in sorted order, without another heap copy. */
    private static void fill(MemorySegment seg, double[] v, Integer[] order) {
        for (int r = 0; r < v.length; r++) {
            seg.setAtIndex(ValueLayout.JAVA_DOUBLE, r, v[order[r]]);
        }
    }

    // ---------------------------------------------------------------- CSV

    private static RawTable readCsv(Path file, String dateOption, String symbolOption) throws IOException {
        String[] names;
        List<String[]> fields = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException(file + ": the file is empty; expected a header line");
            }
            if (header.charAt(0) == '\uFEFF') {
                header = header.substring(1);
            }
            names = header.split(",", -1);
            for (int c = 0; c < names.length; c++) {
                names[c] = names[c].trim();
                if (names[c].isEmpty()) {
                    throw new IllegalArgumentException(file + ", line 1: column " + (c + 1) + " has no name");
                }
            }
            int line = 1;
            for (String text; (text = in.readLine()) != null; ) {
                line++;
                if (text.isBlank()) {
                    throw new IllegalArgumentException(file + ", line " + line + ": the line is empty");
                }
                String[] f = text.split(",", -1);
                if (f.length != names.length) {
                    throw new IllegalArgumentException(file + ", line " + line + ": " + f.length
                            + " fields, but the header has " + names.length);
                }
                fields.add(f);
            }
        }
        int rows = fields.size();
        List<Object> values = new ArrayList<>(names.length);
        for (int c = 0; c < names.length; c++) {
            boolean dateOrSymbol = names[c].equalsIgnoreCase(dateOption == null ? "" : dateOption)
                    || names[c].equalsIgnoreCase(symbolOption == null ? "" : symbolOption)
                    || (dateOption == null && DATE_NAMES.contains(names[c].toLowerCase(Locale.ROOT)))
                    || (symbolOption == null && SYMBOL_NAMES.contains(names[c].toLowerCase(Locale.ROOT)));
            boolean price = PRICE_COLUMNS.contains(names[c].toLowerCase(Locale.ROOT));
            double[] numbers = dateOrSymbol ? null : new double[rows];
            String[] text = null;
            for (int r = 0; r < rows; r++) {
                String f = fields.get(r)[c].trim();
                if (numbers != null) {
                    if (f.isEmpty() || f.equals("NA") || f.equals("NaN")) {
                        numbers[r] = Double.NaN;
                        continue;
                    }
                    try {
                        numbers[r] = Double.parseDouble(f);
                        continue;
                    } catch (NumberFormatException e) {
                        if (price) {
                            throw new IllegalArgumentException(file + ", line " + (r + 2) + ", column '" + names[c]
                                    + "': '" + fields.get(r)[c] + "' is not a number", e);
                        }
                        numbers = null; // a text column after all
                        r = -1;
                        text = new String[rows];
                        continue;
                    }
                }
                if (text == null) {
                    text = new String[rows];
                }
                text[r] = f.isEmpty() ? null : f;
            }
            values.add(numbers != null ? numbers : text != null ? text : new String[0]);
        }
        return new RawTable(List.of(names), values, rows, file.toString(), false);
    }

    // ---------------------------------------------------------------- Arrow

    private static RawTable readArrow(Path file) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            Map<Long, Dictionary> dictionaries = reader.getDictionaryVectors();
            List<Field> fields = root.getSchema().getFields();
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            int[] capacity = {0};
            int rows = 0;
            for (Field f : fields) {
                names.add(f.getName());
                values.add(null);
            }
            while (reader.loadNextBatch()) {
                int n = root.getRowCount();
                for (int c = 0; c < fields.size(); c++) {
                    FieldVector vector = root.getVector(c);
                    ValueVector decoded = vector;
                    if (fields.get(c).getDictionary() != null) {
                        decoded = DictionaryEncoder.decode(vector,
                                dictionaries.get(fields.get(c).getDictionary().getId()));
                    }
                    try {
                        values.set(c, append(values.get(c), decoded, rows, n, file, names.get(c)));
                    } finally {
                        if (decoded != vector) {
                            decoded.close();
                        }
                    }
                }
                rows += n;
            }
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                values.set(c, v == null ? new double[0] : trim(v, rows));
            }
            return new RawTable(List.copyOf(names), values, rows, file.toString(), true);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a readable Arrow IPC file: " + e.getMessage(), e);
        }
    }

    private static Object trim(Object v, int rows) {
        return switch (v) {
            case double[] d -> Arrays.copyOf(d, rows);
            case long[] l -> Arrays.copyOf(l, rows);
            case String[] s -> Arrays.copyOf(s, rows);
            default -> throw new IllegalStateException(String.valueOf(v));
        };
    }

    /** Appends a batch's values at {@code at}, growing the column's array. */
    private static Object append(Object column, ValueVector vector, int at, int n, Path file, String name) {
        int need = at + n;
        if (vector instanceof FloatingPointVector fp && !(vector instanceof TimeStampVector)) {
            double[] d = column == null ? new double[need] : grow((double[]) column, need);
            for (int i = 0; i < n; i++) {
                d[at + i] = vector.isNull(i) ? Double.NaN : fp.getValueAsDouble(i);
            }
            return d;
        }
        if (vector instanceof VarCharVector text) {
            String[] s = column == null ? new String[need] : grow((String[]) column, need);
            for (int i = 0; i < n; i++) {
                s[at + i] = text.isNull(i) ? null : new String(text.get(i), StandardCharsets.UTF_8);
            }
            return s;
        }
        if (vector instanceof DateDayVector || vector instanceof DateMilliVector
                || vector instanceof TimeStampVector) {
            long[] t = column == null ? new long[need] : grow((long[]) column, need);
            for (int i = 0; i < n; i++) {
                if (vector.isNull(i)) {
                    throw new IllegalArgumentException(file + ", row " + (at + i) + ", column '" + name
                            + "': the date is missing");
                }
                t[at + i] = millis(vector, i);
            }
            return t;
        }
        if (vector instanceof BaseIntVector ints) {
            double[] d = column == null ? new double[need] : grow((double[]) column, need);
            for (int i = 0; i < n; i++) {
                d[at + i] = vector.isNull(i) ? Double.NaN : ints.getValueAsLong(i);
            }
            return d;
        }
        throw new IllegalArgumentException(file + ", column '" + name + "': Arrow type "
                + vector.getField().getType() + " is not supported; expected numbers, text, dates or timestamps");
    }

    private static long millis(ValueVector vector, int i) {
        return switch (vector) {
            case DateDayVector d -> d.get(i) * 86_400_000L;
            case DateMilliVector d -> d.get(i);
            case TimeStampVector ts -> {
                ArrowType.Timestamp type = (ArrowType.Timestamp) ts.getField().getType();
                long v = ts.get(i);
                yield switch (type.getUnit()) {
                    case SECOND -> v * 1000;
                    case MILLISECOND -> v;
                    case MICROSECOND -> Math.floorDiv(v, 1000L);
                    case NANOSECOND -> Math.floorDiv(v, 1_000_000L);
                };
            }
            default -> throw new IllegalStateException(vector.getClass().getName());
        };
    }

    private static double[] grow(double[] a, int need) {
        return a.length >= need ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
    }

    private static long[] grow(long[] a, int need) {
        return a.length >= need ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
    }

    private static String[] grow(String[] a, int need) {
        return a.length >= need ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
    }

    // ---------------------------------------------------------------- output

    /**
     * Writes the input's columns then the features, in the input's row order: CSV, or Arrow IPC when the name ends
     * with {@code .arrow}. Written to a temporary file, flushed and renamed.
     *
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    static void write(Path file, Input input, Table features) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arrow")) {
                writeArrow(file, input, features);
            } else {
                writeCsv(file, input, features);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Column> columns(Input input, Table features) {
        List<Column> columns = new ArrayList<>();
        for (String name : input.columns()) {
            columns.add(input.table().column(name));
        }
        columns.addAll(features.columns());
        return columns;
    }

    private static void writeCsv(Path file, Input input, Table features) throws IOException {
        List<Column> columns = columns(input, features);
        int[] sortedRow = input.sortedRow();
        AtomicFiles.writeText(file, w -> {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    w.write(',');
                }
                w.write(columns.get(c).name());
            }
            w.newLine();
            for (int r : sortedRow) {
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    Column col = columns.get(c);
                    w.write(col.name().equals(input.dateColumn()) && col instanceof Int64Column t
                            ? Timestamps.format(t.get(r)) : col.format(r));
                }
                w.newLine();
            }
        });
    }

    private static void writeArrow(Path file, Input input, Table features) throws IOException {
        List<Column> columns = columns(input, features);
        int[] sortedRow = input.sortedRow();
        int rows = sortedRow.length;
        List<Field> fields = new ArrayList<>();
        for (Column c : columns) {
            ArrowType type = switch (c) {
                case StringColumn s -> ArrowType.Utf8.INSTANCE;
                case Int64Column t when c.name().equals(input.dateColumn()) ->
                        new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MILLISECOND, "UTC");
                default -> new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE);
            };
            fields.add(new Field(c.name(), FieldType.nullable(type), null));
        }
        AtomicFiles.write(file, channel -> {
            try (BufferAllocator allocator = new RootAllocator();
                 VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
                 ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
                for (int c = 0; c < columns.size(); c++) {
                    Column col = columns.get(c);
                    FieldVector v = root.getVector(c);
                    v.setInitialCapacity(rows);
                    v.allocateNew();
                    switch (v) {
                        case VarCharVector text -> {
                            StringColumn s = (StringColumn) col;
                            for (int i = 0; i < rows; i++) {
                                String value = s.get(sortedRow[i]);
                                if (value == null) {
                                    text.setNull(i);
                                } else {
                                    text.setSafe(i, value.getBytes(StandardCharsets.UTF_8));
                                }
                            }
                        }
                        case TimeStampMilliTZVector t -> {
                            Int64Column time = (Int64Column) col;
                            for (int i = 0; i < rows; i++) {
                                t.set(i, time.get(sortedRow[i]));
                            }
                        }
                        case Float8Vector d -> {
                            for (int i = 0; i < rows; i++) {
                                double value = number(col, sortedRow[i]);
                                if (Double.isNaN(value)) {
                                    d.setNull(i);
                                } else {
                                    d.set(i, value);
                                }
                            }
                        }
                        default -> throw new IllegalStateException(v.getClass().getName());
                    }
                    v.setValueCount(rows);
                }
                root.setRowCount(rows);
                writer.start();
                writer.writeBatch();
                writer.end();
                channel.force(true); // closing the writer closes the channel
            }
        });
    }

    private static double number(Column col, int row) {
        return switch (col) {
            case Float64Column f -> f.get(row);
            case Int64Column l -> l.get(row) == Int64Column.MISSING ? Double.NaN : l.get(row);
            default -> Double.parseDouble(col.format(row));
        };
    }
}
