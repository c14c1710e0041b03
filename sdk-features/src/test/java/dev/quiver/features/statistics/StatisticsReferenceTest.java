package dev.quiver.features.statistics;

import static dev.quiver.features.kernel.ReferenceAssertions.assertTaLib;
import static dev.quiver.features.kernel.ReferenceAssertions.assertTtr;
import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import dev.quiver.features.kernel.MultiColumnSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statistics operators against TA-Lib's Java port ({@code com.tictactec:ta-lib} 0.4.0) and R TTR 0.24.3
 * ({@code oracle/ttr_aapl_2013_2018.csv}), on AAPL's bars and on generated ones. Bit for bit where our arithmetic is
 * TA-Lib's (ROCP, MIN, MAX, LINEARREG_SLOPE); within a stated tolerance where ours is the more accurate centred
 * two-pass form (CORREL, BETA, z-score from SMA and STDDEV), whose gap is TA-Lib's running raw sums' rounding.
 */
class StatisticsReferenceTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    /** TA-Lib's one-input, one-parameter functions. */
    private interface TaFunction {
        RetCode call(Core core, double[] in, int n, MInteger begin, MInteger count, double[] out);
    }

    private static final Map<String, TaFunction> ONE_INPUT = Map.of(
            "ret", (core, in, n, b, c, out) -> core.rocP(0, in.length - 1, in, n, b, c, out),
            "min", (core, in, n, b, c, out) -> core.min(0, in.length - 1, in, n, b, c, out),
            "max", (core, in, n, b, c, out) -> core.max(0, in.length - 1, in, n, b, c, out),
            "linearreg_slope", (core, in, n, b, c, out) -> core.linearRegSlope(0, in.length - 1, in, n, b, c, out));

    private static List<Map<String, double[]>> bars() {
        List<Map<String, double[]>> sets = new ArrayList<>();
        sets.add(MultiColumnSeries.aapl());
        for (long seed = 1; seed <= 3; seed++) {
            sets.add(MultiColumnSeries.complete(seed, 5_000));
        }
        return sets;
    }

    /** Whether {@code x} is constant over the {@code n} rows ending at {@code row}. */
    private static boolean constant(double[] x, int row, int n) {
        for (int i = row - n + 1; i < row; i++) {
            if (x[i] != x[row]) {
                return false;
            }
        }
        return true;
    }

    private static double[] ours(String spec, Map<String, double[]> bars) {
        FeatureKernel k = ENGINE.kernel(spec);
        return MultiColumnSeries.batch(k, MultiColumnSeries.inputs(k, bars))[0];
    }

    @ParameterizedTest(name = "{0}({1})")
    @CsvSource({
        "ret, 1", "ret, 2", "ret, 10", "ret, 30",
        "min, 2", "min, 5", "min, 30", "min, 200",
        "max, 2", "max, 5", "max, 30", "max, 200",
        "linearreg_slope, 2", "linearreg_slope, 5", "linearreg_slope, 14", "linearreg_slope, 200"})
    void equalsTaLibBitForBit(String op, int n) {
        for (Map<String, double[]> bars : bars()) {
            double[] x = bars.get("close");
            String spec = op + "(" + n + ")";
            FeatureKernel k = ENGINE.kernel(spec);
            double[] out = new double[x.length];
            MInteger b = new MInteger();
            MInteger c = new MInteger();
            RetCode rc = ONE_INPUT.get(op).call(new Core(), x, n, b, c, out);
            assertTaLib(spec, ours(spec, bars), k.warmUp(), rc, b, c, out, 0);
        }
    }

    // not n = 2: TA-Lib's cancellation there reaches 1e-4 (-0.99993 for an exact -1); CorrelationTest checks it
    @ParameterizedTest(name = "corr(close,benchmark,{0})")
    @ValueSource(ints = {5, 30, 200})
    void corrMatchesTaLibCorrel(int n) {
        for (Map<String, double[]> bars : bars()) {
            double[] x = bars.get("close");
            double[] out = new double[x.length];
            MInteger b = new MInteger();
            MInteger c = new MInteger();
            RetCode rc = new Core().correl(0, x.length - 1, x, bars.get("benchmark"), n, b, c, out);
            for (int j = 0; j < c.value; j++) {
                if (constant(x, b.value + j, n)) {
                    out[j] = Double.NaN; // documented: undefined, where TA-Lib outputs 0
                }
            }
            String spec = "corr(close,benchmark," + n + ")";
            // TA-Lib's running raw sums of squares of prices cancel: its error grows with level²/variance and is
            // largest for the shortest windows; ours is checked against exact arithmetic in CorrelationTest
            assertTaLib(spec, ours(spec, bars), n - 1, rc, b, c, out, 1e-7);
        }
    }

    @ParameterizedTest(name = "beta(close,benchmark,{0}) = TA-Lib BETA(benchmark, close)")
    @ValueSource(ints = {2, 5, 30, 200})
    void betaOnPricesIsTaLibsBetaWithItsInputsSwapped(int n) {
        for (Map<String, double[]> bars : bars()) {
            double[] x = bars.get("close");
            double[] out = new double[x.length];
            MInteger b = new MInteger();
            MInteger c = new MInteger();
            RetCode rc = new Core().beta(0, x.length - 1, bars.get("benchmark"), x, n, b, c, out);
            String spec = "beta(close,benchmark," + n + ")";
            double[] ours = ours(spec, bars);
            int zeroed = 0;
            for (int j = 0; j < c.value; j++) {
                // TA-Lib outputs 0 where n·Σx² − (Σx)² of the benchmark's returns is below its 1e-8 "zero"
                if (out[j] == 0.0 && ours[b.value + j] != 0.0) {
                    out[j] = ours[b.value + j];
                    zeroed++;
                }
            }
            assertThat(zeroed).as("rows TA-Lib zeroed").isLessThan(n == 2 ? c.value / 10 : 5);
            // a two-return window's beta is ill-conditioned (|beta| in the hundreds), and TA-Lib's raw sums lose digits there
            assertTaLib(spec, ours, n, rc, b, c, out, n == 2 ? 1e-7 : 1e-9);
        }
    }

    // not n = 2: TA-Lib's cancellation there reaches 2e-5 (|z| = 0.99998 for an exact 1); ZScoreTest checks it
    @ParameterizedTest(name = "zscore({0},0) = (x - SMA) / STDDEV")
    @ValueSource(ints = {5, 20, 200})
    void zscoreMatchesTaLibSmaAndStddev(int n) {
        for (Map<String, double[]> bars : bars()) {
            double[] x = bars.get("close");
            double[] sma = new double[x.length];
            double[] sd = new double[x.length];
            MInteger b = new MInteger();
            MInteger c = new MInteger();
            Core core = new Core();
            assertThat(core.sma(0, x.length - 1, x, n, b, c, sma)).isEqualTo(RetCode.Success);
            RetCode rc = core.stdDev(0, x.length - 1, x, n, 1.0, b, c, sd);
            double[] z = new double[c.value];
            for (int j = 0; j < c.value; j++) {
                // documented: NaN for a constant window, where TA-Lib's sd is 0 and z ±∞ or NaN
                z[j] = constant(x, b.value + j, n) ? Double.NaN : (x[b.value + j] - sma[j]) / sd[j];
            }
            // TA-Lib's variance is E[x²] − E[x]², which cancels on prices; ours is checked against exact arithmetic
            // in ZScoreTest
            assertTaLib("zscore(" + n + ")", ours("zscore(" + n + ")", bars), n - 1, rc, b, c, z, 1e-7);
        }
    }

    @ParameterizedTest(name = "{0} vs TTR {1}")
    @CsvSource({
        // returns pass near zero: compared relative to a floor of 1e-4 (one basis point of a price)
        "ret(10), roc10_discrete, 1e-4",
        "logret(10), roc10_continuous, 1e-4",
        "max(20), runmax20, 1",
        "min(20), runmin20, 1",
        "median(20), runmedian20, 1"})
    void matchesTtr(String spec, String column, double floor) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[] out = TestSeries.batch(k, TestSeries.aaplClose());
        double[] ttr = TestSeries.oracle(column);
        assertThat(assertTtr(spec, out, ttr, 1e-9, floor)).isEqualTo(ttr.length - k.warmUp());
    }

    @ParameterizedTest(name = "zscore(20,{0}) vs TTR (C - SMA(C,20)) / runSD(C,20,sample={0})")
    @CsvSource({"0, runsd20_pop", "1, runsd20_sample"})
    void zscoreMatchesTtr(int ddof, String sdColumn) {
        double[] close = TestSeries.aaplClose();
        double[] sma = TestSeries.oracle("sma20");
        double[] sd = TestSeries.oracle(sdColumn);
        double[] z = new double[close.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (close[i] - sma[i]) / sd[i];
        }
        FeatureKernel k = ENGINE.kernel("zscore(20," + ddof + ")");
        double[] out = TestSeries.batch(k, close);
        // the CSV holds 15 significant digits of SMA and sd; x − SMA loses up to two more
        assertThat(assertTtr(k.outputs().get(0), out, z, 1e-9, 1)).isEqualTo(z.length - 19);
    }
}
