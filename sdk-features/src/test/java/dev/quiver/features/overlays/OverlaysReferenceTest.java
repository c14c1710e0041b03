package dev.quiver.features.overlays;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import dev.quiver.features.TestSeries.Bars;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overlays family against TA-Lib's Java port (0.4.0, in-process) and R TTR 0.24.3 (the AAPL oracle file).
 * SAR and the Bollinger middle band follow TA-Lib's arithmetic and are compared bit for bit; the Bollinger width
 * within TA-Lib's rounding error of {@code E[x²] − E[x]²}.
 */
class OverlaysReferenceTest {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("barSeries")
    void bbandsAgreeWithTaLib(String name, Bars bars) {
        double[] x = bars.close();
        for (int n : new int[] {2, 5, 20, 50}) { // TA-Lib rejects n = 1
            for (double k : new double[] {1.0, 2.0, 2.5}) {
                FeatureKernel kernel = ENGINE.kernel("bbands(" + n + "," + k + ")");
                double[][] ours = TestSeries.batch(kernel, bars);
                MInteger b = new MInteger();
                MInteger c = new MInteger();
                double[] up = new double[x.length];
                double[] mid = new double[x.length];
                double[] dn = new double[x.length];
                assertThat(new Core().bbands(0, x.length - 1, x, n, k, k, MAType.Sma, b, c, up, mid, dn))
                        .isEqualTo(RetCode.Success);
                assertThat(b.value).isEqualTo(kernel.warmUp());
                assertThat(c.value).isEqualTo(x.length - kernel.warmUp());
                for (int j = 0; j < c.value; j++) {
                    int row = b.value + j;
                    assertThat(ours[1][row]).as("middle, row %d", row).isEqualTo(mid[j]);
                    double m = mid[j];
                    // TA-Lib's sd carries an error of ~eps*m^2/sd (its variance one of ~eps*m^2), and floors
                    // variances below 1e-8 to 0, i.e. widths below k*1e-4
                    double sd = (up[j] - m) / k;
                    double tolerance = k * Math.max(64 * n * EPS * m * m / Math.max(sd, 1e-300), 1e-4) + 4 * EPS * m;
                    assertThat(Math.abs(ours[0][row] - up[j])).as("upper, row %d", row).isLessThanOrEqualTo(tolerance);
                    assertThat(Math.abs(ours[2][row] - dn[j])).as("lower, row %d", row).isLessThanOrEqualTo(tolerance);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("barSeries")
    void sarEqualsTaLib(String name, Bars bars) {
        double[][] params = {{0.02, 0.2}, {0.01, 0.1}, {0.05, 0.5}, {0.3, 0.2}};
        for (double[] p : params) {
            FeatureKernel kernel = ENGINE.kernel("sar(" + p[0] + "," + p[1] + ")");
            double[] ours = TestSeries.batch(kernel, bars)[0];
            MInteger b = new MInteger();
            MInteger c = new MInteger();
            double[] ta = new double[bars.length()];
            assertThat(new Core().sar(0, bars.length() - 1, bars.high(), bars.low(), p[0], p[1], b, c, ta))
                    .isEqualTo(RetCode.Success);
            assertThat(b.value).isEqualTo(kernel.warmUp());
            assertThat(c.value).isEqualTo(bars.length() - 1);
            assertThat(ours[0]).isNaN();
            for (int j = 0; j < c.value; j++) {
                assertThat(ours[j + 1]).as("%s row %d", kernel, j + 1).isEqualTo(ta[j]);
            }
        }
    }

    static Stream<Arguments> ttrColumns() {
        // the oracle has 15 significant digits; 1e-12 relative is its precision plus our rounding
        return Stream.of(
                Arguments.of("bbands(20,2)", "close", new String[] {"bb_up", "bb_mavg", "bb_dn"}),
                Arguments.of("bbands(typical,20,2)", "typical", new String[] {"bbtp_up", "bbtp_mavg", "bbtp_dn"}),
                Arguments.of("donchian(20)", "", new String[] {"donchian_high", "donchian_mid", "donchian_low"}),
                Arguments.of("keltner(20,2)", "", new String[] {"keltner_up", "keltner_mavg", "keltner_dn"}));
    }

    @ParameterizedTest(name = "{0} vs TTR")
    @MethodSource("ttrColumns")
    void matchesTtr(String spec, String input, String[] columns) {
        FeatureKernel kernel = ENGINE.kernel(spec);
        Bars bars = TestSeries.aaplBars();
        double[][] ours;
        if (input.equals("typical")) {
            double[] tp = new double[bars.length()];
            for (int i = 0; i < tp.length; i++) {
                tp[i] = (bars.high()[i] + bars.low()[i] + bars.close()[i]) / 3;
            }
            ours = TestSeries.batch(kernel, new double[][] {tp});
        } else {
            ours = TestSeries.batch(kernel, bars);
        }
        for (int o = 0; o < columns.length; o++) {
            double[] expected = TestSeries.oracle(columns[o]);
            int compared = 0;
            for (int i = 0; i < expected.length; i++) {
                if (i < kernel.warmUp()) {
                    assertThat(ours[o][i]).as("%s row %d", columns[o], i).isNaN();
                    continue;
                }
                assertThat(expected[i]).as("%s row %d: TTR has a value", columns[o], i).isFinite();
                assertThat(Math.abs(ours[o][i] - expected[i]) / Math.abs(expected[i]))
                        .as("%s row %d: ours %s, TTR %s", columns[o], i, ours[o][i], expected[i])
                        .isLessThanOrEqualTo(1e-12);
                compared++;
            }
            assertThat(compared).isEqualTo(expected.length - kernel.warmUp());
        }
    }

    @Test
    void keltnersMiddleBandStartsOneRowAfterTtrs() {
        double[] ttr = TestSeries.oracle("keltner_mavg");
        FeatureKernel kernel = ENGINE.kernel("keltner(20,2)");
        assertThat(ttr[18]).isNaN();
        assertThat(ttr[19]).isFinite();
        assertThat(TestSeries.batch(kernel, TestSeries.aaplBars())[1][19]).isNaN();
    }
}
