package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.TestSeries;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CorrelationTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptor() {
        FeatureKernel k = Run.ENGINE.kernel("corr");
        assertThat(k.outputs()).containsExactly("corr(30)");
        assertThat(k.inputs()).containsExactly("close", "benchmark");
        assertThat(k.warmUp()).isEqualTo(29);
        assertThat(Run.ENGINE.kernel("corr(close,spy,60)").outputs()).containsExactly("corr(close,spy,60)");
    }

    @Test
    void perfectAndNoCorrelation() {
        double[] x = {1, 2, 3, 4};
        assertThat(Run.columns("corr(a,b,3)", x, new double[] {10, 20, 30, 40})).containsExactly(NaN, NaN, 1, 1);
        assertThat(Run.columns("corr(a,b,3)", x, new double[] {5, 3, 1, -1})).containsExactly(NaN, NaN, -1, -1);
        assertThat(Run.columns("corr(a,b,4)", x, new double[] {1, -1, -1, 1})[3]).isEqualTo(0.0);
        // two points always lie on a line
        assertThat(Run.columns("corr(a,b,2)", x, new double[] {3, 1, 8, 9})).containsExactly(NaN, -1, 1, 1);
    }

    @Test
    void aConstantColumnIsNaNAndMissingValuesBlankTheirWindows() {
        assertThat(Run.columns("corr(a,b,2)", new double[] {1, 2, 3, 4}, new double[] {5, 5, 6, 7}))
                .containsExactly(NaN, NaN, 1, 1);
        assertThat(Run.columns("corr(a,b,2)", new double[] {1, 2, NaN, 4, 5, 6}, new double[] {1, 2, 3, 4, 5, NaN}))
                .containsExactly(NaN, 1, NaN, NaN, 1, NaN);
    }

    @Test
    void equalsExactArithmeticOnPriceLevels() {
        double[] x = TestSeries.randomWalk(8, 400);
        double[] y = TestSeries.randomWalk(9, 400);
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e5 + x[i]; // a high level: raw sums of squares would cancel 6 digits
            y[i] = y[i] + 0.3 * x[i];
        }
        for (int n : new int[] {2, 3, 10, 40}) {
            double[] r = Run.columns("corr(a,b," + n + ")", x, y);
            for (int i = n - 1; i < x.length; i++) {
                BigDecimal sxy = Run.comoment(x, y, i - n + 1, i + 1);
                BigDecimal sxx = Run.comoment(x, x, i - n + 1, i + 1);
                BigDecimal syy = Run.comoment(y, y, i - n + 1, i + 1);
                double exact = sxy.divide(sxx.multiply(syy, Run.MC).sqrt(Run.MC), Run.MC).doubleValue();
                assertThat(r[i]).as("n %d, row %d", n, i).isCloseTo(exact, within(n == 2 ? 1e-12 : 1e-9));
            }
        }
    }
}
