package dev.quiver.portfolio.report;

import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchResult;
import dev.quiver.report.ChartFiles;
import dev.quiver.report.ChartStyle;
import dev.quiver.report.Plot;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The portfolio's plots: equity over drawdown, the chosen strategies' correlation heatmap, and best fitness against
 * evaluations for one or several algorithms on one chart.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class PortfolioPlots {
    private static final int WIDTH = 1100;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private PortfolioPlots() {
    }

    static Plot equity(long[] days, double[] pnl, String title, Path dir) throws IOException {
        List<Date> dates = new ArrayList<>(days.length);
        List<Double> equity = new ArrayList<>(days.length);
        List<Double> drawdown = new ArrayList<>(days.length);
        double e = 0;
        double peak = 0;
        for (int d = 0; d < days.length; d++) {
            e += pnl[d];
            peak = Math.max(peak, e);
            dates.add(new Date(days[d] * MILLIS_PER_DAY));
            equity.add(e);
            drawdown.add(e - peak);
        }
        XYChart top = ChartStyle.plain(new XYChartBuilder().width(WIDTH).height(460).title(title)
                .yAxisTitle("equity (sum of daily P&L)").build());
        XYSeries line = top.addSeries("equity", dates, equity);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(30, 80, 160));
        top.getStyler().setDatePattern("yyyy-MM-dd");
        XYChart bottom = ChartStyle.plain(new XYChartBuilder().width(WIDTH).height(220).yAxisTitle("drawdown")
                .build());
        bottom.getStyler().setLegendVisible(false);
        bottom.getStyler().setDatePattern("yyyy-MM-dd");
        XYSeries dd = bottom.addSeries("drawdown", dates, drawdown);
        dd.setMarker(SeriesMarkers.NONE);
        dd.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        dd.setFillColor(new Color(200, 30, 30, 90));
        dd.setLineColor(new Color(200, 30, 30));
        return ChartFiles.write(List.of(new ChartFiles.Panel(top, 460), new ChartFiles.Panel(bottom, 220)), WIDTH,
                dir.resolve("equity.png"), dir.resolve("equity.svg"));
    }

    /** The correlation of the chosen strategies, labelled 1..k in the order of the report's table. */
    static Plot correlation(PortfolioProblem problem, int[] members, Path dir) throws IOException {
        int k = members.length;
        List<String> labels = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            labels.add(Integer.toString(i + 1));
        }
        List<Number[]> cells = new ArrayList<>(k * k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double r = i == j ? 1 : problem.correlation(members[i], members[j]);
                cells.add(new Number[] {i, j, r});
            }
        }
        int size = Math.min(1200, Math.max(600, 140 + 26 * k));
        HeatMapChart chart = new HeatMapChartBuilder().width(size).height(size)
                .title("Correlation of the chosen strategies (numbers as in the report's table)").build();
        var s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setShowValue(k <= 20);
        s.setHeatMapValueDecimalPattern("0.00");
        s.setRangeColors(new Color[] {new Color(30, 80, 160), Color.WHITE, new Color(180, 30, 30)});
        s.setMin(-1);
        s.setMax(1);
        chart.addSeries("correlation", labels, labels, cells);
        return ChartFiles.write(chart, size, size, dir, "correlation");
    }

    /** Best fitness against evaluations (log scale), one line per algorithm. */
    static Plot convergence(List<SearchResult> results, Path dir) throws IOException {
        XYChart chart = ChartStyle.plain(new XYChartBuilder().width(WIDTH).height(560)
                .title("Best fitness against evaluations").xAxisTitle("evaluations (log scale)")
                .yAxisTitle("best fitness").build());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (SearchResult r : results) {
            for (SearchResult.Point p : r.history()) {
                low = Math.min(low, p.best());
                high = Math.max(high, p.best());
            }
        }
        // fitness spans decades when a portfolio has no drawdown (its ratio is then its ROI): a log axis keeps
        // every curve visible
        boolean logY = low > 0 && high / low > 100;
        chart.getStyler().setYAxisLogarithmic(logY);
        if (logY) {
            chart.setYAxisTitle("best fitness (log scale)");
        }
        for (SearchResult r : results) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (SearchResult.Point p : r.history()) {
                // a step line: the best holds until the next improvement
                if (!y.isEmpty()) {
                    x.add((double) Math.max(1, p.evaluations()));
                    y.add(y.getLast());
                }
                x.add((double) Math.max(1, p.evaluations()));
                y.add(p.best());
            }
            if (x.isEmpty()) {
                continue;
            }
            x.add((double) Math.max(x.getLast(), r.evaluations()));
            y.add(y.getLast());
            XYSeries s = chart.addSeries(r.algorithm(), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        return ChartFiles.write(chart, WIDTH, 560, dir, "convergence");
    }
}
