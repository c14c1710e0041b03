package dev.quiver.backtest.sweep;

import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/**
 * The result table of a sweep: one row per run with its label, strategy, status, parameters and metrics, sortable
 * by any metric, written as CSV or as an Arrow IPC file (atomically: a temporary file renamed over the target).
 *
 * <h2>Columns</h2>
 * {@code run} (the label, e.g. {@code sma_cross(10,50)}), {@code strategy}, {@code status} ({@code ok} or
 * {@code failed}), one column per parameter name met in any run (empty where a run's strategy has no such
 * parameter), the metrics {@link #METRICS} (fractions, as {@link Metrics}; {@code NaN}/empty for a failed run), and
 * {@code error} (the failure's class and message, empty for a run that completed). In the Arrow file, numeric
 * parameters and the metrics are {@code Float64}, the rest UTF-8 strings; in the CSV a missing number is an empty
 * field and {@code NaN} is {@code NaN}.
 *
 * <p>Thread-safety: immutable.
 */
public final class SweepTable {
    /** The metric columns, in order: the {@link Metrics} components in snake case. */
    public static final List<String> METRICS = List.of("total_return", "annual_return", "volatility", "sharpe",
            "sortino", "calmar", "max_drawdown", "max_drawdown_bars", "win_rate", "profit_factor", "expectancy",
            "exposure", "turnover", "trades");

    private record Row(String run, String strategy, boolean ok, String error, Map<String, Object> params,
                       double[] metrics) {
    }

    private final List<Row> rows;
    private final List<String> paramNames;

    private SweepTable(List<Row> rows, List<String> paramNames) {
        this.rows = List.copyOf(rows);
        this.paramNames = List.copyOf(paramNames);
    }

    /** The table of a sweep's outcomes, in their order. */
    public static SweepTable of(List<RunOutcome> outcomes) {
        List<Row> rows = new ArrayList<>(outcomes.size());
        Set<String> names = new LinkedHashSet<>();
        for (RunOutcome o : outcomes) {
            Objects.requireNonNull(o, "outcome");
            String label = o.run().label();
            int paren = label.indexOf('(');
            String strategy = paren < 0 ? label : label.substring(0, paren);
            Map<String, Object> params = new LinkedHashMap<>(o.run().params().asMap());
            names.addAll(params.keySet());
            switch (o) {
                case RunOutcome.Completed c -> rows.add(new Row(label, strategy, true, "", params,
                        metrics(c.result().metrics())));
                case RunOutcome.Failed f -> {
                    double[] none = new double[METRICS.size()];
                    Arrays.fill(none, Double.NaN);
                    rows.add(new Row(label, strategy, false, f.error().getClass().getSimpleName() + ": "
                            + f.error().getMessage(), params, none));
                }
            }
        }
        return new SweepTable(rows, new ArrayList<>(names));
    }

    private static double[] metrics(Metrics m) {
        return new double[] {m.totalReturn(), m.annualReturn(), m.volatility(), m.sharpe(), m.sortino(), m.calmar(),
                m.maxDrawdown(), m.maxDrawdownBars(), m.winRate(), m.profitFactor(), m.expectancy(), m.exposure(),
                m.turnover(), m.trades()};
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The parameter columns, in order of first appearance. */
    public List<String> paramNames() {
        return paramNames;
    }

    /** Row {@code i}'s run label. */
    public String run(int i) {
        return rows.get(i).run();
    }

    /** Row {@code i}'s strategy name. */
    public String strategy(int i) {
        return rows.get(i).strategy();
    }

    /** Whether row {@code i}'s run completed. */
    public boolean completed(int i) {
        return rows.get(i).ok();
    }

    /** Row {@code i}'s error, empty if it completed. */
    public String error(int i) {
        return rows.get(i).error();
    }

    /** Row {@code i}'s value of a parameter, or {@code null} if its strategy has none of that name. */
    public Object param(int i, String name) {
        return rows.get(i).params().get(name);
    }

    /**
     * Row {@code i}'s value of a metric.
     *
     * @throws IllegalArgumentException if the metric is not one of {@link #METRICS}
     */
    public double metric(int i, String metric) {
        return rows.get(i).metrics()[metricIndex(metric)];
    }

    /** The number of failed runs. */
    public long failures() {
        return rows.stream().filter(r -> !r.ok()).count();
    }

    /**
     * This table sorted by a metric; rows whose value is {@code NaN} (failed runs, undefined ratios) come last either
     * way, and ties keep their order.
     *
     * @throws IllegalArgumentException if the metric is not one of {@link #METRICS}
     */
    public SweepTable sortedBy(String metric, boolean descending) {
        int m = metricIndex(metric);
        Comparator<Row> byValue = Comparator.comparingDouble(r -> r.metrics()[m]);
        Comparator<Row> order = descending ? byValue.reversed() : byValue;
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.<Row>comparingInt(r -> Double.isNaN(r.metrics()[m]) ? 1 : 0).thenComparing(order));
        return new SweepTable(sorted, paramNames);
    }

