package dev.quiver.bench.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV reader Quiver had before sdk-io, kept as the benchmarks' baseline: sdk-cli's {@code FeatureFiles} at
 * commit 3d35af1 reduced to its numeric path: {@code readLine}, {@code String.split(",")} (no quoting), every field
 * kept as a String until the whole file is read, then {@code Double.parseDouble} column by column.
 *
 * <p>Thread-safety: stateless.
 */
final class OldCsvReader {
    private OldCsvReader() {
    }

    /** Reads the file into double columns; returns a value of the result so nothing is optimised away. */
    static double read(Path file) throws IOException {
        String[] names;
        List<String[]> fields = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            names = in.readLine().split(",", -1);
            for (String text; (text = in.readLine()) != null; ) {
                fields.add(text.split(",", -1));
            }
        }
        double[][] values = new double[names.length][fields.size()];
        for (int c = 0; c < names.length; c++) {
            for (int r = 0; r < fields.size(); r++) {
                String t = fields.get(r)[c].trim();
                values[c][r] = t.isEmpty() || t.equals("NA") || t.equals("NaN") ? Double.NaN : Double.parseDouble(t);
            }
        }
        return values[names.length - 1][fields.size() - 1] + fields.size();
    }
}
