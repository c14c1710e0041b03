package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import org.junit.jupiter.api.Test;

class SimpleReturnTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptor() {
        FeatureKernel k = Run.ENGINE.kernel("ret");
        assertThat(k.outputs()).containsExactly("ret(1)");
        assertThat(k.warmUp()).isEqualTo(1);
        assertThat(Run.ENGINE.kernel("ret(5)").warmUp()).isEqualTo(5);
    }

    @Test
    void fractionOverNBars() {
        assertThat(Run.one("ret(1)", 100, 110, 99, 99)).containsExactly(NaN, 0.1, (99 - 110) / 110.0, 0);
        assertThat(Run.one("ret(2)", 100, 110, 150, 55)).containsExactly(NaN, NaN, 0.5, -0.5);
    }

    @Test
    void missingEndpointsAndAZeroBaseGiveNaNButValuesBetweenAreNotRead() {
        assertThat(Run.one("ret(1)", 100, 0, 5, NaN, 10, Double.POSITIVE_INFINITY, 3))
                .containsExactly(NaN, -1, NaN, NaN, NaN, NaN, NaN);
        assertThat(Run.one("ret(2)", 100, NaN, 150, 200)).containsExactly(NaN, NaN, 0.5, NaN);
    }

    @Test
    void emptyAndShorterThanTheHorizon() {
        assertThat(Run.one("ret(3)")).isEmpty();
        assertThat(Run.one("ret(3)", 1, 2, 3)).containsOnly(NaN);
    }
}
