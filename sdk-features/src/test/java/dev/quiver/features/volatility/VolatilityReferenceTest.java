package dev.quiver.features.volatility;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import dev.quiver.features.TestSeries.Bars;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The volatility family against TA-Lib's Java port (0.4.0, in-process) and R TTR 0.24.3 (the AAPL oracle file).
 * True range, ATR and NATR follow TA-Lib's arithmetic and are compared bit for bit; the rolling variance uses a more
 * accurate algorithm than TA-Lib's {@code E[x²] − E[x]²} and is compared within TA-Lib's own rounding error.
 */
class VolatilityReferenceTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();
    private static final double EPS = Math.ulp(1.0);

    static Stream<Arguments> barSeries() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("AAPL", TestSeries.aaplBars()));
        for (long seed = 1; seed <= 3; seed++) {
            cases.add(Arguments.of("random walk " + seed, TestSeries.randomBars(seed, 3_000)));
        }
        return cases.stream();
    }

    /** Asserts TA-Lib's outputs start after our warm-up and equal ours bit for bit. */
    private static void assertSameBits(double[] ours, int warmUp, MInteger begin, MInteger count, double[] ta) {
        assertThat(begin.value).as("TA-Lib's first output row").isEqualTo(warmUp);
        assertThat(count.value).isEqualTo(ours.length - warmUp);
        for (int i = 0; i < warmUp; i++) {
            assertThat(ours[i]).as("warm-up row %d", i).isNaN();
        }
        for (int j = 0; j < count.value; j++) {
            int row = begin.value + j;
            assertThat(ours[row]).as("row %d: ours %s, TA-Lib %s", row, ours[row], ta[j]).isEqualTo(ta[j]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("barSeries")
    void trueRangeEqualsTaLib(String name, Bars bars) {
        FeatureKernel k = ENGINE.kernel("trange()");
        double[] ours = TestSeries.batch(k, bars)[0];
        MInteger b = new MInteger();
        MInteger c = new MInteger();
        double[] ta = new double[bars.length()];
        assertThat(new Core().trueRange(0, bars.length() - 1, bars.high(), bars.low(), bars.close(), b, c, ta))
                .isEqualTo(RetCode.Success);
        assertSameBits(ours, k.warmUp(), b, c, ta);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("barSeries")
    void atrAndNatrEqualTaLib(String name, Bars bars) {
        for (int n : new int[] {1, 2, 5, 14, 30, 200}) {
            MInteger b = new MInteger();
            MInteger c = new MInteger();
            double[] ta = new double[bars.length()];
            FeatureKernel atr = ENGINE.kernel("atr(" + n + ")");
            assertThat(new Core().atr(0, bars.length() - 1, bars.high(), bars.low(), bars.close(), n, b, c, ta))
                    .isEqualTo(RetCode.Success);
            assertSameBits(TestSeries.batch(atr, bars)[0], atr.warmUp(), b, c, ta);

            if (n == 1) {
                continue; // TA-Lib's NATR(1) returns the true range itself, not normalised: see Atr's Javadoc
            }
            FeatureKernel natr = ENGINE.kernel("natr(" + n + ")");
            assertThat(new Core().natr(0, bars.length() - 1, bars.high(), bars.low(), bars.close(), n, b, c, ta))
                    .isEqualTo(RetCode.Success);
            assertSameBits(TestSeries.batch(natr, bars)[0], natr.warmUp(), b, c, ta);
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 5, 20, 30, 200})
    void varianceAgreesWithTaLibWithinTaLibsRoundingError(int n) {
        for (double[] x : List.of(TestSeries.aaplClose(), TestSeries.randomWalk(4, 3_000))) {
            MInteger b = new MInteger();
            MInteger c = new MInteger();
            double[] ta = new double[x.length];
            assertThat(new Core().variance(0, x.length - 1, x, n, 1.0, b, c, ta)).isEqualTo(RetCode.Success);
            FeatureKernel k = ENGINE.kernel("var(" + n + ")");
            double[] ours = TestSeries.batch(k, x);
            assertThat(b.value).isEqualTo(k.warmUp());
            double[] sd = TestSeries.batch(ENGINE.kernel("stddev(" + n + ")"), x);
            for (int j = 0; j < c.value; j++) {
                int row = b.value + j;
                double mean = 0;
                for (int i = row - n + 1; i <= row; i++) {
                    mean += x[i] / n;
                }
                // TA-Lib's E[x^2] - mean^2 carries an error of some ulps of mean^2 (its running sum of squares
                // keeps rounding residue along the whole series), ours of a few ulps of the variance
                double tolerance = 32 * n * EPS * mean * mean + 1e-13 * Math.abs(ta[j]);
                assertThat(Math.abs(ours[row] - ta[j])).as("row %d: ours %s, TA-Lib %s", row, ours[row], ta[j])
                        .isLessThanOrEqualTo(tolerance);
                assertThat(sd[row]).isEqualTo(Math.sqrt(ours[row]));
            }
        }
    }

    @ParameterizedTest(name = "{0} vs TTR {1}")
    @MethodSource("ttrColumns")
    void matchesTtr(String spec, String column, double tolerance) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[] expected = TestSeries.oracle(column);
        double[] actual = TestSeries.batch(k, TestSeries.aaplBars())[0];
        int compared = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("row %d: TTR's field is empty", i).isNaN();
            } else {
                assertThat(Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]))
                        .as("row %d: ours %s, TTR %s", i, actual[i], expected[i]).isLessThanOrEqualTo(tolerance);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(expected.length - k.warmUp());
    }

    static Stream<Arguments> ttrColumns() {
        // the oracle has 15 significant digits: 1e-13 relative is its precision, not a looser check
        return Stream.of(
                Arguments.of("trange()", "tr", 1e-13),
                Arguments.of("atr(14)", "atr14", 1e-13),
                Arguments.of("stddev(20,0)", "runsd20_pop", 1e-12),
                Arguments.of("stddev(20,1)", "runsd20_sample", 1e-12));
    }
}
