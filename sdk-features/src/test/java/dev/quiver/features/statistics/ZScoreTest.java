package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.TestSeries;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ZScoreTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptorDefaultsToThePopulationSd() {
        FeatureKernel k = Run.ENGINE.kernel("zscore");
        assertThat(k.outputs()).containsExactly("zscore(20,0)");
        assertThat(k.warmUp()).isEqualTo(19);
        assertThat(Run.ENGINE.kernel("zscore(5,ddof=1)").outputs()).containsExactly("zscore(5,1)");
    }

    @Test
    void populationAndSampleSd() {
        assertThat(Run.one("zscore(3)", 1, 2, 3)[2]).isCloseTo(1 / Math.sqrt(2.0 / 3), within(1e-15));
        assertThat(Run.one("zscore(3,1)", 1, 2, 3)[2]).isEqualTo(1.0);
        assertThat(Run.one("zscore(2)", 5, 7, 6)).containsExactly(NaN, 1, -1);
    }

    @Test
    void aConstantWindowHasNoSpreadAndIsNaN() {
        double[] z = Run.one("zscore(3)", 0.1, 0.1, 0.1, 0.2);
        assertThat(z[2]).isNaN();
        assertThat(z[3]).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void missingValuesBlankTheirWindows() {
        assertThat(Run.one("zscore(2)", 1, 2, NaN, 4, 6, Double.NEGATIVE_INFINITY, 1, 3))
                .containsExactly(NaN, 1, NaN, NaN, 1, NaN, NaN, 1);
    }

    @Test
    void equalsExactArithmeticFarFromZero() {
        // prices near 1e6 that move by cents: raw sums of squares lose about 12 of their 16 digits here
        double[] x = TestSeries.randomWalk(5, 400);
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e6 + x[i] / 100;
        }
        for (int n : new int[] {2, 5, 20, 60}) {
            for (int ddof = 0; ddof <= 1; ddof++) {
                double[] z = Run.one("zscore(" + n + "," + ddof + ")", x);
                for (int i = n - 1; i < x.length; i++) {
                    BigDecimal mean = Run.mean(x, i - n + 1, i + 1);
                    BigDecimal var = Run.comoment(x, x, i - n + 1, i + 1).divide(BigDecimal.valueOf(n - ddof),
                            Run.MC);
                    double sd = var.sqrt(Run.MC).doubleValue();
                    double exact = new BigDecimal(x[i]).subtract(mean).divide(var.sqrt(Run.MC), Run.MC)
                            .doubleValue();
                    // the rounding of the mean (an ulp of the level) relative to the spread bounds what any method
                    // can reach; raw sums of squares would be off by 1e4 times more
                    double bound = 1e-12 + 8 * Math.ulp(1e6) / sd * (1 + Math.abs(exact));
                    assertThat(z[i]).as("n %d, ddof %d, row %d", n, ddof, i).isCloseTo(exact, within(bound));
                }
            }
        }
    }
}
