package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.features.TestSeries;
import org.junit.jupiter.api.Test;

class RollingMinMaxTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptorsUseTaLibDefaults() {
        assertThat(Run.ENGINE.kernel("min").outputs()).containsExactly("min(30)");
        assertThat(Run.ENGINE.kernel("max").warmUp()).isEqualTo(29);
    }

    @Test
    void extremesOfTheWindow() {
        assertThat(Run.one("max(3)", 1, 5, 2, 2, 1, 0, 7)).containsExactly(NaN, NaN, 5, 5, 2, 2, 7);
        assertThat(Run.one("min(3)", 1, 5, 2, 2, 1, 0, 7)).containsExactly(NaN, NaN, 1, 2, 1, 0, 0);
        assertThat(Run.one("max(1)", 3, -1)).containsExactly(3, -1);
    }

    @Test
    void missingValuesBlankTheirWindows() {
        assertThat(Run.one("max(2)", 1, 2, NaN, 4, 3, Double.POSITIVE_INFINITY, 1, 2))
                .containsExactly(NaN, 2, NaN, NaN, 4, NaN, NaN, 2);
    }

    @Test
    void equalBruteForceOnSeriesWithGapsAndTies() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = TestSeries.randomWithGaps(seed, 3_000);
            for (int n : new int[] {1, 2, 3, 7, 20, 100}) {
                double[] max = Run.one("max(" + n + ")", x);
                double[] min = Run.one("min(" + n + ")", x);
                for (int i = 0; i < x.length; i++) {
                    double hi = Double.NEGATIVE_INFINITY;
                    double lo = Double.POSITIVE_INFINITY;
                    boolean complete = i >= n - 1;
                    for (int j = Math.max(0, i - n + 1); j <= i && complete; j++) {
                        complete = Double.isFinite(x[j]);
                        hi = Math.max(hi, x[j]);
                        lo = Math.min(lo, x[j]);
                    }
                    assertThat(Double.valueOf(max[i])).as("max(%d) row %d", n, i).isEqualTo(Double.valueOf(complete ? hi : NaN));
                    assertThat(Double.valueOf(min[i])).as("min(%d) row %d", n, i).isEqualTo(Double.valueOf(complete ? lo : NaN));
                }
            }
        }
    }
}
