package dev.quiver.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One benchmark class's results as a grid: a row per workload (the parameters that are not the implementation's:
 * {@code spec=sma}, {@code features=rank+zscore}), a column per implementation (the method, and the thread count
 * where the class varies it), each cell one JMH result. Rates compare through the class's throughput counter (a
 * user counter every entry has, such as {@code values}: rows per second, comparable across panel sizes, so ta4j's
 * smaller panel compares with TA-Lib's) or, without one, operations per second.
 *
 * <p>Immutable once built; safe from any thread.
 */
final class Workloads {
    /** Parameters that tell implementations apart rather than workloads: the same work on more threads. */
    static final Set<String> SERIES_PARAMS = Set.of("threads");

    /** One cell: the result, what it measures and its rate. */
    record Cell(JmhResult result, Implementation implementation, double rate) {
    }

    /** A workload's row: its label, its cells by series label in first-seen order. */
    record Row(String label, Map<String, Cell> cells) {
        /** The fastest cell of {@code role}, or null. */
        Cell best(Implementation.Role role) {
            Cell best = null;
            for (Cell c : cells.values()) {
                if (c.implementation().role() == role && Double.isFinite(c.rate())
                        && (best == null || c.rate() > best.rate())) {
                    best = c;
                }
            }
            return best;
        }

        /** Quiver's fastest over the fastest peer, or NaN when either is missing. */
        double speedupOverBestPeer() {
            Cell q = best(Implementation.Role.QUIVER);
            Cell p = best(Implementation.Role.PEER);
            return q == null || p == null ? Double.NaN : q.rate() / p.rate();
        }

        /** Quiver's fastest as a fraction of the ceiling, or NaN when either is missing. */
        double fractionOfCeiling() {
            Cell q = best(Implementation.Role.QUIVER);
            Cell c = best(Implementation.Role.CEILING);
            return q == null || c == null ? Double.NaN : q.rate() / c.rate();
        }
    }

    private final String counter;
    private final Map<String, Implementation> series;
    private final List<Row> rows;
    private final boolean timed;

    private Workloads(String counter, Map<String, Implementation> series, List<Row> rows, boolean timed) {
        this.counter = counter;
        this.series = series;
        this.rows = rows;
        this.timed = timed;
    }

    /**
     * Groups one class's results (at least one). Results from several files are told apart by the file's name in
     * the implementation's label (runs to compare: before and after), each then with a colour of the chart's.
     */
    static Workloads of(List<JmhResult> results) {
        boolean severalFiles = results.stream().map(JmhResult::file).distinct().count() > 1;
        String counter = ReportCharts.throughputCounter(results);
        Set<String> varying = varyingParams(results);
        boolean threadsVary = varying.stream().anyMatch(SERIES_PARAMS::contains);
        Map<String, Implementation> series = new LinkedHashMap<>();
        Map<String, Map<String, Cell>> byRow = new LinkedHashMap<>();
        for (JmhResult r : results) {
            Implementation impl = Implementation.of(r.method());
            String seriesLabel = (severalFiles ? r.file().getFileName() + ": " : "") + impl.label();
            if (threadsVary) {
                for (String p : SERIES_PARAMS) {
                    String v = r.params().get(p);
                    if (v != null) {
                        seriesLabel += ", " + v + (v.equals("1") ? " thread" : " threads");
                    }
                }
            }
            series.putIfAbsent(seriesLabel, new Implementation(seriesLabel, impl.role(),
                    severalFiles ? null : impl.color()));
            StringBuilder label = new StringBuilder();
            r.params().forEach((k, v) -> {
                if (varying.contains(k) && !SERIES_PARAMS.contains(k)) {
                    label.append(label.isEmpty() ? "" : ", ").append(k).append('=').append(v);
                }
            });
            double rate = rate(r, counter);
            byRow.computeIfAbsent(label.isEmpty() ? "all" : label.toString(), k -> new LinkedHashMap<>())
                    .put(seriesLabel, new Cell(r, series.get(seriesLabel), rate));
        }
        // Quiver's paths first, then the peers, then the ceilings; first-seen order within each
        Map<String, Implementation> ordered = new LinkedHashMap<>();
        for (Implementation.Role role : Implementation.Role.values()) {
            series.forEach((k, v) -> {
                if (v.role() == role) {
                    ordered.put(k, v);
                }
            });
        }
        List<Row> rows = new ArrayList<>();
        byRow.forEach((k, v) -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            ordered.keySet().forEach(s -> {
                if (v.containsKey(s)) {
                    cells.put(s, v.get(s));
                }
            });
            rows.add(new Row(k, cells));
        });
        boolean timed = results.stream().noneMatch(r -> r.primary().unit().startsWith("ops/"));
        return new Workloads(counter, ordered, List.copyOf(rows), timed);
    }

    /** The rate a comparison uses: the counter's per-second score when there is one, else operations per second. */
    static double rate(JmhResult r, String counter) {
        if (counter != null) {
            JmhResult.Metric m = r.secondary().get(counter);
            if (m != null) {
                return m.score() / JmhResult.seconds(m.unit().substring(m.unit().indexOf('/') + 1));
            }
        }
        return r.opsPerSecond();
    }

    /** The parameters whose values differ between {@code results}. */
    static Set<String> varyingParams(List<JmhResult> results) {
        Set<String> varying = new LinkedHashSet<>();
        for (JmhResult r : results) {
            r.params().forEach((k, v) -> {
                if (!results.stream().allMatch(o -> v.equals(o.params().get(k)))) {
                    varying.add(k);
                }
            });
        }
        return varying;
    }

    /** The throughput counter rates compare through, or null for operations per second. */
    String counter() {
        return counter;
    }

    /** The implementations (columns), in first-seen order. */
    Map<String, Implementation> series() {
        return series;
    }

    /** The workloads, in first-seen order. */
    List<Row> rows() {
        return rows;
    }

    /** Whether every result is a time per operation (average, sample or single-shot time). */
    boolean timed() {
        return timed;
    }
}
