package dev.quiver.features.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import org.junit.jupiter.api.Test;

class ChaikinOscillatorTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptorUsesTaLibDefaults() {
        FeatureKernel k = Bars.ENGINE.kernel("adosc");
        assertThat(k.outputs()).containsExactly("adosc(3,10)");
        assertThat(k.warmUp()).isEqualTo(9);
        assertThat(Bars.ENGINE.kernel("adosc(10,3)").warmUp()).isEqualTo(9);
    }

    @Test
    void emasOfTheLineStartAtItsFirstValue() {
        double[] high = {10, 12, 11, 13, 12};
        double[] low = {8, 10, 9, 11, 10};
        double[] close = {9.5, 10, 11, 12, 10.5};
        double[] volume = {1000, 100, 300, 200, 400};
        double[] ad = {500, 400, 700, 700, 500};
        double fastK = 2.0 / 3;
        double slowK = 2.0 / 4;
        double fast = ad[0];
        double slow = ad[0];
        double[] expected = new double[5];
        expected[0] = NaN;
        for (int i = 1; i < 5; i++) {
            fast = fastK * ad[i] + (1 - fastK) * fast;
            slow = slowK * ad[i] + (1 - slowK) * slow;
            expected[i] = i < 2 ? NaN : fast - slow;
        }
        double[] out = Bars.run("adosc(2,3)", high, low, close, volume);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isNaN();
        for (int i = 2; i < 5; i++) {
            assertThat(out[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void missingBarsDoNotCountTowardsTheWarmUp() {
        double[] high = {10, NaN, 12, 11};
        double[] low = {8, 8, 10, 9};
        double[] close = {9.5, 9, 10, 11};
        double[] volume = {1000, 1, 100, 300};
        double[] out = Bars.run("adosc(2,2)", high, low, close, volume);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isFinite();
        // the same as the series without its missing bar
        double[] without = Bars.run("adosc(2,2)", new double[] {10, 12, 11}, new double[] {8, 10, 9},
                new double[] {9.5, 10, 11}, new double[] {1000, 100, 300});
        assertThat(new double[] {out[0], out[2], out[3]}).containsExactly(without);
    }
}
