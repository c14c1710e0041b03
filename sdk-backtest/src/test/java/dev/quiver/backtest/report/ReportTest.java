package dev.quiver.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.strategy.Strategies;
import dev.quiver.backtest.sweep.ParamGrid;
import dev.quiver.backtest.sweep.SweepPlan;
import dev.quiver.backtest.sweep.SweepTable;
import dev.quiver.report.HtmlReport;
import dev.quiver.report.Plot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import dev.quiver.report.TimeAxis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Plots and the HTML report on the S&amp;P 500: readable PNGs, SVGs, a heatmap and a report that links them. The
 * files stay in {@code target/report-test} for a look.
 */
class ReportTest {
    static final Path OUT = Path.of("target", "report-test");
    static final Panel SPX = TestBars.csv("SPX", "sp500_2000_2020.csv");

    @Test
    void equityPlotHeatmapAndReport() throws Exception {
        BacktestConfig config = BacktestConfig.defaults().withCosts(2, 1);
        BacktestResult result = EventBacktester.create().run(Strategies.parse("sma_cross(20,100)").strategy().get(),
                SPX, config);
        Plot equity = BacktestPlots.equity(result, config.initialCash(), "sma_cross(20,100) on SPX", OUT, "equity");

        BufferedImage png = ImageIO.read(equity.png().toFile());
        assertThat(png.getWidth()).isEqualTo(1100);
        assertThat(png.getHeight()).isEqualTo(700);
        String svg = Files.readString(equity.svg());
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("viewBox=\"0 0 1100 700\"");

        SweepTable table = SweepTable.of(EventBacktester.create().sweep(SweepPlan.of(List.of("sma_cross"),
                ParamGrid.parse(List.of("fast=5:30:5", "slow=40:200:40")), () -> PositionSizer.percentOfEquity(1))
                .runs(), SPX, config.withParallelism(2), ProgressListener.NONE)).sortedBy("sharpe", true);
        Plot heat = BacktestPlots.heatmap(table, "fast", "slow", "sharpe", OUT, "heatmap_sharpe");
        assertThat(ImageIO.read(heat.png().toFile())).isNotNull();
        assertThat(Files.readString(heat.svg())).contains("<svg");

        table.writeCsv(OUT.resolve("sweep.csv"));
        Path report = OUT.resolve("report.html");
        HtmlReport.builder("Quiver <test> report").heading("sma_cross(20,100)").keyValues("Metrics", ReportTables.metrics(result.metrics()))
                .plot("Equity and drawdown", equity).heading("Sweep")
                .table("Best runs by Sharpe", ReportTables.sweepHeader(List.of("sharpe", "total_return", "max_drawdown")),
                        ReportTables.sweepRows(table, 10, List.of("sharpe", "total_return", "max_drawdown")))
                .plot("Sharpe by fast and slow", heat).link("All runs (CSV)", OUT.resolve("sweep.csv"))
                .write(report);
        String html = Files.readString(report);
        assertThat(html).contains("<title>Quiver &lt;test&gt; report</title>").contains("src=\"equity.png\"")
                .contains("href=\"equity.svg\"").contains("src=\"heatmap_sharpe.png\"").contains("href=\"sweep.csv\"")
                .contains("<td>" + table.run(0) + "</td>").contains("Sharpe");
    }

    @Test
    void heatmapsNeedNumericParametersThatExist() {
        SweepTable table = SweepTable.of(EventBacktester.create().sweep(List.of(Strategies.parse("breakout(5)")), SPX,
                BacktestConfig.defaults().withParallelism(1), ProgressListener.NONE));
        assertThatThrownBy(() -> BacktestPlots.heatmap(table, "fast", "slow", "sharpe", OUT, "none"))
                .hasMessageContaining("no run has both parameters");
    }