    private static int metricIndex(String metric) {
        int m = METRICS.indexOf(metric.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        if (m < 0) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; the metrics are "
                    + String.join(", ", METRICS));
        }
        return m;
    }

    /** The CSV text of the table (header row, one line per run). */
    public String toCsv() {
        StringBuilder b = new StringBuilder(64 * (rows.size() + 1));
        List<String> header = new ArrayList<>(List.of("run", "strategy", "status"));
        header.addAll(paramNames);
        header.addAll(METRICS);
        header.add("error");
        b.append(String.join(",", header)).append('\n');
        for (Row r : rows) {
            b.append(csvField(r.run())).append(',').append(r.strategy()).append(',').append(r.ok() ? "ok" : "failed");
            for (String p : paramNames) {
                Object v = r.params().get(p);
                b.append(',').append(v == null ? "" : csvField(format(v)));
            }
            for (double v : r.metrics()) {
                b.append(',').append(r.ok() ? format(v) : "");
            }
            b.append(',').append(csvField(r.error())).append('\n');
        }
        return b.toString();
    }

    /**
     * Writes the table as CSV, atomically.
     *
     * @throws IOException if the file cannot be written (the target is then unchanged)
     */
    public void writeCsv(Path file) throws IOException {
        byte[] bytes = toCsv().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeBytes(file, bytes);
    }

    /**
     * Writes the table as an Arrow IPC file (one record batch), atomically.
     *
     * @throws IOException if the file cannot be written (the target is then unchanged)
     */
    public void writeArrow(Path file) throws IOException {
        try (BufferAllocator allocator = new RootAllocator()) {
            List<FieldVector> vectors = new ArrayList<>();
            try {
                vectors.add(strings(allocator, "run", i -> rows.get(i).run()));
                vectors.add(strings(allocator, "strategy", i -> rows.get(i).strategy()));
                vectors.add(strings(allocator, "status", i -> rows.get(i).ok() ? "ok" : "failed"));
                for (String p : paramNames) {
                    boolean numeric = rows.stream().map(r -> r.params().get(p))
                            .allMatch(v -> v == null || v instanceof Number);
                    if (numeric) {
                        vectors.add(doubles(allocator, p, i -> {
                            Object v = rows.get(i).params().get(p);
                            return v == null ? null : ((Number) v).doubleValue();
                        }));
                    } else {
                        vectors.add(strings(allocator, p, i -> {
                            Object v = rows.get(i).params().get(p);
                            return v == null ? null : format(v);
                        }));
                    }
                }
                for (int m = 0; m < METRICS.size(); m++) {
                    int metric = m;
                    vectors.add(doubles(allocator, METRICS.get(m), i -> rows.get(i).ok()
                            ? rows.get(i).metrics()[metric] : null));
                }
                vectors.add(strings(allocator, "error", i -> rows.get(i).ok() ? null : rows.get(i).error()));
                try (VectorSchemaRoot root = new VectorSchemaRoot(List.copyOf(vectors))) {
                    vectors.clear(); // the root owns them now
                    root.setRowCount(rows.size());
                    AtomicFiles.write(file, channel -> {
                        // the writer closes its channel; the atomic write still has to force and rename it
                        WritableByteChannel unclosed = new WritableByteChannel() {
                            @Override
                            public int write(ByteBuffer src) throws IOException {
                                return channel.write(src);
                            }

                            @Override
                            public boolean isOpen() {
                                return channel.isOpen();
                            }

                            @Override
                            public void close() {
                            }
                        };
                        try (ArrowFileWriter writer = new ArrowFileWriter(root, null, unclosed)) {
                            writer.start();
                            writer.writeBatch();
                            writer.end();
                        }
                    });
                }
            } finally {
                vectors.forEach(FieldVector::close);
            }
        }
    }

    private VarCharVector strings(BufferAllocator allocator, String name, java.util.function.IntFunction<String> at) {
        VarCharVector v = new VarCharVector(name, allocator);
        v.allocateNew(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String s = at.apply(i);
            if (s == null) {
                v.setNull(i);
            } else {
                v.setSafe(i, s.getBytes(StandardCharsets.UTF_8));
            }
        }
        v.setValueCount(rows.size());
        return v;
    }

    private Float8Vector doubles(BufferAllocator allocator, String name, java.util.function.IntFunction<Double> at) {
        Float8Vector v = new Float8Vector(name, allocator);
        v.allocateNew(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Double d = at.apply(i);
            if (d == null) {
                v.setNull(i);
            } else {
                v.set(i, d);
            }
        }
        v.setValueCount(rows.size());
        return v;
    }

    /** Numbers as the shortest text that reads back the same; whole numbers without a fraction. */
    static String format(Object v) {
        if (v instanceof Double d) {
            return format(d.doubleValue());
        }
        return String.valueOf(v);
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return "SweepTable[" + rows.size() + " runs, parameters " + paramNames + "]";
    }
}
