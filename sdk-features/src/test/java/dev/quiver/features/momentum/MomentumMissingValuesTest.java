package dev.quiver.features.momentum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.Bars;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two documented rules for missing values (see the package documentation): recursive operators skip a bar with
 * a missing input, window operators restart after it. Both are stated as equalities with runs on other series, on
 * bars with missing values of every kind (NaN, ±∞, single fields, whole bars, a long run).
 */
class MomentumMissingValuesTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    /** The operators that skip a missing bar; every other momentum operator restarts. */
    private static final Set<String> SKIPPING = Set.of("rsi", "macd", "cmo", "trix", "stochrsi", "adx", "plus_di",
            "minus_di", "dx", "apo(12,26,ema)", "ppo(12,26,ema)");

    static Stream<String> specs() {
        List<String> specs = new ArrayList<>();
        for (var op : Momentum.OPERATORS) {
            specs.add(op.descriptor().name());
        }
        specs.add("apo(12,26,ema)");
        specs.add("ppo(12,26,ema)");
        return specs.stream();
    }

    @Test
    void everyOperatorFollowsOneOfTheRules() {
        assertThat(specs().filter(SKIPPING::contains).count()).isEqualTo(SKIPPING.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void missingBarsFollowTheDocumentedRule(String spec) {
        FeatureKernel kernel = ENGINE.kernel(spec);
        for (long seed = 1; seed <= 3; seed++) {
            double[][] bars = Bars.randomWithGaps(seed, 2_000);
            double[][] in = Bars.inputs(kernel, bars);
            boolean[] missing = new boolean[bars[0].length];
            for (int i = 0; i < missing.length; i++) {
                for (double[] column : in) {
                    missing[i] |= !Double.isFinite(column[i]);
                }
            }
            double[][] out = Bars.batch(kernel, bars);
            for (double[] column : out) {
                for (int i = 0; i < missing.length; i++) {
                    if (missing[i]) {
                        assertThat(column[i]).as("missing row %d", i).isNaN();
                    }
                }
            }
            if (SKIPPING.contains(spec)) {
                assertSkipped(kernel, bars, missing, out);
            } else {
                assertRestarted(kernel, bars, missing, out);
            }
        }
    }

    /** Outputs at the complete bars are those of the series with the other bars removed. */
    private static void assertSkipped(FeatureKernel kernel, double[][] bars, boolean[] missing, double[][] out) {
        int complete = 0;
        for (boolean m : missing) {
            complete += m ? 0 : 1;
        }
        double[][] compact = new double[bars.length][complete];
        for (int i = 0, j = 0; i < missing.length; i++) {
            if (!missing[i]) {
                for (int f = 0; f < bars.length; f++) {
                    compact[f][j] = bars[f][i];
                }
                j++;
            }
        }
        double[][] expected = Bars.batch(kernel, compact);
        for (int o = 0; o < out.length; o++) {
            double[] atComplete = new double[complete];
            for (int i = 0, j = 0; i < missing.length; i++) {
                if (!missing[i]) {
                    atComplete[j++] = out[o][i];
                }
            }
            assertThat(TestSeries.bits(atComplete)).isEqualTo(TestSeries.bits(expected[o]));
        }
    }

    /** Each run of complete bars is computed as if it were a series of its own. */
    private static void assertRestarted(FeatureKernel kernel, double[][] bars, boolean[] missing, double[][] out) {
        int runs = 0;
        for (int a = 0; a < missing.length; ) {
            if (missing[a]) {
                a++;
                continue;
            }
            int b = a;
            while (b < missing.length && !missing[b]) {
                b++;
            }
            double[][] expected = Bars.batch(kernel, Bars.slice(bars, a, b));
            for (int o = 0; o < out.length; o++) {
                double[] mine = java.util.Arrays.copyOfRange(out[o], a, b);
                assertThat(TestSeries.bits(mine)).as("run [%d, %d)", a, b).isEqualTo(TestSeries.bits(expected[o]));
            }
            runs++;
            a = b;
        }
        assertThat(runs).isGreaterThan(10);
    }
}
