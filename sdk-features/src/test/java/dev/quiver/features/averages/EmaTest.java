package dev.quiver.features.averages;

import static dev.quiver.features.TestSeries.batch;
import static dev.quiver.features.TestSeries.incremental;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EmaTest {
    private static final double NaN = Double.NaN;
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    private static double[] ema(int n, double... x) {
        FeatureKernel k = ENGINE.kernel("ema(" + n + ")");
        double[] out = batch(k, x);
        assertThat(incremental(k, x)).containsExactly(out);
        return out;
    }

    @Test
    void descriptorUsesTaLibDefaults() {
        FeatureKernel k = ENGINE.kernel("ema()");
        assertThat(k.outputs()).containsExactly("ema(30)");
        assertThat(k.warmUp()).isEqualTo(29);
        assertThat(Ema.alpha(3)).isEqualTo(0.5);
    }

    @Test
    void seededWithTheSimpleMeanThenSmoothed() {
        // alpha = 2/(3+1) = 0.5; seed (1+2+3)/3 = 2 at row 2; then 2 + 0.5*(4-2) = 3; 3 + 0.5*(9-3) = 6
        assertThat(ema(3, 1, 2, 3, 4, 9)).containsExactly(NaN, NaN, 2, 3, 6);
    }

    @Test
    void spanOneIsTheInput() {
        assertThat(ema(1, 4, 5, -1)).containsExactly(4, 5, -1);
    }

    @Test
    void aMissingBarOutputsNaNAndLeavesTheStateAlone() {
        assertThat(ema(3, 1, 2, NaN, 3, 4, Double.NEGATIVE_INFINITY, 9))
                .containsExactly(NaN, NaN, NaN, 2, 3, NaN, 6);
    }

    @Test
    void outputsAtFiniteBarsEqualTheSeriesWithTheMissingBarsRemoved() {
        double[] x = TestSeries.randomWithGaps(3, 2_000);
        double[] finite = Arrays.stream(x).filter(Double::isFinite).toArray();
        double[] withGaps = ema(20, x);
        double[] compact = ema(20, finite);
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
