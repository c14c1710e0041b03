package dev.quiver.features.momentum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.Bars;
import dev.quiver.features.FeatureEngine;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-checked values, names, warm-ups and edge cases of the momentum operators. */
class MomentumTest {
    private static final double NaN = Double.NaN;
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    /** Bars from (high, low, close) triples; open = close, volume 1,000. */
    private static double[][] hlc(double... triples) {
        int n = triples.length / 3;
        double[][] bars = new double[5][n];
        for (int i = 0; i < n; i++) {
            bars[0][i] = triples[3 * i + 2];
            bars[1][i] = triples[3 * i];
            bars[2][i] = triples[3 * i + 1];
            bars[3][i] = triples[3 * i + 2];
            bars[4][i] = 1000;
        }
        return bars;
    }

    /** Bars whose every price is {@code x}. */
    private static double[][] closes(double... x) {
        double[] triples = new double[3 * x.length];
        for (int i = 0; i < x.length; i++) {
            Arrays.fill(triples, 3 * i, 3 * i + 3, x[i]);
        }
        return hlc(triples);
    }

    private static double[][] run(String spec, double[][] bars) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[][] out = Bars.batch(k, bars);
        assertThat(Bars.bits(Bars.incremental(k, bars))).isEqualTo(Bars.bits(out));
        return out;
    }

    @Test
    void namesAndWarmUpsFollowTaLibsDefaultsAndLookbacks() {
        Map<String, Integer> warmUps = Map.ofEntries(Map.entry("macd", 33), Map.entry("stoch", 8),
                Map.entry("stochf", 6), Map.entry("stochrsi", 20), Map.entry("willr", 13), Map.entry("cci", 13),
                Map.entry("roc", 10), Map.entry("mom", 10), Map.entry("cmo", 14), Map.entry("adx", 27),
                Map.entry("plus_di", 14), Map.entry("minus_di", 14), Map.entry("dx", 14), Map.entry("aroon", 14),
                Map.entry("aroonosc", 14), Map.entry("mfi", 14), Map.entry("ultosc", 28), Map.entry("trix", 88),
                Map.entry("ppo", 25), Map.entry("apo", 25));
        warmUps.forEach((op, w) -> assertThat(ENGINE.kernel(op).warmUp()).as(op).isEqualTo(w));
        assertThat(ENGINE.kernel("macd").outputs())
                .containsExactly("macd(12,26,9).macd", "macd(12,26,9).signal", "macd(12,26,9).hist");
        assertThat(ENGINE.kernel("stoch").outputs()).containsExactly("stoch(5,3,3).k", "stoch(5,3,3).d");
        assertThat(ENGINE.kernel("stochrsi").outputs()).containsExactly("stochrsi(14,5,3).k", "stochrsi(14,5,3).d");
        assertThat(ENGINE.kernel("aroon(20)").outputs()).containsExactly("aroon(20).up", "aroon(20).down");
        assertThat(ENGINE.kernel("ppo").outputs()).containsExactly("ppo(12,26,sma)");
        assertThat(ENGINE.kernel("ppo(5,10,ema)").outputs()).containsExactly("ppo(5,10,ema)");
        assertThat(ENGINE.kernel("willr").inputs()).containsExactly("high", "low", "close");
        assertThat(ENGINE.kernel("mfi").inputs()).containsExactly("high", "low", "close", "volume");
        assertThat(ENGINE.kernel("willr(h,l,c,5)").outputs()).containsExactly("willr(h,l,c,5)");
        for (var op : Momentum.OPERATORS) {
            assertThat(op.descriptor().family()).isEqualTo("momentum");
        }
    }

    @Test
    void lengthsOutOfOrderAreRejected() {
        assertThatThrownBy(() -> ENGINE.kernel("macd(26,12,9)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("macd: fast 26 > slow 12");
        assertThatThrownBy(() -> ENGINE.kernel("ppo(26,12)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ppo: fast 26 > slow 12");
        assertThatThrownBy(() -> ENGINE.kernel("ultosc(28,14,7)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not ascending");
        assertThatThrownBy(() -> ENGINE.kernel("apo(12,26,wma)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one of sma, ema");
    }

    @Test
    void momentumAndRateOfChange() {
        assertThat(run("mom(2)", closes(1, 2, 4, 7))[0]).containsExactly(NaN, NaN, 3, 5);
        double[] roc = run("roc(1)", closes(100, 110, 0, 5))[0];
        assertThat(roc[0]).isNaN();
        assertThat(roc[1]).isCloseTo(10, within(1e-12));
        assertThat(roc[2]).isEqualTo(-100);
        assertThat(roc[3]).as("from 0: TA-Lib's 0").isZero();
    }

    @Test
    void williamsRAndTheStochasticsOnAHandExample() {
        double[][] bars = hlc(10, 8, 9, 12, 9, 11, 11, 10, 10);
        // window of 2 at row 1: HH 12, LL 8; row 2: HH 12, LL 9
        double[] willr = run("willr(2)", bars)[0];
        assertThat(willr[0]).isNaN();
        assertThat(willr[1]).isCloseTo(-25, within(1e-12));
        assertThat(willr[2]).isCloseTo(-200.0 / 3, within(1e-12));
        double[][] stochf = run("stochf(2,2)", bars);
        assertThat(stochf[0][1]).isNaN();
        assertThat(stochf[0][2]).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(stochf[1][2]).isCloseTo((75 + 100.0 / 3) / 2, within(1e-12));
    }

    @Test
    void emptyRangesAndFlatWindowsGiveTaLibsZeros() {
        double[][] flat = closes(5, 5, 5, 5, 5, 5, 5, 5);
        assertThat(run("willr(3)", flat)[0]).containsExactly(NaN, NaN, 0, 0, 0, 0, 0, 0);
        assertThat(run("stochf(3,1)", flat)[0]).containsExactly(NaN, NaN, 0, 0, 0, 0, 0, 0);
        assertThat(run("cci(3)", flat)[0]).containsExactly(NaN, NaN, 0, 0, 0, 0, 0, 0);
        assertThat(run("cmo(2)", flat)[0]).containsExactly(NaN, NaN, 0, 0, 0, 0, 0, 0);
        assertThat(run("mfi(2)", flat)[0]).containsExactly(NaN, NaN, 0, 0, 0, 0, 0, 0);
        assertThat(run("plus_di(2)", flat)[0]).containsExactly(NaN, NaN, 0, 0, 0, 0, 0, 0);
        assertThat(run("dx(2)", flat)[0]).containsExactly(NaN, NaN, 0, 0, 0, 0, 0, 0);
        assertThat(run("ultosc(1,2,3)", flat)[0]).containsExactly(NaN, NaN, NaN, 0, 0, 0, 0, 0);
        assertThat(run("ppo(2,3)", closes(0, 0, 0, 0))[0]).containsExactly(NaN, NaN, 0, 0);
    }

    @Test
    void aroonCountsTheMostRecentOfEqualExtremes() {
        double[][] bars = hlc(3, 1, 2, 3, 1, 2, 2, 1, 2);
        double[][] aroon = run("aroon(2)", bars);
        assertThat(aroon[0]).containsExactly(NaN, NaN, 50); // the high 3 at age 1, not 2
        assertThat(aroon[1]).containsExactly(NaN, NaN, 100); // the low 1 at age 0
        assertThat(run("aroonosc(2)", bars)[0]).containsExactly(NaN, NaN, -50);
    }

    @Test
    void macdAlignsTheFastEmaWithTheSlowOne() {
        // fast 2, slow 3, signal 1: the fast EMA is seeded with the mean of rows 1..2, not 0..1
        double[][] macd = run("macd(2,3,1)", closes(1, 2, 4, 8));
        double fast = ((8 - 3.0) * (2.0 / 3)) + 3.0;
        double slow = ((8 - 7.0 / 3) * 0.5) + 7.0 / 3;
        assertThat(macd[0]).containsExactly(NaN, NaN, 3 - 7.0 / 3, fast - slow);
        assertThat(macd[1]).containsExactly(macd[0]); // a signal span of 1 is the line itself
        assertThat(macd[2]).containsExactly(NaN, NaN, 0, 0);
    }

    @Test
    void wilderAveragesHoldTheirRatioOverALongFlatStretchWhereTaLibReadsZero() {
        // documented difference: TA-Lib reads a Wilder average below 1e-8 as 0, here only exactly 0 is
        double[] x = new double[80];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 10 ? 100 + i : 109;
        }
        double[] ours = run("cmo(2)", closes(x))[0];
        assertThat(ours[79]).isEqualTo(100.0);
        double[] ta = new double[80];
        new Core().cmo(0, 79, x, 2, new MInteger(), new MInteger(), ta);
        assertThat(ta[79 - 2]).isZero();
    }
}
