package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.TestSeries;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BetaTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptorUsesTaLibDefaultsOnPrices() {
        FeatureKernel k = Run.ENGINE.kernel("beta");
        assertThat(k.outputs()).containsExactly("beta(5,prices)");
        assertThat(k.inputs()).containsExactly("close", "benchmark");
        assertThat(k.warmUp()).isEqualTo(5);
        assertThat(Run.ENGINE.kernel("beta(r,m,20,returns)").warmUp()).isEqualTo(19);
    }

    @Test
    void onReturnsTheSlopeOfXOnY() {
        double[] market = {0.01, -0.02, 0.005, 0.03};
        double[] asset = new double[4];
        for (int i = 0; i < 4; i++) {
            asset[i] = 0.001 + 1.5 * market[i];
        }
        double[] beta = Run.columns("beta(a,m,3,returns)", asset, market);
        assertThat(beta[0]).isNaN();
        assertThat(beta[1]).isNaN();
        assertThat(beta[2]).isCloseTo(1.5, within(1e-12));
        assertThat(beta[3]).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void onPricesTheReturnsAreTakenFirst() {
        double[] market = {100, 101, 99, 102, 103};
        double[] asset = new double[5];
        asset[0] = 50;
        for (int i = 1; i < 5; i++) {
            double r = (market[i] - market[i - 1]) / market[i - 1];
            asset[i] = asset[i - 1] * (1 + 2 * r);
        }
        double[] beta = Run.columns("beta(a,m,3)", asset, market);
        assertThat(beta).startsWith(NaN, NaN, NaN);
        assertThat(beta[3]).isCloseTo(2, within(1e-9));
        assertThat(beta[4]).isCloseTo(2, within(1e-9));
    }

    @Test
    void aConstantBenchmarkAZeroPriceAndMissingValuesGiveNaN() {
        assertThat(Run.columns("beta(a,m,2,returns)", new double[] {1, 2, 3}, new double[] {4, 4, 5}))
                .containsExactly(NaN, NaN, 1);
        // the zero price makes the next return undefined: the windows of two returns holding it are NaN
        double[] beta = Run.columns("beta(a,m,2)", new double[] {1, 2, 3, 4, 5, 6}, new double[] {2, 0, 3, 4, 6, 8});
        assertThat(beta).startsWith(NaN, NaN, NaN, NaN);
        assertThat(beta[4]).isCloseTo((0.25 - 1.0 / 3) / (0.5 - 1.0 / 3), within(1e-12));
        assertThat(beta[5]).isCloseTo((0.2 - 0.25) / (1.0 / 3 - 0.5), within(1e-12));
        assertThat(Run.columns("beta(a,m,2,returns)", new double[] {1, NaN, 3, 4}, new double[] {1, 2, 3, 5}))
                .containsExactly(NaN, NaN, NaN, 0.5);
    }

    @Test
    void equalsExactArithmetic() {
        double[] m = TestSeries.randomWalk(21, 600);
        double[] a = TestSeries.randomWalk(22, 600);
        for (int n : new int[] {2, 5, 60}) {
            double[] beta = Run.columns("beta(a,m," + n + ",returns)", a, m);
            for (int i = n - 1; i < a.length; i++) {
                double exact = Run.comoment(a, m, i - n + 1, i + 1)
                        .divide(Run.comoment(m, m, i - n + 1, i + 1), Run.MC).doubleValue();
                assertThat(beta[i]).as("n %d, row %d", n, i)
                        .isCloseTo(exact, within(1e-9 * Math.max(1, Math.abs(exact))));
            }
        }
    }
}
