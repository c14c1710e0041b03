package dev.quiver.features.momentum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.features.Bars;
import dev.quiver.features.Providers;
import dev.quiver.features.TestSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the momentum kernels with R's TTR 0.24.3 on AAPL's daily bars (see {@code oracle/README.md}), after
 * converting TTR's scale to TA-Lib's, within 1e-9 relative (to at least 1 unit of the output, since oscillators
 * cross 0). Where the seeding differs (MACD's fast EMA, the directional movement system's Wilder sums) the
 * comparison starts once the seed has decayed, at the row given; before it the values differ by design. CMO is not
 * compared: TTR follows Chande's plain sums, TA-Lib Wilder averages, and they do not converge. Aroon is compared
 * and MFI separately ({@link #aroonAgreesWhereTheExtremeIsWithinTtrsShorterWindow},
 * {@link #mfiAgreesWhereNoTypicalPriceIsUnchanged}).
 */
class MomentumTtrReferenceTest {
    private static final double TOLERANCE = 1e-9;

    /**
     * A comparison: our spec and output part, TTR's column and the factor that converts it to our scale, the first
     * row compared (-1: from our warm-up), and TTR's first non-empty row.
     */
    private record Case(String spec, int part, String column, double factor, int from, int ttrFirst) {
        @Override
        public String toString() {
            return spec + "[" + part + "] vs " + column;
        }
    }

    private static final List<Case> CASES = List.of(
            // TTR seeds the fast EMA with its own first values; TA-Lib aligns it with the slow one: (11/13)^k decay
            new Case("macd(12,26,9)", 0, "macd", 1, 250, 25),
            new Case("macd(12,26,9)", 1, "macd_signal", 1, 250, 33),
            new Case("macd(12,26,9)", 2, "macd_hist", 1, 250, 33),
            // TTR's stoch is in fractions; its fastD is the slow %K, TA-Lib's k part of stoch
            new Case("stochf(14,3)", 0, "stoch_fastK", 100, -1, 13),
            new Case("stochf(14,3)", 1, "stoch_fastD", 100, -1, 15),
            new Case("stoch(14,3,3)", 0, "stoch_fastD", 100, -1, 15),
            new Case("stoch(14,3,3)", 1, "stoch_slowD", 100, -1, 17),
            new Case("willr(14)", 0, "williams_r14", 1, -1, 13),
            new Case("willr(14)", 0, "wpr14", -100, -1, 13),
            new Case("cci(20)", 0, "cci20", 1, -1, 19),
            new Case("roc(10)", 0, "roc10_discrete", 100, -1, 10),
            new Case("mom(10)", 0, "mom10", 1, -1, 10),
            new Case("trix(20)", 0, "trix20", 1, -1, 58),
            // TTR seeds Wilder's sums with n values, TA-Lib with n - 1 and one step: (13/14)^k decay
            new Case("plus_di(14)", 0, "adx_DIp", 1, 500, 14),
            new Case("minus_di(14)", 0, "adx_DIn", 1, 500, 14),
            new Case("dx(14)", 0, "adx_DX", 1, 500, 14),
            new Case("adx(14)", 0, "adx_ADX", 1, 500, 27),
            new Case("ultosc(7,14,28)", 0, "ult_osc", 1, -1, 28));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (FeatureKernelProvider p : Providers.available()) {
            for (Case c : CASES) {
                if (p.supports(c.spec().substring(0, c.spec().indexOf('(')))) {
                    cases.add(Arguments.of(p.name(), c));
                }
            }
        }
        return cases.stream();
    }

    private static FeatureKernel kernel(String provider, String spec) {
        FeatureKernelProvider p = Providers.available().stream().filter(x -> x.name().equals(provider))
                .findFirst().orElseThrow();
        return Providers.engine(p).kernel(spec);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void matchesTtr(String provider, Case c) {
        FeatureKernel kernel = kernel(provider, c.spec());
        double[] ours = Bars.batch(kernel, Bars.aapl())[c.part()];
        double[] ttr = TestSeries.oracle(c.column());
        int ttrFirst = 0;
        while (Double.isNaN(ttr[ttrFirst])) {
            ttrFirst++;
        }
        assertThat(ttrFirst).as("TTR's first value of %s", c.column()).isEqualTo(c.ttrFirst());
        for (int i = 0; i < kernel.warmUp(); i++) {
            assertThat(ours[i]).as("warm-up row %d", i).isNaN();
        }
        int from = c.from() < 0 ? kernel.warmUp() : c.from();
        assertThat(from).isGreaterThanOrEqualTo(Math.max(ttrFirst, kernel.warmUp()));
        for (int i = from; i < ours.length; i++) {
            double expected = c.factor() * ttr[i];
            assertThat(Math.abs(ours[i] - expected) / Math.max(Math.abs(expected), 1.0))
                    .as("row %d: ours %s, TTR %s x %s", i, ours[i], ttr[i], c.factor())
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void macdDiffersFromTtrOnlyWhileTheFastSeedDecays() {
        // at TA-Lib's first row the two fast EMAs differ visibly; by row 250 they agree (tested above)
        double[] ours = Bars.batch(kernel("scalar", "macd"), Bars.aapl())[0];
        double[] ttr = TestSeries.oracle("macd");
        assertThat(Math.abs(ours[33] - ttr[33])).isGreaterThan(1e-6);
    }

    @Test
    void aroonAgreesWhereTheExtremeIsWithinTtrsShorterWindow() {
        // TTR's aroon(HL, n) looks at the last n bars (first value at row n - 1), TA-Lib's at n + 1 (row n); where
        // the extreme of TA-Lib's window is not its oldest bar (ours is above 0) both give 100 (n - age) / n
        double[][] ours = Bars.batch(kernel("scalar", "aroon(20)"), Bars.aapl());
        double[] osc = Bars.batch(kernel("scalar", "aroonosc(20)"), Bars.aapl())[0];
        double[] up = TestSeries.oracle("aroon_up");
        double[] down = TestSeries.oracle("aroon_dn");
        double[] ttrOsc = TestSeries.oracle("aroon_osc");
        int compared = 0;
        for (int i = 20; i < up.length; i++) {
            if (ours[0][i] > 0 && ours[1][i] > 0) {
                assertThat(ours[0][i]).as("up, row %d", i).isCloseTo(up[i], org.assertj.core.data.Offset.offset(1e-9));
                assertThat(ours[1][i]).as("down, row %d", i)
                        .isCloseTo(down[i], org.assertj.core.data.Offset.offset(1e-9));
                assertThat(osc[i]).as("osc, row %d", i).isCloseTo(ttrOsc[i], org.assertj.core.data.Offset.offset(1e-9));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(800);
    }

    @Test
    void mfiAgreesWhereNoTypicalPriceIsUnchanged() {
        // TTR 0.24.3 counts a bar whose typical price is unchanged as negative money flow, TA-Lib as neither; AAPL
        // has one such bar (row 30), which changes the 14 windows that hold it
        double[][] bars = Bars.aapl();
        double[] ours = Bars.batch(kernel("scalar", "mfi(14)"), bars)[0];
        double[] ttr = TestSeries.oracle("mfi14");
        double[] tp = new double[ours.length];
        for (int i = 0; i < tp.length; i++) {
            tp[i] = (bars[1][i] + bars[2][i] + bars[3][i]) / 3.0;
        }
        int lastUnchanged = -1000;
        int compared = 0;
        for (int i = 1; i < ours.length; i++) {
            if (tp[i] == tp[i - 1]) {
                lastUnchanged = i;
            }
            if (i < 14) {
                assertThat(ours[i]).isNaN();
                assertThat(ttr[i]).isNaN();
            } else if (i - lastUnchanged >= 14) {
                assertThat(Math.abs(ours[i] - ttr[i]) / Math.max(Math.abs(ttr[i]), 1.0))
                        .as("row %d: ours %s, TTR %s", i, ours[i], ttr[i]).isLessThanOrEqualTo(TOLERANCE);
                compared++;
            } else {
                assertThat(ours[i]).as("row %d, whose window holds an unchanged bar", i).isGreaterThan(ttr[i]);
            }
        }
        assertThat(lastUnchanged).isEqualTo(30);
        assertThat(compared).isEqualTo(ours.length - 14 - 14);
    }
}
