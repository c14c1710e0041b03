package dev.quiver.bench.report;

import dev.quiver.api.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
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
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Draws a benchmark class's chart: bars grouped by workload ({@link Workloads}: {@code spec=sma}, ...), one colour per
 * implementation (the same colour for TA-Lib, ta4j, the copy ceiling... in every chart), each bar labelled with its
 * speed relative to the workload's best peer (or, without a peer, to the workload's first implementation). Throughput
 * classes show the rate (the class's throughput counter when it has one, else operations per second); classes timed
 * per operation show the time per operation. The value axis is logarithmic when the bars span more than
 * {@value #LOG_SPAN}x. Every workload is labelled: the chart widens with the bars, and long labels are slanted.
 *
 * <p>Thread-safety: stateless; safe from any thread (each call builds its own chart).
 */
final class ReportCharts {
    /** Bars spanning more than this factor get a logarithmic axis. */
    static final double LOG_SPAN = 30;

    private static final int MIN_WIDTH = 800;
    private static final int MAX_WIDTH = 8000;
    private static final int WIDTH_PER_BAR = 28;
    private static final int HEIGHT = 700;
    // the colours of Quiver's methods that have none of their own (eventEngine, vectorised, plan...)
    private static final Color[] FREE = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x17becf),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xbcbd22), new Color(0x393b79), new Color(0x637939)};

    private ReportCharts() {
    }

    /**
     * One chart's data, as drawn: the workloads, a series per implementation (null where the workload lacks it),
     * each value's label, the axis title and whether the axis is logarithmic. Exposed for tests.
     *
     * <p>Immutable.
     */
    record ChartData(String title, String axisTitle, String categoryTitle, List<String> categories,
            Map<String, List<Double>> series,
            Map<String, Color> colors, Map<String, List<String>> labels, boolean logarithmic) {
    }

    /**
     * Writes the class's chart into {@code outDir} as {@code <name>.png}.
     *
     * @return the file written, none when no result has a finite value
     */
    static List<Path> write(Path outDir, String name, List<JmhResult> rows) throws IOException {
        ChartData data = data(name, rows);
        if (data == null) {
            return List.of();
        }
        Path png = outDir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        AtomicFiles.writeBytes(png, BitmapEncoder.getBitmapBytes(chart(data), BitmapEncoder.BitmapFormat.PNG));
        return List.of(png);
    }

    /** The chart's data for one class's results, or null when none has a finite value. */
    static ChartData data(String title, List<JmhResult> results) {
        Workloads w = Workloads.of(results);
        boolean timed = w.timed();
        double scale;
        String axis;
        List<Double> all = new ArrayList<>();
        for (Workloads.Row r : w.rows()) {
            for (Workloads.Cell c : r.cells().values()) {
                double v = timed ? c.result().secondsPerOp() : c.rate();
                if (Double.isFinite(v) && v > 0) {
                    all.add(v);
                }
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = all.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (timed) {
            double[] s = {1, 1e-3, 1e-6, 1e-9};
            String[] u = {"s", "ms", "µs", "ns"};
            int i = 0;
            while (i < s.length - 1 && max < s[i]) {
                i++;
            }
            scale = 1 / s[i];
            axis = "time per operation (" + u[i] + "), lower is faster";
        } else {
            double[] s = {1e9, 1e6, 1e3, 1};
            String[] u = {"G ", "M ", "k ", ""};
            int i = 0;
            while (i < s.length - 1 && max < s[i]) {
                i++;
            }
            scale = 1 / s[i];
            axis = u[i] + (w.counter() == null ? "ops" : w.counter()) + "/s, higher is faster";
        }
        List<String> categories = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        Map<String, Color> colors = new LinkedHashMap<>();
        int free = 0;
        for (Map.Entry<String, Implementation> e : w.series().entrySet()) {
            series.put(e.getKey(), new ArrayList<>());
            labels.put(e.getKey(), new ArrayList<>());
            Color c = e.getValue().color();
            colors.put(e.getKey(), c != null ? c : FREE[free++ % FREE.length]);
        }
        for (Workloads.Row r : w.rows()) {
            categories.add(r.label());
            Workloads.Cell reference = r.best(Implementation.Role.PEER);
            if (reference == null) {
                reference = r.cells().values().iterator().next();
            }
            for (String s : series.keySet()) {
                Workloads.Cell c = r.cells().get(s);
                double v = c == null ? Double.NaN : timed ? c.result().secondsPerOp() : c.rate();
                boolean drawn = Double.isFinite(v) && v > 0;
                series.get(s).add(drawn ? v * scale : null);
                labels.get(s).add(drawn ? Quantities.ratio(c.rate() / reference.rate()) : null);
            }
        }
        // one parameter names every workload (spec=sma, spec=ema): the axis names it once, the bars by value
        String categoryTitle = "";
        int eq = categories.getFirst().indexOf('=');
        if (eq > 0) {
            String key = categories.getFirst().substring(0, eq + 1);
            if (categories.stream().allMatch(c -> c.startsWith(key) && !c.contains(", "))) {
                categoryTitle = key.substring(0, eq);
                categories.replaceAll(c -> c.substring(key.length()));
            }
        }
        boolean peers = w.series().values().stream().anyMatch(i -> i.role() == Implementation.Role.PEER);
        String subtitle = peers ? "bars labelled with their speed relative to the best peer"
                : "bars labelled with their speed relative to " + series.keySet().iterator().next();
        return new ChartData(title + ": " + subtitle, axis, categoryTitle, categories, series, colors, labels,
                max / min > LOG_SPAN);
    }

    private static CategoryChart chart(ChartData d) {
        int bars = d.categories().size() * Math.max(1, d.series().size());
        // wide enough for the bars and for the title (about 10 px a character, bold, centred over the plot beside the
        // legend)
        long wanted = Math.max(260L + (long) WIDTH_PER_BAR * bars + 12L * d.categories().size(),
                240L + 10L * d.title().length());
        int width = Math.clamp(wanted, MIN_WIDTH, MAX_WIDTH);
        int longest = d.categories().stream().mapToInt(String::length).max().orElse(0);
        // a label wider than its group's slot (about 9 px a character, bold) would overprint its neighbours: slant it
        int slot = (width - 260) / Math.max(1, d.categories().size());
        int rotation = longest * 9 > slot ? (longest * 9 > 3 * slot ? 90 : 45) : 0;
        CategoryChart chart = new CategoryChartBuilder().width(width).height(HEIGHT + (rotation == 0 ? 0 : 6 * longest))
                .title(d.title() + (d.logarithmic() ? " (log scale)" : ""))
                .xAxisTitle(d.categoryTitle()).yAxisTitle(d.axisTitle()).build();
        CategoryStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setPlotGridVerticalLinesVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setXAxisLabelRotation(rotation);
        // every category labelled: XChart otherwise thins labels it thinks crowded
        s.setXAxisMaxLabelCount(Math.max(2, d.categories().size()));
        s.setXAxisTickMarkSpacingHint(1);
        s.setYAxisLogarithmic(d.logarithmic());
        double min = d.series().values().stream().flatMap(List::stream).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).min().orElse(1);
        double max = d.series().values().stream().flatMap(List::stream).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        if (d.logarithmic()) {
            // bars grow from the axis minimum, which XChart otherwise puts at zero, where a log axis cannot start
            s.setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        }
        // room above the tallest bar for its label
        s.setYAxisMax(d.logarithmic() ? max * 2 : max * 1.12);
        s.setOverlapped(false);
        s.setLabelsVisible(true);
        s.setLabelsRotation(90);
        s.setLabelsFontColorAutomaticEnabled(false);
        s.setLabelsFontColor(Color.DARK_GRAY);
        s.setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setLabelsPosition(1.0);
        // the bars' labels are their ratios; XChart formats bar labels with the axis's formatter, so the formatter
        // looks each bar's exact value up and formats any other value (the ticks) as a number
        Map<Double, String> barLabels = new HashMap<>();
        d.series().forEach((name, values) -> {
            List<String> l = d.labels().get(name);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    barLabels.putIfAbsent(values.get(i), l.get(i));
                }
            }
        });
        s.setYAxisTickLabelsFormattingFunction(v -> barLabels.getOrDefault(v, Quantities.digits(v)));
        d.series().forEach((name, values) -> {
            // XChart draws no bar for a null value (and a log axis refuses NaN)
            CategorySeries series = chart.addSeries(name, d.categories(), values);
            series.setFillColor(d.colors().get(name));
        });
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
