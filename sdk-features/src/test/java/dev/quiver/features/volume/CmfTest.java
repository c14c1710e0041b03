package dev.quiver.features.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.feature.FeatureKernel;
import org.junit.jupiter.api.Test;

class CmfTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptorUsesTtrDefaults() {
        FeatureKernel k = Bars.ENGINE.kernel("cmf");
        assertThat(k.outputs()).containsExactly("cmf(20)");
        assertThat(k.inputs()).containsExactly("high", "low", "close", "volume");
        assertThat(k.warmUp()).isEqualTo(19);
    }

    @Test
    void flowOverVolumeInTheWindow() {
        // clv: 0.5, -1, +1, 0 (no range)
        double[] high = {10, 12, 11, 5};
        double[] low = {8, 10, 9, 5};
        double[] close = {9.5, 10, 11, 5};
        double[] volume = {1000, 100, 300, 100};
        double[] out = Bars.run("cmf(2)", high, low, close, volume);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isCloseTo(400.0 / 1100, within(1e-15));
        assertThat(out[2]).isEqualTo(0.5);
        assertThat(out[3]).isEqualTo(0.75);
    }

    @Test
    void aWindowWithoutVolumeIsNaNAndAMissingValueBlanksItsWindows() {
        double[] high = {10, 12, 11, 12, 13, 14};
        double[] low = {8, 10, 9, 10, 11, 12};
        double[] close = {9.5, 10, 11, 11, 12, 14};
        double[] volume = {0, 0, 300, NaN, 100, 100};
        assertThat(Bars.run("cmf(2)", high, low, close, volume)).containsExactly(NaN, NaN, 1.0, NaN, NaN, 0.5);
    }
}
