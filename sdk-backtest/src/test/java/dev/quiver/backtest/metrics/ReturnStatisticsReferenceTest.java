package dev.quiver.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ReturnStatistics} against R 4.2.2 on the 22 monthly return series of fPortfolio's {@code SMALLCAP.RET}
 * (see {@code src/test/resources/oracle/README.md}): every column of the statistics table for every series, and the
 * full drawdown series.
 */
class ReturnStatisticsReferenceTest {
    private static final double PERIODS_PER_YEAR = 12;
    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    private static final OracleCsv RETURNS = OracleCsv.read("/oracle/smallcap_monthly_returns.csv");
    private static final OracleCsv STATS = OracleCsv.read("/oracle/retstats_smallcap_monthly.csv");
    private static final OracleCsv DRAWDOWNS = OracleCsv.read("/oracle/drawdowns_smallcap_monthly.csv");

    /** Each oracle column and how ReturnStatistics computes it; a column missing here fails the test. */
    private static final Map<String, ToDoubleFunction<double[]>> STATISTICS = new LinkedHashMap<>();

    static {
        STATISTICS.put("n", r -> r.length);
        STATISTICS.put("mean", ReturnStatistics::mean);
        STATISTICS.put("sd_sample", ReturnStatistics::sampleStandardDeviation);
        STATISTICS.put("sd_pop", ReturnStatistics::populationStandardDeviation);
        STATISTICS.put("cum_return_compound", ReturnStatistics::compoundedReturn);
        STATISTICS.put("cum_return_simple_sum", ReturnStatistics::summedReturn);
        STATISTICS.put("ann_mean_arith", r -> ReturnStatistics.annualisedMean(r, PERIODS_PER_YEAR));
        STATISTICS.put("ann_vol_sample", r -> ReturnStatistics.annualisedVolatility(r, PERIODS_PER_YEAR));
        STATISTICS.put("ann_return_geometric", r -> ReturnStatistics.annualisedGeometricReturn(r, PERIODS_PER_YEAR));
        STATISTICS.put("sharpe_rf0_ann", r -> ReturnStatistics.sharpeRatio(r, PERIODS_PER_YEAR));
        // two independent R computations of the same number (base R and timeSeries); both must match
        STATISTICS.put("max_drawdown_base", ReturnStatistics::maxDrawdown);
        STATISTICS.put("max_drawdown_timeSeries", ReturnStatistics::maxDrawdown);
        STATISTICS.put("min", ReturnStatistics::min);
        STATISTICS.put("max", ReturnStatistics::max);
    }

    @Test
    void everyOracleColumnAndSeriesIsChecked() {
        assertThat(STATS.header().subList(1, STATS.header().size()))
                .as("statistics columns of %s", STATS.resource())
                .containsExactlyElementsOf(STATISTICS.keySet());
        List<String> series = RETURNS.header().subList(1, RETURNS.header().size());
        assertThat(STATS.texts("series")).containsExactlyElementsOf(series);
        assertThat(DRAWDOWNS.header()).isEqualTo(RETURNS.header());
        assertThat(DRAWDOWNS.texts("Date")).isEqualTo(RETURNS.texts("Date"));
    }

    @TestFactory
    Stream<DynamicTest> statisticsMatchR() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int row = 0; row < STATS.rows().size(); row++) {
            String series = STATS.text(row, "series");
            double[] returns = returns(series);
            for (Map.Entry<String, ToDoubleFunction<double[]>> statistic : STATISTICS.entrySet()) {
                double expected = STATS.number(row, statistic.getKey());
                tests.add(DynamicTest.dynamicTest(series + " " + statistic.getKey(), () -> assertClose(
                        series + " " + statistic.getKey(), statistic.getValue().applyAsDouble(returns), expected)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> drawdownSeriesMatchR() {
        return RETURNS.header().stream().skip(1).map(series -> DynamicTest.dynamicTest(series, () -> {
            double[] actual = ReturnStatistics.drawdowns(returns(series));
            double[] expected = DRAWDOWNS.numbers(series);
            assertThat(actual).hasSameSizeAs(expected);
            for (int t = 0; t < expected.length; t++) {
                assertClose(series + " drawdown on " + DRAWDOWNS.text(t, "Date"), actual[t], expected[t]);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> maxDrawdownIsTheMinimumOfTheDrawdownSeries() {
        return RETURNS.header().stream().skip(1).map(series -> DynamicTest.dynamicTest(series, () -> {
            double[] expected = DRAWDOWNS.numbers(series);
            double min = 0;
            for (double d : expected) {
                min = Math.min(min, d);
            }
            assertClose(series + " max drawdown", ReturnStatistics.maxDrawdown(returns(series)), min);
        }));
    }

    private static double[] returns(String series) {
        double[] returns = RETURNS.numbers(series);
        for (int t = 0; t < returns.length; t++) {
            if (Double.isNaN(returns[t])) {
                fail(RETURNS.resource() + ": " + series + " has a missing return on " + RETURNS.text(t, "Date"));
            }
        }
        return returns;
    }

    /** Equal within 1e-9 relative or 1e-12 absolute; an oracle NaN (or empty field) expects NaN. */
    private static void assertClose(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        double tolerance = Math.max(ABSOLUTE, RELATIVE * Math.abs(expected));
        if (!(Math.abs(actual - expected) <= tolerance)) {
            fail(what + ": expected " + expected + " (R), got " + actual + ", off by " + Math.abs(actual - expected)
                    + " > " + tolerance);
        }
    }
}
