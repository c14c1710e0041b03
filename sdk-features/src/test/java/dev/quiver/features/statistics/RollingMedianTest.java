package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.features.TestSeries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RollingMedianTest {
    private static final double NaN = Double.NaN;

    @Test
    void descriptorUsesTtrDefault() {
        assertThat(Run.ENGINE.kernel("median").outputs()).containsExactly("median(10)");
        assertThat(Run.ENGINE.kernel("median").warmUp()).isEqualTo(9);
    }

    @Test
    void middleValueOrMeanOfTheTwoMiddleOnes() {
        assertThat(Run.one("median(3)", 3, 1, 2, 10, 10, -1)).containsExactly(NaN, NaN, 2, 2, 10, 10);
        assertThat(Run.one("median(2)", 3, 1, 2, NaN, 4, 6)).containsExactly(NaN, 2, 1.5, NaN, NaN, 5);
        assertThat(Run.one("median(1)", 3, -1)).containsExactly(3, -1);
    }

    @Test
    void equalsSortingEachWindowOnSeriesWithGapsAndTies() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = TestSeries.randomWithGaps(seed, 3_000);
            for (int i = 0; i < x.length; i += 5) {
                x[i] = Math.rint(x[i]); // more ties
            }
            for (int n : new int[] {1, 2, 3, 4, 10, 51, 250}) {
                double[] median = Run.one("median(" + n + ")", x);
                for (int i = 0; i < x.length; i++) {
                    double expected = NaN;
                    if (i >= n - 1) {
                        double[] w = Arrays.copyOfRange(x, i - n + 1, i + 1);
                        if (Arrays.stream(w).allMatch(Double::isFinite)) {
                            Arrays.sort(w);
                            expected = n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) * 0.5;
                        }
                    }
                    assertThat(Double.valueOf(median[i])).as("median(%d) row %d", n, i).isEqualTo(Double.valueOf(expected));
                }
            }
        }
    }
}
