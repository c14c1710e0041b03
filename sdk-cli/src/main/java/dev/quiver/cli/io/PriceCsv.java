package dev.quiver.cli.io;

import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads daily price files (CSV with a header: a {@code Date} column, optionally a {@code Symbol} column, and numeric
 * columns such as {@code Open, High, Low, Close, Volume}) into a {@link Table}.
 *
 * <p>Column names are matched in any case and stored in lower case: {@code time} (INT64, see {@link Timestamps}) for
 * the date, {@code symbol} (STRING) for the symbol, and the lower-cased name (FLOAT64) for every other column. An
 * empty field is a missing value ({@code NaN}). Anything else that does not parse is an error naming the file, the
 * line, the column and the value.
 *
 * <p>Thread-safety: stateless; safe to call from any thread.
 */
public final class PriceCsv {
    /** The column that holds the parsed dates. */
    public static final String TIME = "time";
    /** The column that holds the symbol, when the file has one or one is given. */
    public static final String SYMBOL = "symbol";

    private PriceCsv() {
    }

    /**
     * Reads a file onto the heap.
     *
     * @param file the CSV file
     * @param symbol the symbol to give every row when the file has no Symbol column, or {@code null} for none
     * @throws IllegalArgumentException naming file, line, column and value for malformed content
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Table read(Path file, String symbol) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": the file is empty; expected a header line");
            }
            String[] names = split(stripBom(header));
            int dateCol = -1;
            int symbolCol = -1;
            for (int i = 0; i < names.length; i++) {
                String n = names[i].trim().toLowerCase(Locale.ROOT);
                names[i] = n;
                if (n.equals("date") || n.equals("time") || n.equals("timestamp")) {
                    dateCol = i;
                } else if (n.equals("symbol") || n.equals("ticker")) {
                    symbolCol = i;
                }
            }
            if (dateCol < 0) {
                throw new IllegalArgumentException(file + ", line 1: no Date column in header '" + header + "'");
            }
            int width = names.length;
            long[] times = new long[1024];
            String[] symbols = symbolCol >= 0 || symbol != null ? new String[1024] : null;
            double[][] values = new double[width][1024];
            int rows = 0;
            int lineNo = 1;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = split(line);
                if (f.length != width) {
                    throw new IllegalArgumentException(file + ", line " + lineNo + ": " + f.length
                            + " fields, but the header has " + width);
                }
                if (rows == times.length) {
                    int cap = rows * 2;
                    times = Arrays.copyOf(times, cap);
                    if (symbols != null) {
                        symbols = Arrays.copyOf(symbols, cap);
                    }
                    for (int c = 0; c < width; c++) {
                        values[c] = Arrays.copyOf(values[c], cap);
                    }
                }
                try {
                    times[rows] = Timestamps.parse(f[dateCol]);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(file + ", line " + lineNo + ", column '" + names[dateCol]
                            + "': '" + f[dateCol] + "' is not a date (expected YYYY-MM-DD)", e);
                }
                if (symbols != null) {
                    String s = symbolCol >= 0 ? f[symbolCol].trim() : symbol;
                    symbols[rows] = s.isEmpty() ? null : s;
                }
                for (int c = 0; c < width; c++) {
                    if (c != dateCol && c != symbolCol) {
                        values[c][rows] = number(f[c], file, lineNo, names[c]);
                    }
                }
                rows++;
            }
            TableBuilder b = TableBuilder.onHeap();
            if (symbols != null) {
                b.string(SYMBOL, Arrays.copyOf(symbols, rows));
            }
            b.int64(TIME, Arrays.copyOf(times, rows));
            for (int c = 0; c < width; c++) {
                if (c != dateCol && c != symbolCol) {
                    b.float64(names[c], Arrays.copyOf(values[c], rows));
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double number(String field, Path file, int line, String column) {
        String t = field.trim();
        if (t.isEmpty() || t.equals("NA")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ", line " + line + ", column '" + column + "': '" + field
                    + "' is not a number", e);
        }
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static String[] split(String line) {
        List<String> parts = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                parts.add(line.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(line.substring(start));
        return parts.toArray(new String[0]);
    }
}
