package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogReturnTest {
    private static final double NaN = Double.NaN;

    @Test
    void naturalLogOfTheRatio() {
        assertThat(Run.ENGINE.kernel("logret").outputs()).containsExactly("logret(1)");
        assertThat(Run.one("logret(1)", 100, 110, 110)).containsExactly(NaN, Math.log(1.1), 0);
        assertThat(Run.one("logret(2)", 1, 5, Math.E)).containsExactly(NaN, NaN, 1);
    }

    @Test
    void nonPositiveOrMissingEndpointsGiveNaN() {
        assertThat(Run.one("logret(1)", 1, 0, 2, -2, 2, NaN, 2, Double.POSITIVE_INFINITY, 3))
                .containsOnly(NaN);
    }

    @Test
    void sumsOverBarsToTheReturnOverTheSpan() {
        double[] x = dev.quiver.features.TestSeries.randomWalk(3, 50);
        double[] one = Run.one("logret(1)", x);
        double[] ten = Run.one("logret(10)", x);
        for (int i = 10; i < x.length; i++) {
            double sum = 0;
            for (int j = i - 9; j <= i; j++) {
                sum += one[j];
            }
            assertThat(ten[i]).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-13));
        }
    }
}
