package dev.quiver.features.overlays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import dev.quiver.features.TestSeries.Bars;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OverlaysTest {
    private static final double NaN = Double.NaN;
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    @Test
    void outputsAreNamedByPart() {
        assertThat(ENGINE.kernel("bbands(20,2)").outputs())
                .containsExactly("bbands(20,2).upper", "bbands(20,2).middle", "bbands(20,2).lower");
        assertThat(ENGINE.kernel("bbands()").outputs()).first().isEqualTo("bbands(5,2).upper");
        assertThat(ENGINE.kernel("keltner()").outputs()).first().isEqualTo("keltner(20,2).upper");
        assertThat(ENGINE.kernel("donchian(10)").outputs()).last().isEqualTo("donchian(10).lower");
        assertThat(ENGINE.kernel("sar()").outputs()).containsExactly("sar(0.02,0.2)");
        assertThat(ENGINE.kernel("donchian(h2,l2,10)").inputs()).containsExactly("h2", "l2");
    }

    @Test
    void bollingerBandsOfAKnownWindow() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population sd 2
        double[][] out = TestSeries.batch(ENGINE.kernel("bbands(8,1.5)"), new double[][] {{2, 4, 4, 4, 5, 5, 7, 9}});
        assertThat(out[0][7]).isEqualTo(8.0);
        assertThat(out[1][7]).isEqualTo(5.0);
        assertThat(out[2][7]).isEqualTo(2.0);
        assertThat(out[1][6]).isNaN();
    }

    @Test
    void donchianBlanksEveryWindowHoldingAnIncompleteBar() {
        double[] high = {5, 6, 4, NaN, 7, 8, 9};
        double[] low = {1, 2, 1, 3, 4, 5, Double.NEGATIVE_INFINITY};
        double[][] out = TestSeries.batch(ENGINE.kernel("donchian(2)"), new double[][] {high, low});
        assertThat(out[0]).containsExactly(NaN, 6, 6, NaN, NaN, 8, NaN);
        assertThat(out[2]).containsExactly(NaN, 1, 1, NaN, NaN, 4, NaN);
        assertThat(out[1]).containsExactly(NaN, 3.5, 3.5, NaN, NaN, 6, NaN);
    }

    @Test
    void donchianEqualsAScanOfEveryWindowWithTiesSignedZerosAndGaps() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[] high = new double[3000];
        double[] low = new double[3000];
        for (int i = 0; i < high.length; i++) {
            // few distinct values, so that extremes tie and leave the window often; signed zeros; a few gaps
            high[i] = random.nextInt(10) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(6) - 2;
            low[i] = random.nextInt(10) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(6) - 3;
            if (random.nextInt(200) == 0) {
                high[i] = NaN;
            }
        }
        for (int n : new int[] {1, 2, 3, 7, 20}) {
            double[][] out = TestSeries.batch(ENGINE.kernel("donchian(" + n + ")"), new double[][] {high, low});
            for (int i = 0; i < high.length; i++) {
                double upper = NaN;
                double lower = NaN;
                if (i >= n - 1) {
                    upper = high[i - n + 1];
                    lower = low[i - n + 1];
                    for (int j = i - n + 2; j <= i; j++) {
                        upper = Math.max(upper, high[j]);
                        lower = Math.min(lower, low[j]);
                    }
                    if (Double.isNaN(upper)) { // a window holding an incomplete bar has no channel
                        lower = NaN;
                    }
                }
                // doubleToRawLongBits: +0.0 and -0.0 must come out as Math.max and Math.min give them
                assertThat(Double.doubleToRawLongBits(out[0][i])).as("n %d row %d upper", n, i)
                        .isEqualTo(Double.doubleToRawLongBits(Double.isNaN(upper) ? NaN : upper));
                assertThat(Double.doubleToRawLongBits(out[2][i])).as("n %d row %d lower", n, i)
                        .isEqualTo(Double.doubleToRawLongBits(Double.isNaN(lower) ? NaN : lower));
            }
        }
    }

    @Test
    void keltnerAndSarSkipIncompleteBars() {
        Bars bars = TestSeries.randomBars(4, 600);
        Bars gappy = TestSeries.randomBars(4, 600);
        int[] gaps = {3, 50, 51, 300};
        for (int g : gaps) {
            gappy.high()[g] = NaN;
        }
        for (String spec : new String[] {"keltner(10,2)", "sar()"}) {
            FeatureKernel k = ENGINE.kernel(spec);
            double[][] withGaps = TestSeries.batch(k, gappy);
            boolean[] gap = new boolean[600];
            for (int g : gaps) {
                gap[g] = true;
            }
            int kept = 600 - gaps.length;
            Bars compact = new Bars(new double[kept], new double[kept], new double[kept], new double[kept],
                    new double[kept]);
            for (int i = 0, j = 0; i < 600; i++) {
                if (!gap[i]) {
                    compact.open()[j] = bars.open()[i];
                    compact.high()[j] = bars.high()[i];
                    compact.low()[j] = bars.low()[i];
                    compact.close()[j] = bars.close()[i];
                    compact.volume()[j] = bars.volume()[i];
                    j++;
                }
            }
            double[][] expected = TestSeries.batch(k, compact);
            for (int o = 0; o < withGaps.length; o++) {
                double[] atKept = new double[kept];
                for (int i = 0, j = 0; i < 600; i++) {
                    if (gap[i]) {
                        assertThat(withGaps[o][i]).as("%s row %d", spec, i).isNaN();
                    } else {
                        atKept[j++] = withGaps[o][i];
                    }
                }
                assertThat(atKept).as(spec).containsExactly(expected[o]);
            }
        }
    }

    @Test
    void sarStartsOnTheSecondBarAndAccelerationIsCapped() {
        FeatureKernel k = ENGINE.kernel("sar()");
        IncrementalKernel s = k.incremental();
        double[] out = new double[1];
        s.update(new double[] {10, 9}, out);
        assertThat(out[0]).isNaN();
        s.update(new double[] {11, 10}, out); // -DM is not positive: long, SAR = the first bar's low
        assertThat(out[0]).isEqualTo(9.0);
        assertThatThrownBy(() -> s.update(1.0)).isInstanceOf(IllegalStateException.class);
        // an acceleration above the maximum is lowered to it, as TA-Lib does
        Bars bars = TestSeries.randomBars(8, 300);
        assertThat(TestSeries.batch(ENGINE.kernel("sar(0.5,0.2)"), bars)[0])
                .containsExactly(TestSeries.batch(ENGINE.kernel("sar(0.2,0.2)"), bars)[0]);
        assertThat(Arrays.stream(TestSeries.batch(k, bars)[0]).skip(1).allMatch(Double::isFinite)).isTrue();
    }
}
