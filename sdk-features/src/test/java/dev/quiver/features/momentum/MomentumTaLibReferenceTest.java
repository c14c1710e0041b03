package dev.quiver.features.momentum;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.features.Bars;
import dev.quiver.features.Providers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the momentum kernels with TA-Lib's Java port ({@code com.tictactec:ta-lib} 0.4.0, default compatibility,
 * no unstable period) on AAPL's daily bars and on random bars with flat stretches, for several parameter sets each.
 * The kernels follow TA-Lib's order of operations, so every value is compared bit for bit, and TA-Lib's first
 * output row ({@code outBegIdx}) must equal the kernel's warm-up.
 *
 * <p>TA-Lib's Java port throws {@code ArrayIndexOutOfBoundsException} for some length-1 parameters
 * ({@code MACD} with signal 1, {@code TRIX} with 1, {@code ULTOSC} with a length 1), so those are not compared; the
 * contract tests still run them.
 */
class MomentumTaLibReferenceTest {
    private static final int O = 0;
    private static final int H = 1;
    private static final int L = 2;
    private static final int C = 3;
    private static final int V = 4;

    /** A TA-Lib call over bars {@code b} (open, high, low, close, volume), filling {@code out} from row 0. */
    private interface TaCall {
        RetCode call(Core core, double[][] b, int end, MInteger begin, MInteger count, double[][] out);
    }

    /** Spec → TA-Lib call, its outputs in the kernel's output order. */
    private static final Map<String, TaCall> CASES = new LinkedHashMap<>();

    private static void add(String spec, TaCall call) {
        CASES.put(spec, call);
    }

