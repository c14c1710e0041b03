package dev.quiver.features.momentum;

import static dev.quiver.features.TestSeries.batch;
import static dev.quiver.features.TestSeries.incremental;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RsiTest {
    private static final double NaN = Double.NaN;
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    private static double[] rsi(int n, double... x) {
        FeatureKernel k = ENGINE.kernel("rsi(" + n + ")");
        double[] out = batch(k, x);
        assertThat(incremental(k, x)).containsExactly(out);
        return out;
    }

    @Test
    void descriptorUsesTaLibDefaults() {
        FeatureKernel k = ENGINE.kernel("rsi");
        assertThat(k.outputs()).containsExactly("rsi(14)");
        assertThat(k.warmUp()).isEqualTo(14);
        assertThat(Rsi.DESCRIPTOR.family()).isEqualTo("momentum");
    }

    @Test
    void wilderSmoothingSeededWithTheMeanOfTheFirstNChanges() {
        // changes +1, -1: gain 0.5, loss 0.5 -> 50 at row 2; then +1: gain (0.5+1)/2 = 0.75, loss 0.25 -> 75
        assertThat(rsi(2, 1, 2, 1, 2)).containsExactly(NaN, NaN, 50, 75);
    }

    @Test
    void onlyGainsGive100OnlyLossesGive0() {
        assertThat(rsi(3, 1, 2, 3, 4, 5)).containsExactly(NaN, NaN, NaN, 100, 100);
        assertThat(rsi(3, 5, 4, 3, 2, 1)).containsExactly(NaN, NaN, NaN, 0, 0);
    }

    @Test
    void aFlatWindowGives0AsInTaLib() {
        assertThat(rsi(3, 7, 7, 7, 7, 7)).containsExactly(NaN, NaN, NaN, 0, 0);
        // after gains, flat bars decay both averages but never reach zero: the index stays 100
        assertThat(rsi(2, 1, 2, 3, 3, 3)).containsExactly(NaN, NaN, 100, 100, 100);
    }

    @Test
    void tinyPricesAreNotFlat() {
        // TA-Lib reads gain + loss below 1e-8 as flat (0); here only exactly zero is
        assertThat(rsi(2, 1e-9, 2e-9, 3e-9)).containsExactly(NaN, NaN, 100);
    }

    @Test
    void aMissingBarIsSkippedAndTheNextChangeSpansIt() {
        // 1, 2, NaN, 1, 2 behaves as 1, 2, 1, 2
        assertThat(rsi(2, 1, 2, NaN, 1, 2)).containsExactly(NaN, NaN, NaN, 50, 75);
        assertThat(rsi(2, NaN, 1, 2, 1)).containsExactly(NaN, NaN, NaN, 50);
    }

    @Test
    void outputsAtFiniteBarsEqualTheSeriesWithTheMissingBarsRemoved() {
        double[] x = TestSeries.randomWithGaps(4, 2_000);
        double[] finite = Arrays.stream(x).filter(Double::isFinite).toArray();
        double[] withGaps = rsi(14, x);
        double[] compact = rsi(14, finite);
        double[] atFinite = new double[finite.length];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                atFinite[j++] = withGaps[i];
            } else {
                assertThat(withGaps[i]).isNaN();
            }
        }
        assertThat(atFinite).containsExactly(compact);
    }
}
