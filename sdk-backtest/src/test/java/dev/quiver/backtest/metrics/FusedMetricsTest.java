package dev.quiver.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MetricsCalculator} computes its statistics in three fused passes; this holds it, bit for bit, to the
 * one-statistic-per-call arithmetic of {@link ReturnStatistics} it replaced, over random and degenerate curves.
 */
class FusedMetricsTest {
    private static final BacktestConfig CONFIG = BacktestConfig.defaults();

    @Test
    void equalsTheSeparatePassesBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int c = 0; c < 300; c++) {
            int n = random.nextInt(0, 400);
            double[] levels = new double[n];
            double level = CONFIG.initialCash();
            int shape = c % 4;
            for (int i = 0; i < n; i++) {
                switch (shape) {
                    case 0 -> level *= 1 + random.nextGaussian() * 0.02;
                    case 1 -> level = random.nextInt(3) == 0 ? level : level * (1 + random.nextGaussian() * 0.01);
                    case 2 -> level = CONFIG.initialCash() + random.nextInt(-2, 3); // returns to earlier peaks
                    default -> level *= 1.001;                                       // constant return
                }
                levels[i] = level;
            }
            List<Trade> trades = new ArrayList<>();
            for (int t = random.nextInt(0, 6); t > 0; t--) {
                double profit = random.nextInt(3) == 0 ? 0 : random.nextGaussian() * 100;
                trades.add(new Trade("X", 0, 1, 10, 11, 1, profit, profit / 10, 0));
            }
            long inMarket = n == 0 ? 0 : random.nextInt(0, n + 1);
            double traded = random.nextDouble() * 1e6;
            assertThat(MetricsCalculator.calculate(curve(levels), trades, inMarket, traded, CONFIG))
                    .as("curve %d of %d points", c, n)
                    .isEqualTo(separatePasses(levels, trades, inMarket, traded));
        }
    }

    @Test
    void flatAndTinyCurvesToo() {
        for (double[] levels : new double[][] {{}, {100_000}, {90_000}, {100_000, 100_000}, {100_000, 100_000, 100_000},
                {110_000, 99_000, 110_000}, {0, 5}}) {
            assertThat(MetricsCalculator.calculate(curve(levels), List.of(), 0, 0, CONFIG))
                    .isEqualTo(separatePasses(levels, List.of(), 0, 0));
        }
    }

    @Test
    void aNonFiniteLevelIsNamedWithItsTime() {
        EquityCurve curve = new EquityCurve(new long[] {5, 6}, new double[] {1, Double.NaN});
        assertThatThrownBy(() -> MetricsCalculator.calculate(curve, List.of(), 0, 0, CONFIG))
                .hasMessageContaining("point 1 (time 6) is NaN");
    }

    private static EquityCurve curve(double[] levels) {
        long[] times = new long[levels.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = i;
        }
        return new EquityCurve(times, levels);
    }

    /** The metrics as computed before the passes were fused: one ReturnStatistics call per statistic. */
    private static Metrics separatePasses(double[] levels, List<Trade> trades, long inMarket, double traded) {
        double cash = CONFIG.initialCash();
        double p = CONFIG.periodsPerYear();
        int n = levels.length;
        double[] r = MetricsCalculator.barReturns(curve(levels), cash);
        double growth = n == 0 ? 1 : levels[n - 1] / cash;
        double annual = n == 0 ? Double.NaN : ReturnStatistics.compoundAnnualGrowth(growth, n, p);
        double mean = ReturnStatistics.mean(r);
        double vol = ReturnStatistics.sampleStandardDeviation(r) * Math.sqrt(p);
        double sharpe = ReturnStatistics.ratio(mean * p, vol);
        double sortino = ReturnStatistics.ratio(mean * p, ReturnStatistics.downsideDeviation(r) * Math.sqrt(p));
        double maxDd = -ReturnStatistics.maxDrawdownOfLevels(cash, levels);
        int ddBars = ReturnStatistics.longestDrawdownOfLevels(cash, levels);
        double calmar = ReturnStatistics.ratio(annual, maxDd);
        long wins = 0;
        double gp = 0;
        double gl = 0;
        for (Trade t : trades) {
            if (t.profit() > 0) {
                wins++;
                gp += t.profit();
            } else if (t.profit() < 0) {
                gl -= t.profit();
            }
        }
        long count = trades.size();
        double winRate = count == 0 ? Double.NaN : (double) wins / count;
        double pf = count == 0 ? Double.NaN : gl == 0 ? (gp > 0 ? Double.POSITIVE_INFINITY : Double.NaN) : gp / gl;
        double expectancy = count == 0 ? Double.NaN : (gp - gl) / count;
        double exposure = n == 0 ? Double.NaN : (double) inMarket / n;
        double turnover = n == 0 ? Double.NaN : ReturnStatistics.ratio(traded, ReturnStatistics.mean(levels)) * p / n;
        return Metrics.builder().totalReturn(growth - 1).annualReturn(annual).volatility(vol).sharpe(sharpe)
                .sortino(sortino).calmar(calmar).maxDrawdown(maxDd).maxDrawdownBars(ddBars).winRate(winRate)
                .profitFactor(pf).expectancy(expectancy).exposure(exposure).turnover(turnover).trades(count).build();
    }
}
