package dev.quiver.bench.report;

import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws a benchmark class's bar chart: a bar per (method, parameters) with its error bar, of the class's throughput
 * counter when it has one, else of the primary score; one chart per unit.
 *
 * <p>Thread-safety: stateless; safe from any thread (each call builds its own chart).
 */
final class ReportCharts {
    private static final int MIN_WIDTH = 800;
    private static final int MAX_WIDTH = 6000;
    private static final int WIDTH_PER_BAR = 28;
    private static final int HEIGHT = 700;

    private ReportCharts() {
    }

    /** The value a bar shows: the metric's name (for the axis) and the metric. */
    private record Bar(String label, String metric, JmhResult.Metric value) {
    }

    /**
     * Writes the class's charts into {@code outDir} as {@code <name>.png} (one unit) or {@code <name>-<unit>.png}.
     * Entries whose value is not finite are left out of the chart (they stay in the table).
     *
     * @return the files written, none when no entry has a finite value
     */
    static List<Path> write(Path outDir, String name, List<JmhResult> rows, boolean multipleFiles)
            throws IOException {
        String counter = throughputCounter(rows);
        Map<String, List<Bar>> byUnit = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        // a label names only what tells the bars apart: the parameters whose values differ between this class's rows
        java.util.Set<String> varying = new java.util.LinkedHashSet<>();
        for (JmhResult r : rows) {
            r.params().forEach((k, v) -> {
                if (!rows.stream().allMatch(o -> v.equals(o.params().get(k)))) {
                    varying.add(k);
                }
            });
        }
        boolean severalFiles = multipleFiles && rows.stream().map(JmhResult::file).distinct().count() > 1;
        for (JmhResult r : rows) {
            JmhResult.Metric m = counter == null ? r.primary() : r.secondary().get(counter);
            if (!Double.isFinite(m.score())) {
                continue;
            }
            StringBuilder shown = new StringBuilder();
            r.params().forEach((k, v) -> {
                if (varying.contains(k)) {
                    shown.append(shown.isEmpty() ? "" : ", ").append(k).append('=').append(v);
                }
            });
            String label = (severalFiles ? r.file().getFileName() + ": " : "") + r.method()
                    + (shown.isEmpty() ? "" : " [" + shown + "]");
            // XChart keys bars by label: a repeated entry gets a running number
            int n = seen.merge(label, 1, Integer::sum);
            if (n > 1) {
                label += " #" + n;
            }
            String metric = counter == null ? "score" : counter;
            byUnit.computeIfAbsent(m.unit(), u -> new ArrayList<>()).add(new Bar(label, metric, m));
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Bar>> e : byUnit.entrySet()) {
            String file = byUnit.size() == 1 ? name : name + "-" + e.getKey();
            Path png = outDir.resolve(file.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            CategoryChart chart = chart(name, e.getKey(), e.getValue());
            AtomicFiles.writeBytes(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
            written.add(png);
        }
        return written;
    }

    private static CategoryChart chart(String title, String unit, List<Bar> bars) {
        int width = Math.clamp(200L + (long) WIDTH_PER_BAR * bars.size(), MIN_WIDTH, MAX_WIDTH);
        CategoryChart chart = new CategoryChartBuilder().width(width).height(HEIGHT).title(title)
                .yAxisTitle(bars.getFirst().metric() + " (" + unit + ")").build();
        Styler s = chart.getStyler();
        s.setLegendVisible(false);
        s.setChartBackgroundColor(java.awt.Color.WHITE);
        // labels wider than their bar's slot (about 7 px a character) would overprint each other: slant them
        int longest = bars.stream().mapToInt(b -> b.label().length()).max().orElse(0);
        chart.getStyler().setXAxisLabelRotation(longest * 7 > (width - 100) / bars.size() ? 45 : 0);
        double max = bars.stream().mapToDouble(b -> Math.abs(b.value().score())).max().orElse(0);
        chart.getStyler().setYAxisDecimalPattern(max >= 1 ? "#,##0.###" : "0.###E0");
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        List<String> labels = new ArrayList<>(bars.size());
        List<Double> values = new ArrayList<>(bars.size());
        List<Double> errors = new ArrayList<>(bars.size());
        for (Bar b : bars) {
            labels.add(b.label());
            values.add(b.value().score());
            // no error bar where JMH computed no error (a single iteration)
            errors.add(Double.isFinite(b.value().error()) ? b.value().error() : 0.0);
        }
        chart.addSeries(bars.getFirst().metric(), labels, values, errors);
        return chart;
    }

    /**
     * The secondary metric to chart: one every entry has, a user counter rather than a profiler metric (JMH prefixes
     * those with '·'), in a per-second unit; the first such in file order, or null for the primary score.
     */
    static String throughputCounter(List<JmhResult> rows) {
        candidates:
        for (String name : rows.getFirst().secondary().keySet()) {
            if (name.startsWith("\u00b7")) {
                continue;
            }
            for (JmhResult r : rows) {
                JmhResult.Metric m = r.secondary().get(name);
                if (m == null || !m.unit().endsWith("/s")) {
                    continue candidates;
                }
            }
            return name;
        }
        return null;
    }
}