    static {
        for (int[] p : new int[][] {{12, 26, 9}, {2, 3, 2}, {5, 35, 5}, {26, 26, 9}, {3, 10, 16}}) {
            add("macd(" + p[0] + "," + p[1] + "," + p[2] + ")", (c, b, e, bg, n, o) ->
                    c.macd(0, e, b[C], p[0], p[1], p[2], bg, n, o[0], o[1], o[2]));
        }
        for (int[] p : new int[][] {{5, 3, 3}, {14, 3, 3}, {1, 1, 1}, {21, 5, 7}}) {
            add("stoch(" + p[0] + "," + p[1] + "," + p[2] + ")", (c, b, e, bg, n, o) ->
                    c.stoch(0, e, b[H], b[L], b[C], p[0], p[1], MAType.Sma, p[2], MAType.Sma, bg, n, o[0], o[1]));
        }
        for (int[] p : new int[][] {{5, 3}, {14, 3}, {1, 1}, {30, 8}}) {
            add("stochf(" + p[0] + "," + p[1] + ")", (c, b, e, bg, n, o) ->
                    c.stochF(0, e, b[H], b[L], b[C], p[0], p[1], MAType.Sma, bg, n, o[0], o[1]));
        }
        for (int[] p : new int[][] {{14, 5, 3}, {2, 1, 1}, {20, 10, 4}, {14, 14, 3}}) {
            add("stochrsi(" + p[0] + "," + p[1] + "," + p[2] + ")", (c, b, e, bg, n, o) ->
                    c.stochRsi(0, e, b[C], p[0], p[1], p[2], MAType.Sma, bg, n, o[0], o[1]));
        }
        for (int p : new int[] {14, 2, 5, 50}) {
            add("willr(" + p + ")", (c, b, e, bg, n, o) -> c.willR(0, e, b[H], b[L], b[C], p, bg, n, o[0]));
            add("cci(" + p + ")", (c, b, e, bg, n, o) -> c.cci(0, e, b[H], b[L], b[C], p, bg, n, o[0]));
            add("cmo(" + p + ")", (c, b, e, bg, n, o) -> c.cmo(0, e, b[C], p, bg, n, o[0]));
            add("adx(" + p + ")", (c, b, e, bg, n, o) -> c.adx(0, e, b[H], b[L], b[C], p, bg, n, o[0]));
            add("plus_di(" + p + ")", (c, b, e, bg, n, o) -> c.plusDI(0, e, b[H], b[L], b[C], p, bg, n, o[0]));
            add("minus_di(" + p + ")", (c, b, e, bg, n, o) -> c.minusDI(0, e, b[H], b[L], b[C], p, bg, n, o[0]));
            add("dx(" + p + ")", (c, b, e, bg, n, o) -> c.dx(0, e, b[H], b[L], b[C], p, bg, n, o[0]));
            add("aroon(" + p + ")", (c, b, e, bg, n, o) -> c.aroon(0, e, b[H], b[L], p, bg, n, o[1], o[0]));
            add("aroonosc(" + p + ")", (c, b, e, bg, n, o) -> c.aroonOsc(0, e, b[H], b[L], p, bg, n, o[0]));
            add("mfi(" + p + ")", (c, b, e, bg, n, o) -> c.mfi(0, e, b[H], b[L], b[C], b[V], p, bg, n, o[0]));
        }
        for (int p : new int[] {10, 1, 2, 30}) {
            add("roc(" + p + ")", (c, b, e, bg, n, o) -> c.roc(0, e, b[C], p, bg, n, o[0]));
            add("mom(" + p + ")", (c, b, e, bg, n, o) -> c.mom(0, e, b[C], p, bg, n, o[0]));
        }
        for (int p : new int[] {30, 2, 5, 20}) {
            add("trix(" + p + ")", (c, b, e, bg, n, o) -> c.trix(0, e, b[C], p, bg, n, o[0]));
        }
        for (int[] p : new int[][] {{7, 14, 28}, {2, 3, 4}, {5, 5, 5}, {10, 20, 40}}) {
            add("ultosc(" + p[0] + "," + p[1] + "," + p[2] + ")", (c, b, e, bg, n, o) ->
                    c.ultOsc(0, e, b[H], b[L], b[C], p[0], p[1], p[2], bg, n, o[0]));
        }
        for (int[] p : new int[][] {{12, 26}, {2, 3}, {5, 5}, {10, 40}}) {
            for (String ma : List.of("sma", "ema")) {
                MAType type = ma.equals("sma") ? MAType.Sma : MAType.Ema;
                add("ppo(" + p[0] + "," + p[1] + "," + ma + ")", (c, b, e, bg, n, o) ->
                        c.ppo(0, e, b[C], p[0], p[1], type, bg, n, o[0]));
                add("apo(" + p[0] + "," + p[1] + "," + ma + ")", (c, b, e, bg, n, o) ->
                        c.apo(0, e, b[C], p[0], p[1], type, bg, n, o[0]));
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (FeatureKernelProvider p : Providers.available()) {
            for (String spec : CASES.keySet()) {
                if (p.supports(spec.substring(0, spec.indexOf('(')))) {
                    cases.add(Arguments.of(p.name(), spec));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void everyMomentumOperatorIsCompared() {
        List<String> compared = CASES.keySet().stream().map(s -> s.substring(0, s.indexOf('('))).toList();
        for (var op : Momentum.OPERATORS) {
            if (!op.descriptor().name().equals("rsi")) { // TaLibReferenceTest compares rsi
                assertThat(compared).as("operators compared with TA-Lib").contains(op.descriptor().name());
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void equalsTaLibOnAapl(String provider, String spec) {
        compare(provider, spec, Bars.aapl());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void equalsTaLibOnRandomBarsWithFlatStretches(String provider, String spec) {
        for (long seed = 1; seed <= 3; seed++) {
            compare(provider, spec, Bars.random(seed, 3_000));
        }
    }

    private static void compare(String provider, String spec, double[][] bars) {
        FeatureKernelProvider p = Providers.available().stream().filter(x -> x.name().equals(provider))
                .findFirst().orElseThrow();
        FeatureKernel kernel = Providers.engine(p).kernel(spec);
        double[][] ours = Bars.batch(kernel, bars);
        int rows = bars[0].length;
        double[][] ta = new double[ours.length][rows];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode rc = CASES.get(spec).call(new Core(), bars, rows - 1, begin, count, ta);
        assertThat(rc).isEqualTo(RetCode.Success);
        assertThat(begin.value).as("TA-Lib's first output row").isEqualTo(kernel.warmUp());
        assertThat(count.value).isEqualTo(rows - kernel.warmUp());
        for (int o = 0; o < ours.length; o++) {
            String name = kernel.outputs().get(o);
            for (int i = 0; i < begin.value; i++) {
                assertThat(ours[o][i]).as("%s warm-up row %d", name, i).isNaN();
            }
            for (int j = 0; j < count.value; j++) {
                int row = begin.value + j;
                assertThat(ours[o][row]).as("%s row %d: ours %s, TA-Lib %s", name, row, ours[o][row], ta[o][j])
                        .isEqualTo(ta[o][j]);
            }
        }
    }
}