    @Test
    void theReportsNumbersAreTheRunsWithTheBenchmarkComputedIndependently() throws Exception {
        BacktestConfig config = BacktestConfig.defaults().withCosts(2, 1).withParallelism(1);
        Path dir = OUT.resolve("single");
        BacktestReport.Written w = BacktestReport.run(SPX, "SPX", List.of(Strategies.parse("sma_cross(20,100)")),
                EventBacktester.create(), config, "sharpe", ProgressListener.NONE, dir);
        BacktestResult r = w.best();
        double[] equity = r.equity().values();
        double[] close = closes();

        // the benchmark of a one-symbol universe is the symbol's close relative to its first close
        double benchmark = close[close.length - 1] / close[0] - 1;
        assertThat(r.metrics().benchmarkReturn()).isCloseTo(benchmark, within(1e-12));
        assertThat(r.metrics().totalReturn()).isCloseTo(equity[equity.length - 1] / 100_000 - 1, within(1e-12));
        assertThat(r.metrics().excessReturn()).isCloseTo(r.metrics().totalReturn() - benchmark, within(1e-12));
        // beta and information ratio from plain per-bar returns
        int n = equity.length;
        double[] re = new double[n];
        double[] rb = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = equity[i] / (i == 0 ? 100_000 : equity[i - 1]) - 1;
            rb[i] = i == 0 ? 0 : close[i] / close[i - 1] - 1;
        }
        double mE = mean(re);
        double mB = mean(rb);
        double cov = 0;
        double var = 0;
        double[] active = new double[n];
        for (int i = 0; i < n; i++) {
            cov += (re[i] - mE) * (rb[i] - mB);
            var += (rb[i] - mB) * (rb[i] - mB);
            active[i] = re[i] - rb[i];
        }
        assertThat(r.metrics().beta()).isCloseTo(cov / var, within(1e-9));
        double mA = mean(active);
        double ss = 0;
        for (double a : active) {
            ss += (a - mA) * (a - mA);
        }
        assertThat(r.metrics().informationRatio()).isCloseTo(mA / Math.sqrt(ss / (n - 1)) * Math.sqrt(252),
                within(1e-9));

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("metrics.json")));
        assertThat(json.get("run").asString()).isEqualTo("sma_cross(20,100)");
        JsonNode m = json.get("metrics");
        assertThat(m.get("total_return").asDouble()).isEqualTo(r.metrics().totalReturn());
        assertThat(m.get("sharpe").asDouble()).isEqualTo(r.metrics().sharpe());
        assertThat(m.get("benchmark_return").asDouble()).isEqualTo(r.metrics().benchmarkReturn());
        assertThat(m.get("trades").isIntegralNumber()).isTrue();
        assertThat(m.get("trades").asLong()).isEqualTo(r.trades().size());
        assertThat(json.get("margin").get("long_initial").asDouble()).isEqualTo(0.5);

        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains(HtmlReport.percent(r.metrics().totalReturn()))
                .contains(HtmlReport.percent(benchmark)).contains("buy and hold of the universe");
        List<String> trades = Files.readAllLines(dir.resolve("trades.csv"));
        assertThat(trades.get(0)).endsWith("fees,borrow_cost,exit");
        assertThat(trades).hasSize(r.trades().size() + 1);
    }

    @Test
    void theEquityChartsSeriesAreTheCurveTheBenchmarkAndTheDrawdown() {
        BacktestConfig config = BacktestConfig.defaults().withParallelism(1);
        BacktestResult r = EventBacktester.create().run(Strategies.parse("sma_cross(20,100)").strategy().get(), SPX,
                config);
        double[] benchmark = dev.quiver.backtest.metrics.Benchmark.buyAndHold(SPX, "SPX", r.equity().times(),
                100_000);
        List<XYChart> charts = BacktestPlots.equityCharts(r, benchmark, "SPX", 100_000, "t");
        XYSeries equity = charts.get(0).getSeries("equity");
        assertThat(equity.getYData()).containsExactly(r.equity().values());
        assertThat(equity.getXData()[0]).isEqualTo(TimeAxis.year(r.equity().time(0)));
        assertThat(charts.get(0).getSeries("SPX").getYData()).containsExactly(benchmark);
        XYSeries entries = charts.get(0).getSeries("entries");
        assertThat(entries.getXData()).hasSize(r.trades().size());
        assertThat(entries.getXData()[0]).isEqualTo(TimeAxis.year(r.trades().get(0).entryTime()));
        double[] dd = charts.get(1).getSeries("drawdown").getYData();
        double peak = 100_000;
        double worst = 0;
        for (int i = 0; i < dd.length; i++) {
            peak = Math.max(peak, r.equity().equity(i));
            assertThat(dd[i]).isCloseTo(100 * (r.equity().equity(i) / peak - 1), within(1e-9));
            worst = Math.min(worst, dd[i]);
        }
        assertThat(-worst / 100).isCloseTo(r.metrics().maxDrawdown(), within(1e-12));
    }

    @Test
    void heatmapCellsOfAFractionAreInPercentAndTheColourBarHasRoundBounds() {
        SweepTable table = SweepTable.of(EventBacktester.create().sweep(SweepPlan.of(List.of("sma_cross"),
                ParamGrid.parse(List.of("fast=10:20:10", "slow=50:100:50")), () -> PositionSizer.percentOfEquity(1))
                .runs(), SPX, BacktestConfig.defaults().withParallelism(1), ProgressListener.NONE));
        HeatMapChart chart = BacktestPlots.heatmapChart(table, "fast", "slow", "total_return");
        var series = chart.getHeatMapSeries();
        assertThat(series.getHeatData()).hasSize(4);
        for (Number[] cell : series.getHeatData()) {
            int fast = List.of(10, 20).get(cell[0].intValue());
            int slow = List.of(50, 100).get(cell[1].intValue());
            int row = -1;
            for (int i = 0; i < table.size(); i++) {
                if (table.run(i).equals("sma_cross(" + fast + "," + slow + ")")) {
                    row = i;
                }
            }
            assertThat(cell[2].doubleValue()).isCloseTo(100 * table.metric(row, "total_return"), within(1e-9));
        }
        double min = chart.getStyler().getMin();
        double max = chart.getStyler().getMax();
        double step = (max - min) / chart.getStyler().getSplitNumber();
        assertThat(Double.toString(min).length()).isLessThanOrEqualTo(6);
        assertThat(Double.toString(max).length()).isLessThanOrEqualTo(6);
        assertThat(BacktestPlots.niceStep(step * 0.99)).isCloseTo(step, within(1e-9));
        assertThat(chart.getTitle()).startsWith("total_return (%)");
        // the sweep table shows each metric once, fractions in percent
        List<String> shown = ReportTables.sweepColumns("sharpe", List.of("total_return", "sharpe"));
        assertThat(shown).containsExactly("sharpe", "total_return");
        assertThat(ReportTables.sweepHeader(shown)).containsExactly("#", "run", "status", "sharpe",
                "total_return (%)");
        assertThat(ReportTables.sweepRows(table, 1, shown).get(0).get(4))
                .isEqualTo(HtmlReport.percent(table.metric(0, "total_return")));
    }

    @Test
    void timeTicksFallOnCalendarBoundaries() {
        assertThat(TimeAxis.label(2004.0)).isEqualTo("2004");
        assertThat(TimeAxis.label(TimeAxis.year(dev.quiver.api.table.Timestamps.ofDate(
                java.time.LocalDate.of(2004, 7, 1))))).isEqualTo("2004-07");
        assertThat(TimeAxis.label(2004.5)).isEqualTo("2004-07");
        assertThat(TimeAxis.year(dev.quiver.api.table.Timestamps.ofDate(java.time.LocalDate.of(2010, 1, 1))))
                .isEqualTo(2010.0);
    }

    private static double[] closes() {
        double[][] rows = TestBars.csvRows("sp500_2000_2020.csv");
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][3];
        }
        return c;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
