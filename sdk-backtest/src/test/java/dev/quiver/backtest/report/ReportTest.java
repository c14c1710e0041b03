package dev.quiver.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
