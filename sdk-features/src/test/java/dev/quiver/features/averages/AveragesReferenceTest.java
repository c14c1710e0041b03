package dev.quiver.features.averages;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WMA, DEMA, TEMA, TRIMA and KAMA against TA-Lib's Java port (0.4.0, default compatibility, no unstable period),
 * bit for bit, on AAPL's closes and on random walks with flat stretches; WMA, DEMA and HMA against R TTR 0.24.3
 * within 1e-12 relative (TTR sums the weights directly, in another order).
 */
class AveragesReferenceTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    private interface TaFunction {
        RetCode call(Core core, double[] in, int n, MInteger begin, MInteger count, double[] out);
    }

    private static final Map<String, TaFunction> TA = Map.of(
            "wma", (core, in, n, b, c, out) -> core.wma(0, in.length - 1, in, n, b, c, out),
            "dema", (core, in, n, b, c, out) -> core.dema(0, in.length - 1, in, n, b, c, out),
            "tema", (core, in, n, b, c, out) -> core.tema(0, in.length - 1, in, n, b, c, out),
            "trima", (core, in, n, b, c, out) -> core.trima(0, in.length - 1, in, n, b, c, out),
            "kama", (core, in, n, b, c, out) -> core.kama(0, in.length - 1, in, n, b, c, out));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String op : List.of("wma", "dema", "tema", "trima", "kama")) {
            for (int n : new int[] {2, 3, 4, 5, 14, 20, 30, 31, 200}) {
                cases.add(Arguments.of(op, n));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("cases")
    void equalsTaLibOnAapl(String op, int n) {
        compare(op, n, TestSeries.aaplClose());
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("cases")
    void equalsTaLibOnRandomWalks(String op, int n) {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = TestSeries.randomWalk(seed, 4_000);
            Arrays.fill(x, 1000, 1000 + 3 * n, x[999]); // flat: KAMA's efficiency ratio of a flat window
            compare(op, n, x);
        }
    }

    @Test
    void periodOneIsTheInput() {
        // TA-Lib 0.4.0's Java port rejects period 1 for these; each is then exactly the input
        double[] x = TestSeries.randomWithGaps(2, 500);
        for (String spec : List.of("wma(1)", "trima(1)")) {
            double[] out = TestSeries.batch(ENGINE.kernel(spec), x);
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i])) {
                    assertThat(out[i]).as("%s row %d", spec, i).isEqualTo(x[i]);
                } else {
                    assertThat(out[i]).as("%s row %d", spec, i).isNaN();
                }
            }
        }
    }

    @Test
    void kamaConstantsAreTaLibs() {
        assertThat(Kama.SLOWEST).isEqualTo(0.06451612903225806);
        assertThat(Kama.RANGE).isEqualTo(0.6021505376344085);
    }

    private static void compare(String op, int n, double[] input) {
        FeatureKernel kernel = ENGINE.kernel(op, Map.of("n", n));
        double[] ours = TestSeries.batch(kernel, input);
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] ta = new double[input.length];
        assertThat(TA.get(op).call(new Core(), input, n, begin, count, ta)).isEqualTo(RetCode.Success);
        assertThat(begin.value).as("TA-Lib's first output row").isEqualTo(kernel.warmUp());
        assertThat(count.value).isEqualTo(input.length - kernel.warmUp());
        for (int i = 0; i < begin.value; i++) {
            assertThat(ours[i]).as("warm-up row %d", i).isNaN();
        }
        for (int j = 0; j < count.value; j++) {
            int row = begin.value + j;
            assertThat(ours[row]).as("%s row %d: ours %s, TA-Lib %s", kernel, row, ours[row], ta[j])
                    .isEqualTo(ta[j]);
        }
    }

    @ParameterizedTest(name = "{0} vs TTR {1}")
    @MethodSource("ttrColumns")
    void matchesTtr(String spec, String column) {
        FeatureKernel kernel = ENGINE.kernel(spec);
        double[] expected = TestSeries.oracle(column);
        double[] actual = TestSeries.batch(kernel, TestSeries.aaplClose());
        int compared = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("row %d: TTR's field is empty", i).isNaN();
            } else {
                assertThat(Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]))
                        .as("row %d: ours %s, TTR %s", i, actual[i], expected[i]).isLessThanOrEqualTo(1e-12);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(expected.length - kernel.warmUp());
    }

    static Stream<Arguments> ttrColumns() {
        return Stream.of(Arguments.of("wma(20)", "wma20"), Arguments.of("dema(20)", "dema20"),
                Arguments.of("hma(20)", "hma20"));
    }
}
