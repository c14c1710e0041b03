package dev.quiver.backtest.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference CSV from the test resources, in the shared data format: a header row, no quoting, a missing value is
 * an empty field (read as {@code NaN}), {@code NaN} is the literal {@code NaN}.
 */
record OracleCsv(String resource, List<String> header, List<String[]> rows) {

    static OracleCsv read(String resource) {
        InputStream in = OracleCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("test resource " + resource + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = List.of(reader.readLine().split(",", -1));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != header.size()) {
                    throw new IllegalStateException(resource + " row " + (rows.size() + 2) + ": " + fields.length
                            + " fields, the header has " + header.size());
                }
                rows.add(fields);
            }
            return new OracleCsv(resource, header, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(resource + " has no column " + name + "; it has " + header);
        }
        return i;
    }

    String text(int row, String column) {
        return rows.get(row)[column(column)];
    }

    double number(int row, String column) {
        return parse(rows.get(row)[column(column)]);
    }

    double[] numbers(String column) {
        int c = column(column);
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = parse(rows.get(r)[c]);
        }
        return values;
    }

    List<String> texts(String column) {
        int c = column(column);
        List<String> values = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            values.add(row[c]);
        }
        return values;
    }

    private static double parse(String field) {
        return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
    }
}
