package dev.quiver.features.volatility;

import static dev.quiver.features.TestSeries.batch;
import static dev.quiver.features.TestSeries.incremental;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class StdDevTest {
    private static final double NaN = Double.NaN;
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    private static double[] run(String spec, double... x) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[] out = batch(k, x);
        assertThat(incremental(k, x)).containsExactly(out);
        return out;
    }

    @Test
    void defaultsArePopulationOverFiveBarsAsTaLib() {
        FeatureKernel k = ENGINE.kernel("stddev()");
        assertThat(k.outputs()).containsExactly("stddev(5,0)");
        assertThat(k.warmUp()).isEqualTo(4);
        assertThat(ENGINE.kernel("var(20,1)").outputs()).containsExactly("var(20,1)");
    }

    @Test
    void populationAndSampleDivisors() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(run("var(8,0)", x)[7]).isEqualTo(4.0);
        assertThat(run("stddev(8,0)", x)[7]).isEqualTo(2.0);
        assertThat(run("var(8,1)", x)[7]).isCloseTo(32.0 / 7, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void aWindowOfOneIsZeroAndSampleNeedsTwo() {
        assertThat(run("stddev(1)", 3, 4, NaN, 5)).containsExactly(0, 0, NaN, 0);
        assertThatThrownBy(() -> ENGINE.kernel("stddev(1,1)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n >= 2");
    }

    @Test
    void aMissingValueBlanksEveryWindowHoldingIt() {
        assertThat(run("var(2)", 1, 3, NaN, 5, 7, Double.POSITIVE_INFINITY, 1, 1))
                .containsExactly(NaN, 1, NaN, NaN, 1, NaN, NaN, 0);
    }

    @Test
    void flatWindowIsExactlyZero() {
        double[] x = new double[50];
        java.util.Arrays.fill(x, 0.1);
        x[0] = 7;
        double[] out = run("stddev(10)", x);
        for (int i = 20; i < x.length; i++) {
            assertThat(out[i]).as("row %d", i).isZero();
        }
    }

    /**
     * A price level of 1e6 with a volatility of 1e-3: TA-Lib's {@code E[x²] − E[x]²} has nothing left of the
     * variance (1e-6 against rounding of ~1e-4), ours matches the exact value to 1e-9.
     */
    @Test
    void accurateWhereTaLibsFormulaCancels() {
        double[] walk = TestSeries.randomWalk(9, 2_000);
        double[] x = new double[walk.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e6 + 1e-3 * walk[i] / 100;
        }
        int n = 20;
        double[] ours = run("var(" + n + ")", x);
        double[] ta = new double[x.length];
        new Core().variance(0, x.length - 1, x, n, 1.0, new MInteger(), new MInteger(), ta);
        double worstTaLib = 0;
        for (int row = n - 1; row < x.length; row++) {
            double exact = exactVariance(x, row - n + 1, row + 1);
            assertThat(Math.abs(ours[row] - exact) / exact).as("row %d", row).isLessThan(1e-9);
            worstTaLib = Math.max(worstTaLib, Math.abs(ta[row - n + 1] - exact) / exact);
        }
        assertThat(worstTaLib).as("TA-Lib's worst relative error").isGreaterThan(1e-3);
    }

    private static double exactVariance(double[] x, int from, int to) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            sum = sum.add(new BigDecimal(x[i]));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(to - from), mc);
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            BigDecimal d = new BigDecimal(x[i]).subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        return squares.divide(BigDecimal.valueOf(to - from), mc).doubleValue();
    }
}
