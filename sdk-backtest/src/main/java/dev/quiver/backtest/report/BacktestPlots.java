package dev.quiver.backtest.report;

import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.Trade;
import dev.quiver.backtest.sweep.SweepTable;
import java.awt.Color;
import dev.quiver.report.ChartFiles;
import dev.quiver.report.ChartStyle;
import dev.quiver.report.Plot;
import dev.quiver.report.TimeAxis;
import dev.quiver.api.backtest.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots people look at after a backtest, with XChart, as PNG and SVG:
 * <ul>
 *   <li>{@link #equity}: the equity curve (and a benchmark's, grey) with a marker at every trade's entry (green,
 *       up) and exit (red, down), and
 *       the drawdown from the running peak (in percent, the peak including the initial cash) beneath it;</li>
 *   <li>{@link #heatmap}: a sweep metric over two parameters, one cell per pair of values (the best value when other
 *       parameters vary too), fractions in percent.</li>
 * </ul>
 * Time axes tick at calendar boundaries ({@link TimeAxis}). Files are written atomically. Rendering is headless
 * (see {@code java.awt.headless}).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class BacktestPlots {
    private static final int WIDTH = 1100;
    private static final Color GREEN = new Color(0, 140, 60);
    private static final Color RED = new Color(200, 30, 30);

    private BacktestPlots() {
    }

    /**
     * Writes the equity-and-drawdown plot of a run as {@code dir/name.png} and {@code dir/name.svg}, without a
     * benchmark.
     *
     * @param initialCash the account's starting cash (the first peak of the drawdown)
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException if the equity curve is empty
     */
    public static Plot equity(BacktestResult result, double initialCash, String title, Path dir, String name)
            throws IOException {
        return equity(result, null, null, initialCash, title, dir, name);
    }

    /**
     * Writes the equity-and-drawdown plot of a run with a benchmark's curve (grey) as {@code dir/name.png} and
     * {@code dir/name.svg}.
     *
     * @param benchmark the benchmark's value at each point of the equity curve, or {@code null} for none
     * @param benchmarkName the benchmark's legend entry
     * @param initialCash the account's starting cash (the first peak of the drawdown)
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException if the equity curve is empty or the benchmark has another length
     */
    public static Plot equity(BacktestResult result, double[] benchmark, String benchmarkName, double initialCash,
                              String title, Path dir, String name) throws IOException {
        List<XYChart> charts = equityCharts(result, benchmark, benchmarkName, initialCash, title);
        return ChartFiles.write(List.of(new ChartFiles.Panel(charts.get(0), 480),
                new ChartFiles.Panel(charts.get(1), 220)), WIDTH, dir.resolve(name + ".png"),
                dir.resolve(name + ".svg"));
    }

    /**
     * The two charts of {@link #equity}: the equity (series {@code equity}, {@code benchmark} if given,
     * {@code entries}, {@code exits}) and the drawdown in percent (series {@code drawdown}); x values are
     * {@link TimeAxis#years decimal years}.
     */
    static List<XYChart> equityCharts(BacktestResult result, double[] benchmark, String benchmarkName,
                                      double initialCash, String title) {
        Objects.requireNonNull(result, "result");
        EquityCurve curve = result.equity();
        if (curve.size() == 0) {
            throw new IllegalArgumentException("plot '" + title + "': the equity curve is empty");
        }
        long[] times = curve.times();
        double[] equity = curve.values();
        if (benchmark != null && benchmark.length != times.length) {
            throw new IllegalArgumentException("plot '" + title + "': the benchmark has " + benchmark.length
                    + " points, the equity curve " + times.length);
        }
        double[] x = TimeAxis.years(times);
        double[] drawdown = new double[times.length];
        double peak = initialCash;
        for (int i = 0; i < times.length; i++) {
            peak = Math.max(peak, equity[i]);
            drawdown[i] = 100 * (equity[i] / peak - 1);
        }

        XYChart top = new XYChartBuilder().width(WIDTH).height(480).title(title).yAxisTitle("equity").build();
        TimeAxis.apply(ChartStyle.plain(top));
        XYSeries line = top.addSeries("equity", x, equity);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(30, 80, 160));
        line.setLineWidth(1.2f);
        if (benchmark != null) {
            XYSeries b = top.addSeries(benchmarkName == null ? "benchmark" : benchmarkName, x, benchmark);
            b.setMarker(SeriesMarkers.NONE);
            b.setLineColor(new Color(130, 130, 130));
            b.setLineWidth(1f);
        }
        markers(top, "entries", result.trades(), times, equity, true);
        markers(top, "exits", result.trades(), times, equity, false);

        XYChart bottom = new XYChartBuilder().width(WIDTH).height(220).yAxisTitle("drawdown %").build();
        TimeAxis.apply(ChartStyle.plain(bottom));
        bottom.getStyler().setLegendVisible(false);
        XYSeries dd = bottom.addSeries("drawdown", x, drawdown);
        dd.setMarker(SeriesMarkers.NONE);
        dd.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        dd.setFillColor(new Color(200, 30, 30, 90));
        dd.setLineColor(RED);
        dd.setLineWidth(1f);
        // short equity labels (thousands) keep the two y axes about as wide, so the time axes line up
        double largest = 0;
        for (double v : equity) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (largest >= 10_000) {
            top.getStyler().setYAxisTitleVisible(true);
            top.getStyler().setYAxisDecimalPattern("#,##0");
            top.getStyler().setYAxisTickLabelsFormattingFunction(v -> Math.round(v / 1000) + "k");
        }
        bottom.getStyler().setYAxisDecimalPattern("#0");
        return List.of(top, bottom);
    }

    private static void markers(XYChart chart, String name, List<Trade> trades, long[] times, double[] equity,
                                boolean entries) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Trade t : trades) {
            long time = entries ? t.entryTime() : t.exitTime();
            int i = Arrays.binarySearch(times, time);
            if (i >= 0) {
                x.add(TimeAxis.year(time));
                y.add(equity[i]);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(entries ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.TRIANGLE_DOWN);
        s.setMarkerColor(entries ? GREEN : RED);
    }

    /**
     * Writes a heatmap of a sweep metric over two parameters as {@code dir/name.png} and {@code dir/name.svg}. Each
     * cell is the best value (the highest, or the lowest for {@code max_drawdown}, {@code max_drawdown_bars},
     * {@code volatility} and {@code turnover}) among completed runs with that pair of values; cells without a number
     * are left blank.
     *
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException if a parameter is not numeric in the table, the metric is unknown, or no run
     *     has both parameters
     */
    public static Plot heatmap(SweepTable table, String xParam, String yParam, String metric, Path dir, String name)
            throws IOException {
        HeatMapChart chart = heatmapChart(table, xParam, yParam, metric);
        int width = chart.getWidth();
        int height = chart.getHeight();
        return ChartFiles.write(List.of(new ChartFiles.Panel(chart, height)), width, dir.resolve(name + ".png"),
                dir.resolve(name + ".svg"));
    }

    /**
     * The chart of {@link #heatmap}: one series named after the metric, its cells {@code {x index, y index, value}};
     * a fraction metric ({@link Metrics#FRACTIONS}) is in percent, so the cells and the colour bar read as the
     * report's tables do, and the title says so.
     */
    static HeatMapChart heatmapChart(SweepTable table, String xParam, String yParam, String metric) {
        boolean percent = Metrics.FRACTIONS.contains(metric);
        double scale = percent ? 100 : 1;
        boolean lowerIsBetter = Metrics.LOWER_IS_BETTER.contains(metric);
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        Map<List<Double>, Double> cells = new LinkedHashMap<>();
        for (int i = 0; i < table.size(); i++) {
            Object x = table.param(i, xParam);
            Object y = table.param(i, yParam);
            if (x == null || y == null) {
                continue;
            }
            if (!(x instanceof Number xn) || !(y instanceof Number yn)) {
                throw new IllegalArgumentException("heatmap: parameters '" + xParam + "' and '" + yParam
                        + "' must be numeric");
            }
            double value = table.metric(i, metric);
            xs.add(xn.doubleValue());
            ys.add(yn.doubleValue());
            if (table.completed(i) && !Double.isNaN(value)) {
                cells.merge(List.of(xn.doubleValue(), yn.doubleValue()), value * scale,
                        (a, b) -> lowerIsBetter ? Math.min(a, b) : Math.max(a, b));
            }
        }
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("heatmap: no run has both parameters '" + xParam + "' and '" + yParam
                    + "'; the parameters are " + table.paramNames());
        }
        List<Double> xValues = new ArrayList<>(xs);
        List<Double> yValues = new ArrayList<>(ys);
        List<Number[]> heat = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<List<Double>, Double> e : cells.entrySet()) {
            heat.add(new Number[] {xValues.indexOf(e.getKey().get(0)), yValues.indexOf(e.getKey().get(1)),
                    e.getValue()});
            min = Math.min(min, e.getValue());
            max = Math.max(max, e.getValue());
        }
        int width = Math.min(1400, Math.max(700, 90 + 40 * xValues.size()));
        int height = Math.min(1000, Math.max(500, 120 + 28 * yValues.size()));
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
                .title(metric + (percent ? " (%)" : "") + " by " + xParam + " and " + yParam).xAxisTitle(xParam)
                .yAxisTitle(yParam).build();
        var s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setShowValue(xValues.size() <= 20 && yValues.size() <= 30);
        s.setHeatMapValueDecimalPattern(percent ? "0.0" : "0.00");
        s.setRangeColors(new Color[] {new Color(180, 30, 30), new Color(250, 240, 200), new Color(20, 120, 60)});
        if (!heat.isEmpty() && min < max) {
            // XChart labels the colour bar with its raw bounds and splits: round bounds on a 1-2-5 step keep the
            // labels short numbers in the cells' unit
            double step = niceStep((max - min) / 5);
            double lo = roundTo(Math.floor(min / step) * step, step);
            double hi = roundTo(Math.ceil(max / step) * step, step);
            s.setMin(lo);
            s.setMax(hi);
            s.setSplitNumber((int) Math.round((hi - lo) / step));
        }
        chart.addSeries(metric, labels(xValues), labels(yValues), heat);
        return chart;
    }

    /** The 1, 2 or 5 times a power of ten at or above {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / power;
        double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
        return new java.math.BigDecimal(nice).multiply(java.math.BigDecimal.valueOf(power)).doubleValue();
    }

    /** {@code v}, a multiple of {@code step}, as the double nearest its short decimal form. */
    private static double roundTo(double v, double step) {
        int digits = Math.max(0, (int) -Math.floor(Math.log10(step)));
        return java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static List<String> labels(List<Double> values) {
        List<String> out = new ArrayList<>(values.size());
        for (double v : values) {
            out.add(v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v));
        }
        return out;
    }
}
