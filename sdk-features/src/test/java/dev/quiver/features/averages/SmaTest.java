package dev.quiver.features.averages;

import static dev.quiver.features.TestSeries.batch;
import static dev.quiver.features.TestSeries.incremental;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import org.junit.jupiter.api.Test;

class SmaTest {
    private static final double NaN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    private static double[] sma(int n, double... x) {
        FeatureKernel k = ENGINE.kernel("sma(" + n + ")");
        double[] out = batch(k, x);
        assertThat(incremental(k, x)).containsExactly(out);
        return out;
    }

    @Test
    void descriptorUsesTaLibDefaults() {
        FeatureKernel k = ENGINE.kernel("sma");
        assertThat(k.outputs()).containsExactly("sma(30)");
        assertThat(k.inputs()).containsExactly("close");
        assertThat(k.warmUp()).isEqualTo(29);
        assertThat(Sma.DESCRIPTOR.family()).isEqualTo("averages");
    }

    @Test
    void meanOfTheLastNValues() {
        assertThat(sma(3, 1, 2, 3, 4, 5, 9)).containsExactly(NaN, NaN, 2, 3, 4, 6);
    }

    @Test
    void windowOfOneIsTheInput() {
        assertThat(sma(1, 1.5, -2, 7)).containsExactly(1.5, -2, 7);
    }

    @Test
    void aMissingValueBlanksTheWindowsThatHoldItThenLeaves() {
        assertThat(sma(3, 1, 2, 3, NaN, 5, 6, 7, 8)).containsExactly(NaN, NaN, 2, NaN, NaN, NaN, 6, 7);
    }

    @Test
    void infinitiesCountAsMissingAndDoNotPoisonTheSum() {
        assertThat(sma(2, 1, 3, INF, 5, 7, -INF, 1, 1)).containsExactly(NaN, 2, NaN, NaN, 6, NaN, NaN, 1);
    }

    @Test
    void leadingMissingValuesDelayTheFirstOutput() {
        assertThat(sma(2, NaN, NaN, 4, 6, 8)).containsExactly(NaN, NaN, NaN, 5, 7);
    }
}
