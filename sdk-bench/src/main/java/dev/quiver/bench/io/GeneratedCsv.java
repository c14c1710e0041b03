package dev.quiver.bench.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * The benchmark table of the I/O benchmarks: {@code rows} × 10 float64 columns {@code c0..c9} of uniform doubles in
 * [-1000, 1000), seed 42, written as CSV with each value's shortest round-trip text ({@link Double#toString}): about
 * 970 MB at 5,000,000 rows. The file is made once and kept in {@code java.io.tmpdir/quiver-bench} (its name holds
 * the row count), so forks and runs share it.
 *
 * <p>Thread-safety: stateless; two processes making the same file at once each write their own temporary file.
 */
public final class GeneratedCsv {
    public static final int COLUMNS = 10;

    private GeneratedCsv() {
    }

    /** The CSV file of {@code rows} rows, made if missing. */
    public static Path file(int rows) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "quiver-bench");
        Path file = dir.resolve("table-" + rows + "x" + COLUMNS + ".csv");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "table", ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (int c = 0; c < COLUMNS; c++) {
                    w.write(c == 0 ? "c0" : ",c" + c);
                }
                w.write('\n');
                StringBuilder line = new StringBuilder(256);
                SplittableRandom random = new SplittableRandom(42);
                for (int r = 0; r < rows; r++) {
                    line.setLength(0);
                    for (int c = 0; c < COLUMNS; c++) {
                        if (c > 0) {
                            line.append(',');
                        }
                        line.append((random.nextDouble() - 0.5) * 2000);
                    }
                    w.append(line).append('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
