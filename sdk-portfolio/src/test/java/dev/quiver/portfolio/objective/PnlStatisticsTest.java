package dev.quiver.portfolio.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.portfolio.PnlMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

/**
 * The statistics against R (the shared oracle, on real monthly returns read as a P&amp;L matrix), against
 * commons-math3, and against values worked out by hand.
 */
class PnlStatisticsTest {
    private static final Path DATA = Path.of("src/test/resources/data");

    @Test
    void sharpeAndTotalsMatchROnRealReturns() throws Exception {
        PnlMatrix m = PnlMatrix.read(DATA.resolve("smallcap_monthly_returns.csv"));
        List<String> oracle = Files.readAllLines(DATA.resolve("retstats_smallcap_monthly.csv"));
        List<String> header = List.of(oracle.get(0).split(","));
        int checked = 0;
        for (String line : oracle.subList(1, oracle.size())) {
            String[] f = line.split(",");
            int s = m.names().indexOf(f[0]);
            double[] row = m.row(s);
            assertThat(row.length).isEqualTo(Integer.parseInt(f[header.indexOf("n")]));
            assertThat(PnlStatistics.roi(row)).as(f[0])
                    .isCloseTo(Double.parseDouble(f[header.indexOf("cum_return_simple_sum")]), within(1e-12));
            // R annualises with 12 periods, Quiver with 252: the same ratio scaled by √(252/12)
            double rSharpe = Double.parseDouble(f[header.indexOf("sharpe_rf0_ann")]);
            assertThat(PnlStatistics.sharpe(row)).as(f[0])
                    .isCloseTo(rSharpe * Math.sqrt(252.0 / 12), within(1e-12 * Math.max(1, Math.abs(rSharpe))));
            checked++;
        }
        assertThat(checked).isEqualTo(22);
    }

    @Test
    void everyStatisticOnAWorkedExample() {
        // equity 0 → 10, 4, 7, −3, 5: peak 10, the worst fall 10 − (−3) = 13
        double[] pnl = {10, -6, 3, -10, 8};
        assertThat(PnlStatistics.roi(pnl)).isEqualTo(5);
        assertThat(PnlStatistics.maxDrawdown(pnl)).isEqualTo(13);
        assertThat(PnlStatistics.ratio(pnl)).isEqualTo(5.0 / 13);
        DescriptiveStatistics d = new DescriptiveStatistics(pnl);
        assertThat(PnlStatistics.sharpe(pnl)).isCloseTo(d.getMean() / d.getStandardDeviation() * Math.sqrt(252),
                within(1e-12));
        double downside = Math.sqrt((36 + 100) / 5.0);
        assertThat(PnlStatistics.sortino(pnl)).isCloseTo(1.0 / downside * Math.sqrt(252), within(1e-12));
        assertThat(PnlStatistics.calmar(pnl)).isCloseTo(1.0 * 252 / 13, within(1e-12));
        assertThat(PnlStatistics.winRate(pnl)).isEqualTo(3.0 / 5);
        assertThat(PnlStatistics.profitFactor(pnl)).isEqualTo(21.0 / 16);
    }

    @Test
    void edgeCasesHaveDocumentedValues() {
        // losing from the first day: the peak starts at 0, so the drawdown is the lowest equity
        assertThat(PnlStatistics.maxDrawdown(new double[] {-5, -3, 2})).isEqualTo(8);
        // no drawdown: the ratio is the ROI; no losing day: the profit factor is the gains
        assertThat(PnlStatistics.ratio(new double[] {1, 2, 0})).isEqualTo(3);
        assertThat(PnlStatistics.profitFactor(new double[] {1, 2, 0})).isEqualTo(3);
        assertThat(PnlStatistics.sharpe(new double[] {2, 2, 2})).isZero();
        assertThat(PnlStatistics.sortino(new double[] {2, 0, 1})).isZero();
        assertThat(PnlStatistics.winRate(new double[] {0, 0})).isZero();
        assertThat(PnlStatistics.calmar(new double[] {1, 1})).isEqualTo(252);
        assertThat(Objective.byName("Profit-Factor")).isEqualTo(Objective.Standard.profit_factor);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Objective.byName("alpha"))
                .hasMessageContaining("unknown objective 'alpha'").hasMessageContaining("sharpe");
    }
}
