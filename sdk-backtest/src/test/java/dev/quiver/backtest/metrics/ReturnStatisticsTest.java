package dev.quiver.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed cases for {@link ReturnStatistics}; the R comparison is in {@link ReturnStatisticsReferenceTest}. */
class ReturnStatisticsTest {
    private static final double EPS = 1e-12;

    @Test
    void compoundsAndMeasuresDrawdownsFromAStartingWealthOfOne() {
        double[] r = {0.1, -0.2, 0.05};
        assertThat(ReturnStatistics.compoundedReturn(r)).isCloseTo(1.1 * 0.8 * 1.05 - 1, within(EPS));
        assertThat(ReturnStatistics.summedReturn(r)).isCloseTo(-0.05, within(EPS));
        // wealth 1.1, 0.88, 0.924; peak 1.1 from period 1 on
        assertThat(ReturnStatistics.drawdowns(r)).containsExactly(new double[] {0, 0.88 / 1.1 - 1, 0.924 / 1.1 - 1},
                within(EPS));
        assertThat(ReturnStatistics.maxDrawdown(r)).isCloseTo(-0.2, within(EPS));
        assertThat(ReturnStatistics.longestDrawdownDuration(r)).isEqualTo(2); // peak after period 1, open at 3
    }

    @Test
    void theStartingWealthIsAPeak() {
        assertThat(ReturnStatistics.drawdowns(new double[] {-0.1, 0.05})).containsExactly(
                new double[] {-0.1, 0.9 * 1.05 - 1}, within(EPS));
        assertThat(ReturnStatistics.longestDrawdownDuration(new double[] {-0.1})).isEqualTo(1);
    }

    @Test
    void drawdownDurationRunsFromPeakToRecoveryOrToTheEnd() {
        assertThat(ReturnStatistics.longestDrawdownDuration(new double[] {-0.1, 0.2})).isEqualTo(2);
        assertThat(ReturnStatistics.longestDrawdownDuration(new double[] {-0.1, -0.1})).isEqualTo(2);
        assertThat(ReturnStatistics.longestDrawdownDuration(new double[] {0.1, 0.1, 0})).isZero();
        // first drawdown: start -> period 2 (2 periods); second: peak at 2 -> recovery at 6 (4 periods)
        assertThat(ReturnStatistics.longestDrawdownDuration(
                new double[] {-0.1, 0.2, -0.05, -0.05, -0.05, 0.5})).isEqualTo(4);
        // the longer one may be the first
        assertThat(ReturnStatistics.longestDrawdownDuration(
                new double[] {0.1, -0.1, -0.1, -0.1, 0.5, -0.01, 0.02})).isEqualTo(4);
    }

    @Test
    void momentsAndAnnualisation() {
        double[] r = {0.1, -0.1, 0, 2.0 / 9};
        double mean = 1.0 / 18;
        double sampleSd = Math.sqrt(38.5) / 45; // squared deviations 4, 49, 6.25, 56.25 over 45^2, divided by 3
        assertThat(ReturnStatistics.mean(r)).isCloseTo(mean, within(EPS));
        assertThat(ReturnStatistics.sampleStandardDeviation(r)).isCloseTo(sampleSd, within(EPS));
        assertThat(ReturnStatistics.populationStandardDeviation(r)).isCloseTo(Math.sqrt(115.5 / 4) / 45, within(EPS));
        assertThat(ReturnStatistics.annualisedMean(r, 4)).isCloseTo(4 * mean, within(EPS));
        assertThat(ReturnStatistics.annualisedVolatility(r, 4)).isCloseTo(2 * sampleSd, within(EPS));
        assertThat(ReturnStatistics.sharpeRatio(r, 4)).isCloseTo(5 / Math.sqrt(38.5), within(EPS));
        assertThat(ReturnStatistics.min(r)).isEqualTo(-0.1);
        assertThat(ReturnStatistics.max(r)).isEqualTo(2.0 / 9);
        // wealth 1.1 * 0.9 * 1 * 11/9 = 1.21 over 4 periods; 8 periods a year compounds it twice
        assertThat(ReturnStatistics.annualisedGeometricReturn(r, 8)).isCloseTo(1.21 * 1.21 - 1, within(EPS));
    }

