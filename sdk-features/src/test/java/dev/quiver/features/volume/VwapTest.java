package dev.quiver.features.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import org.junit.jupiter.api.Test;

class VwapTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptorUsesTtrDefaults() {
        FeatureKernel k = Bars.ENGINE.kernel("vwap");
        assertThat(k.outputs()).containsExactly("vwap(10)");
        assertThat(k.inputs()).containsExactly("close", "volume");
        assertThat(k.warmUp()).isEqualTo(9);
    }

    @Test
    void volumeWeightedMeanOfTheWindow() {
        double[] price = {10, 20, 30, 40, 50, 60};
        double[] volume = {100, 300, 0, 0, NaN, 1};
        assertThat(Bars.run("vwap(2)", price, volume)).containsExactly(NaN, 17.5, 20, NaN, NaN, NaN);
    }

    @Test
    void windowOfOneIsThePriceWhereThereIsVolume() {
        assertThat(Bars.run("vwap(1)", new double[] {3, 4}, new double[] {5, 0})).containsExactly(3, NaN);
    }
}
