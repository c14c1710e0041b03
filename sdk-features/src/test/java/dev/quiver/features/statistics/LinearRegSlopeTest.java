package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.features.TestSeries;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LinearRegSlopeTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptorUsesTaLibDefault() {
        assertThat(Run.ENGINE.kernel("linearreg_slope").outputs()).containsExactly("linearreg_slope(14)");
        assertThat(Run.ENGINE.kernel("linearreg_slope").warmUp()).isEqualTo(13);
    }

    @Test
    void slopePerBarForwardInTime() {
        assertThat(Run.one("linearreg_slope(3)", 3, 5, 7, 9, 6, 3)).containsExactly(NaN, NaN, 2, 2, -0.5, -3);
        // a flat window gives TA-Lib's -0.0 (a zero numerator over its negative divisor)
        assertThat(Run.one("linearreg_slope(2)", 1, 1, NaN, 4, 2)).containsExactly(NaN, -0.0, NaN, NaN, -2);
    }

    @Test
    void equalsExactLeastSquares() {
        double[] y = TestSeries.randomWalk(31, 500);
        for (int n : new int[] {2, 5, 14, 100}) {
            double[] slope = Run.one("linearreg_slope(" + n + ")", y);
            double[] t = new double[y.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = i;
            }
            for (int i = n - 1; i < y.length; i++) {
                BigDecimal exact = Run.comoment(t, y, i - n + 1, i + 1)
                        .divide(Run.comoment(t, t, i - n + 1, i + 1), Run.MC);
                assertThat(slope[i]).as("n %d, row %d", n, i).isCloseTo(exact.doubleValue(), within(1e-10));
            }
        }
    }
}