    @Test
    void sortinoUsesTheDownsideDeviationOverAllPeriods() {
        double[] r = {0.1, -0.1, 0, 2.0 / 9};
        // sqrt((0 + 0.01 + 0 + 0) / 4): gains count as 0, they are not dropped
        assertThat(ReturnStatistics.downsideDeviation(r)).isCloseTo(0.05, within(EPS));
        assertThat(ReturnStatistics.sortinoRatio(r, 4)).isCloseTo((4.0 / 18) / (0.05 * 2), within(EPS));
        assertThat(ReturnStatistics.sortinoRatio(new double[] {0.01, 0.02}, 12)).isNaN();
    }

    @Test
    void calmarIsGeometricReturnOverMaxDrawdown() {
        double[] r = {0.1, -0.2, 0.05};
        double geometric = Math.pow(1.1 * 0.8 * 1.05, 12.0 / 3) - 1;
        assertThat(ReturnStatistics.calmarRatio(r, 12)).isCloseTo(geometric / 0.2, within(EPS));
        assertThat(ReturnStatistics.calmarRatio(new double[] {0.01, 0.02}, 12)).isNaN();
    }

    @Test
    void aConstantSeriesHasZeroSpreadAndNoSharpe() {
        double[] r = {0.01, 0.01, 0.01};
        assertThat(ReturnStatistics.sampleStandardDeviation(r)).isZero();
        assertThat(ReturnStatistics.populationStandardDeviation(r)).isZero();
        assertThat(ReturnStatistics.sharpeRatio(r, 12)).isNaN();
        assertThat(ReturnStatistics.sharpeRatio(new double[] {0, 0, 0}, 12)).isNaN();
    }

    @Test
    void shortSeries() {
        double[] none = {};
        assertThat(ReturnStatistics.mean(none)).isNaN();
        assertThat(ReturnStatistics.sampleStandardDeviation(none)).isNaN();
        assertThat(ReturnStatistics.populationStandardDeviation(none)).isNaN();
        assertThat(ReturnStatistics.compoundedReturn(none)).isZero();
        assertThat(ReturnStatistics.summedReturn(none)).isZero();
        assertThat(ReturnStatistics.annualisedGeometricReturn(none, 12)).isNaN();
        assertThat(ReturnStatistics.downsideDeviation(none)).isNaN();
        assertThat(ReturnStatistics.min(none)).isNaN();
        assertThat(ReturnStatistics.max(none)).isNaN();
        assertThat(ReturnStatistics.drawdowns(none)).isEmpty();
        assertThat(ReturnStatistics.maxDrawdown(none)).isZero();
        assertThat(ReturnStatistics.longestDrawdownDuration(none)).isZero();

        double[] one = {0.03};
        assertThat(ReturnStatistics.mean(one)).isEqualTo(0.03);
        assertThat(ReturnStatistics.sampleStandardDeviation(one)).isNaN();
        assertThat(ReturnStatistics.populationStandardDeviation(one)).isZero();
        assertThat(ReturnStatistics.sharpeRatio(one, 12)).isNaN();
    }

    @Test
    void aTotalLossHasAGeometricReturnOfMinusOne() {
        assertThat(ReturnStatistics.annualisedGeometricReturn(new double[] {0.1, -1}, 12)).isEqualTo(-1);
        assertThat(ReturnStatistics.annualisedGeometricReturn(new double[] {-1.5}, 12)).isEqualTo(-1);
    }

    @Test
    void missingValuesPropagate() {
        double[] r = {0.01, Double.NaN, 0.02};
        assertThat(ReturnStatistics.mean(r)).isNaN();
        assertThat(ReturnStatistics.sampleStandardDeviation(r)).isNaN();
        assertThat(ReturnStatistics.compoundedReturn(r)).isNaN();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> ReturnStatistics.annualisedMean(new double[] {0.1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodsPerYear");
        assertThatThrownBy(() -> ReturnStatistics.sharpeRatio(new double[] {0.1}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReturnStatistics.annualisedGeometricReturn(new double[] {}, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReturnStatistics.mean(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("returns");
    }
}
