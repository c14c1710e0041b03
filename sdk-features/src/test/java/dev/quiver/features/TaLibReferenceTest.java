package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.features.vector.VectorKernelProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the kernels with TA-Lib's Java port ({@code com.tictactec:ta-lib} 0.4.0, default compatibility, no
 * unstable period) on AAPL's closes and on random walks. The scalar kernels follow TA-Lib's order of operations,
 * so the values are compared bit for bit; TA-Lib's first output ({@code outBegIdx}) must be the row after our
 * warm-up.
 */
class TaLibReferenceTest {

    /** TA-Lib's function for an operator: fills {@code out} from {@code begin} and returns the count. */
    private interface TaFunction {
        RetCode call(Core core, double[] in, int n, MInteger begin, MInteger count, double[] out);
    }

    private static final Map<String, TaFunction> TA = Map.of(
            "sma", (core, in, n, b, c, out) -> core.sma(0, in.length - 1, in, n, b, c, out),
            "ema", (core, in, n, b, c, out) -> core.ema(0, in.length - 1, in, n, b, c, out),
            "rsi", (core, in, n, b, c, out) -> core.rsi(0, in.length - 1, in, n, b, c, out));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (FeatureKernelProvider p : Providers.available()) {
            for (String op : List.of("sma", "ema", "rsi")) {
                if (p.supports(op)) {
                    for (int n : new int[] {2, 5, 14, 20, 30, 200}) {
                        cases.add(Arguments.of(p.name(), op, n));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}({2})")
    @MethodSource("cases")
    void equalsTaLibOnAapl(String provider, String op, int n) {
        compare(provider, op, n, TestSeries.aaplClose());
    }

    @ParameterizedTest(name = "{0}: {1}({2})")
    @MethodSource("cases")
    void equalsTaLibOnRandomWalks(String provider, String op, int n) {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = TestSeries.randomWalk(seed, 5_000);
            // flat stretches exercise RSI's zero-change branch and its flat-window output of 0
            Arrays.fill(x, 1000, 1000 + 3 * n, x[999]);
            compare(provider, op, n, x);
        }
    }

    private static void compare(String provider, String op, int n, double[] input) {
        FeatureKernelProvider p = Providers.available().stream().filter(x -> x.name().equals(provider))
                .findFirst().orElseThrow();
        FeatureKernel kernel = Providers.engine(p).kernel(op, Map.of("n", n));
        double[] ours = TestSeries.batch(kernel, input);

        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] ta = new double[input.length];
        RetCode rc = TA.get(op).call(new Core(), input, n, begin, count, ta);
        assertThat(rc).isEqualTo(RetCode.Success);
        assertThat(begin.value).as("TA-Lib's first output row").isEqualTo(kernel.warmUp());
        assertThat(count.value).isEqualTo(input.length - kernel.warmUp());
        for (int i = 0; i < begin.value; i++) {
            assertThat(ours[i]).as("warm-up row %d", i).isNaN();
        }
        for (int j = 0; j < count.value; j++) {
            int row = begin.value + j;
            if (provider.equals("vector") && op.equals("sma")) {
                // vectorised along time: rounded in another order, within the documented tolerance
                assertThat(ours[row]).as("row %d", row).isCloseTo(ta[j],
                        within(VectorKernelProvider.SMA_RELATIVE_TOLERANCE * Math.abs(ta[j])));
            } else {
                assertThat(ours[row]).as("row %d: ours %s, TA-Lib %s", row, ours[row], ta[j]).isEqualTo(ta[j]);
            }
        }
    }
}
