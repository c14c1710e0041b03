package dev.quiver.bench.cache;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.bench.SyntheticPrices;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The data of the cache benchmarks: {@code columns} price series of {@code rows} values (random walks of
 * {@link SyntheticPrices} over 2,520 days, repeated; rounded to 4 decimals so that the CSV text parses back to the very same doubles), as an
 * off-heap table and as a CSV file, and a minimal fast CSV parser of such files.
 *
 * <p>Thread-safety: stateless helpers.
 */
final class CacheFixture {
    private CacheFixture() {
    }

    /**
     * Each column repeats a walk of ten years of trading days: a walk of millions of steps drifts to prices beyond
     * what 4-decimal text (or a price) can hold.
     */
    private static final int PERIOD = 2520;

    /** Column names {@code c0 .. c(n-1)}. */
    static String columnName(int c) {
        return "c" + c;
    }

    /** An off-heap table of {@code columns} FLOAT64 columns; the caller closes it. */
    static Table table(int rows, int columns) {
        try (TableBuilder b = TableBuilder.offHeap()) {
            for (int c = 0; c < columns; c++) {
                double[] walk = SyntheticPrices.walk(SyntheticPrices.SEED, c, Math.min(rows, PERIOD));
                MemorySegment seg = b.allocateFloat64(columnName(c), rows);
                for (int r = 0; r < rows; r++) {
                    seg.setAtIndex(ValueLayout.JAVA_DOUBLE, r, Math.round(walk[r % walk.length] * 1e4) / 1e4);
                }
            }
            return b.build();
        }
    }

    /** Writes the table as CSV: a header, then one line per row, each value with 4 decimals. */
    static void writeCsv(Table table, Path file) throws IOException {
        int columns = table.columnCount();
        Float64Column[] cols = new Float64Column[columns];
        for (int c = 0; c < columns; c++) {
            cols[c] = table.float64(columnName(c));
        }
        byte[] line = new byte[columns * 24 + 1];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                header.append(c == 0 ? "" : ",").append(columnName(c));
            }
            out.write((header + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int r = 0; r < table.rowCount(); r++) {
                int n = 0;
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        line[n++] = ',';
                    }
                    n = formatFixed4(cols[c].get(r), line, n);
                }
                line[n++] = '\n';
                out.write(line, 0, n);
            }
        }
    }

    /** A non-negative value with exactly 4 decimals, without String or Formatter garbage. */
    private static int formatFixed4(double v, byte[] dst, int at) {
        long m = Math.round(v * 1e4);
        long whole = m / 10_000;
        int frac = (int) (m % 10_000);
        String w = Long.toString(whole);
        for (int i = 0; i < w.length(); i++) {
            dst[at++] = (byte) w.charAt(i);
        }
        dst[at++] = '.';
        dst[at++] = (byte) ('0' + frac / 1000);
        dst[at++] = (byte) ('0' + frac / 100 % 10);
        dst[at++] = (byte) ('0' + frac / 10 % 10);
        dst[at++] = (byte) ('0' + frac % 10);
        return at;
    }

    /**
     * Parses a CSV file of doubles (a header line, then {@code rows} lines of {@code columns} fields) into one
     * {@code double[]} per column: the file is read into a byte array and scanned once; a plain decimal field
     * ({@code 123.4567}) is converted exactly as {@code Double.parseDouble} would (digits / power of ten, one correctly
     * rounded division, while both fit 2^53), anything else falls back to {@code Double.parseDouble}.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the row and column of a field that is not a number
     */
    static double[][] parseCsv(Path file, int rows, int columns) throws IOException {
        double[][] out = new double[columns][rows];
        byte[] s = Files.readAllBytes(file);
        int size = s.length;
        int p = 0;
        while (p < size && s[p] != '\n') {
            p++;
        }
        p++;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int start = p;
                long mantissa = 0;
                int digits = 0;
                int fraction = -1;
                boolean plain = true;
                byte b;
                while (p < size && (b = s[p]) != ',' && b != '\n') {
                    if (b >= '0' && b <= '9') {
                        mantissa = mantissa * 10 + (b - '0');
                        digits++;
                        if (fraction >= 0) {
                            fraction++;
                        }
                    } else if (b == '.' && fraction < 0) {
                        fraction = 0;
                    } else {
                        plain = false;
                    }
                    p++;
                }
                if (plain && digits > 0 && digits <= 15 && fraction <= 22) {
                    out[c][r] = fraction <= 0 ? mantissa : mantissa / POWERS[fraction];
                } else {
                    String text = new String(s, start, p - start, java.nio.charset.StandardCharsets.US_ASCII);
                    try {
                        out[c][r] = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + ", row " + (r + 1) + ", column "
                                + columnName(c) + ": '" + text + "' is not a number");
                    }
                }
                p++; // the separator
            }
        }
        return out;
    }

    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** The sum of a column's values: the scan every read path is measured with. */
    static double sum(MemorySegment doubles) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        long n = doubles.byteSize() / Double.BYTES;
        long i = 0;
        // four accumulators: a single one would make the scan latency-bound on the adds, not bandwidth-bound
        for (; i + 3 < n; i += 4) {
            s0 += doubles.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            s1 += doubles.getAtIndex(ValueLayout.JAVA_DOUBLE, i + 1);
            s2 += doubles.getAtIndex(ValueLayout.JAVA_DOUBLE, i + 2);
            s3 += doubles.getAtIndex(ValueLayout.JAVA_DOUBLE, i + 3);
        }
        for (; i < n; i++) {
            s0 += doubles.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Deletes a directory tree. */
    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
