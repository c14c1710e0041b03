package dev.quiver.features.volatility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import org.junit.jupiter.api.Test;

class AtrTest {
    private static final double NaN = Double.NaN;
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    private static double[] run(String spec, double[] high, double[] low, double[] close) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[][] in = {high, low, close};
        double[] out = TestSeries.batch(k, in)[0];
        assertThat(TestSeries.incremental(k, in)[0]).containsExactly(out);
        return out;
    }

    @Test
    void trueRangeUsesThePreviousCompleteClose() {
        double[] high = {10, 12, NaN, 11, 9};
        double[] low = {8, 11, 5, 10, 8};
        double[] close = {9, 11.5, 6, 10.5, 8.5};
        // row 1: max(1, |9-12|, |9-11|) = 3; row 2 incomplete; row 3 from close 11.5: max(1, 0.5, 1.5) = 1.5;
        // row 4 from 10.5: max(1, 1.5, 2.5) = 2.5
        assertThat(run("trange()", high, low, close)).containsExactly(NaN, 3, NaN, 1.5, 2.5);
    }

    @Test
    void atrIsSeededWithTheMeanThenWilderSmoothed() {
        double[] high = {10, 12, 11, 11, 13};
        double[] low = {8, 11, 10, 10, 12};
        double[] close = {9, 11.5, 10.5, 10.5, 12.5};
        // TR: -, 3, 1.5, 1, 2.5; atr(2): (3 + 1.5)/2 = 2.25 at row 2, then (2.25 + 1)/2, then (1.625 + 2.5)/2
        assertThat(run("atr(2)", high, low, close)).containsExactly(NaN, NaN, 2.25, 1.625, 2.0625);
        assertThat(run("natr(2)", high, low, close)[2]).isEqualTo(2.25 / 10.5 * 100);
        assertThat(run("natr(1)", new double[] {1, 2}, new double[] {1, 1}, new double[] {1, 0})[1]).isZero();
        assertThat(ENGINE.kernel("atr()").outputs()).containsExactly("atr(14)");
        assertThat(ENGINE.kernel("atr()").warmUp()).isEqualTo(14);
    }
}
