package dev.quiver.features.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import org.junit.jupiter.api.Test;

class ObvTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptor() {
        FeatureKernel k = Bars.ENGINE.kernel("obv");
        assertThat(k.outputs()).containsExactly("obv()");
        assertThat(k.inputs()).containsExactly("close", "volume");
        assertThat(k.warmUp()).isZero();
        assertThat(Bars.ENGINE.kernel("obv(adj_close,vol)").outputs()).containsExactly("obv(adj_close,vol)");
    }

    @Test
    void seededWithTheFirstVolumeThenAddsOnUpAndSubtractsOnDownCloses() {
        double[] close = {10, 11, 11, 10, 10.5};
        double[] volume = {100, 200, 300, 400, 50};
        assertThat(Bars.run("obv", close, volume)).containsExactly(100, 300, 300, -100, -50);
    }

    @Test
    void aMissingBarIsNaNAndTheNextIsComparedWithTheLastCompleteOne() {
        double[] close = {NaN, 10, 11, NaN, 12, 9, 8};
        double[] volume = {7, 100, 200, 300, 400, NaN, 50};
        assertThat(Bars.run("obv", close, volume)).containsExactly(NaN, 100, 300, NaN, 700, NaN, 650);
    }

    @Test
    void emptyAndOneRow() {
        assertThat(Bars.run("obv", new double[0], new double[0])).isEmpty();
        assertThat(Bars.run("obv", new double[] {5}, new double[] {9})).containsExactly(9);
    }
}
