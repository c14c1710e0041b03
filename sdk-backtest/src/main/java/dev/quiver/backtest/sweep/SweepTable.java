package dev.quiver.backtest.sweep;

import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.io.TableFiles;
import dev.quiver.io.TableFormat;
import dev.quiver.io.WriteOptions;
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

/**
 * The result table of a sweep: one row per run with its label, strategy, status, parameters and metrics, sortable
 * by any metric, written as CSV or as an Arrow IPC file through sdk-io (atomically: a temporary file renamed over the
 * target), or handed over as a Quiver table ({@link #toTable()}) to write in any format.
 *
 * <h2>Columns</h2>
 * {@code run} (the label, e.g. {@code sma_cross(10,50)}), {@code strategy}, {@code status} ({@code ok} or
 * {@code failed}), one column per parameter name met in any run (empty where a run's strategy has no such
 * parameter), the metrics {@link #METRICS} (fractions, as {@link Metrics}; {@code NaN}/empty for a failed run), and
 * {@code error} (the failure's class and message, empty for a run that completed). Numeric parameters and the
 * metrics are numbers, the rest text; a missing or undefined number is an empty CSV field or a null.
 *
 * <p>Thread-safety: immutable.
 */
public final class SweepTable {
    /** The benchmark metrics: reports fill them in for the run they show, so a sweep's rows have none. */
    private static final List<String> BENCHMARK = List.of("benchmark_return", "excess_return", "beta",
            "information_ratio");

    /** The metric columns, in order: {@link Metrics#NAMES} but the benchmark's (see {@link Metrics}). */
    public static final List<String> METRICS = Metrics.NAMES.stream().filter(n -> !BENCHMARK.contains(n)).toList();

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
        double[] values = new double[METRICS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.value(METRICS.get(i));
        }
        return values;
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

    /**
     * The table as a Quiver table on the heap: {@code run}, {@code strategy}, {@code status} and {@code error} as
     * text, each parameter as a number when every run's value is one (else text), the metrics as numbers; a failed
     * run's metrics and an absent parameter are missing. Write it in any format with {@link TableFiles}.
     */
    public Table toTable() {
        int n = rows.size();
        List<Column> columns = new ArrayList<>();
        columns.add(text("run", i -> rows.get(i).run()));
        columns.add(text("strategy", i -> rows.get(i).strategy()));
        columns.add(text("status", i -> rows.get(i).ok() ? "ok" : "failed"));
        for (String p : paramNames) {
            boolean numeric = rows.stream().map(r -> r.params().get(p)).allMatch(v -> v == null || v instanceof Number);
            if (numeric) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    Object v = rows.get(i).params().get(p);
                    values[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
                }
                columns.add(Float64Column.wrap(p, values));
            } else {
                columns.add(text(p, i -> {
                    Object v = rows.get(i).params().get(p);
                    return v == null ? null : format(v);
                }));
            }
        }
        for (int m = 0; m < METRICS.size(); m++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = rows.get(i).ok() ? rows.get(i).metrics()[m] : Double.NaN;
            }
            columns.add(Float64Column.wrap(METRICS.get(m), values));
        }
        columns.add(text("error", i -> rows.get(i).ok() ? null : rows.get(i).error()));
        return Table.of(columns);
    }

    private StringColumn text(String name, java.util.function.IntFunction<String> at) {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = at.apply(i);
        }
        return StringColumn.encode(name, values);
    }

    /**
     * Writes the table as CSV, atomically ({@link #toTable()}; a metric that is undefined, NaN, is an empty field).
     *
     * @throws dev.quiver.io.DataFileException naming the file if it cannot be written (the target is then unchanged)
     */
    public void writeCsv(Path file) {
        TableFiles.write(toTable(), file, WriteOptions.builder().format(TableFormat.CSV).build());
    }

    /**
     * Writes the table as an Arrow IPC file, atomically ({@link #toTable()}).
     *
     * @throws dev.quiver.io.DataFileException naming the file if it cannot be written (the target is then unchanged)
     */
    public void writeArrow(Path file) {
        TableFiles.write(toTable(), file, WriteOptions.builder().format(TableFormat.ARROW_FILE).build());
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

    @Override
    public String toString() {
        return "SweepTable[" + rows.size() + " runs, parameters " + paramNames + "]";
    }
}
