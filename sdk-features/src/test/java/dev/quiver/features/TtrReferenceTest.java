package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the kernels with R's TTR 0.24.3 on AAPL's daily closes (see {@code oracle/README.md}): within 1e-9
 * relative, and {@code NaN} exactly where TTR's fields are empty.
 */
class TtrReferenceTest {
    private static final double RELATIVE_TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (FeatureKernelProvider p : Providers.available()) {
            for (String[] c : new String[][] {{"sma(20)", "sma20"}, {"ema(20)", "ema20"}, {"rsi(14)", "rsi14"}}) {
                if (p.supports(c[0].substring(0, c[0].indexOf('(')))) {
                    cases.add(Arguments.of(p.name(), c[0], c[1]));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void everyBuiltInOperatorIsCovered() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}: {1} vs TTR {2}")
    @MethodSource("cases")
    void matchesTtr(String provider, String spec, String column) {
        FeatureKernelProvider p = Providers.available().stream().filter(x -> x.name().equals(provider))
                .findFirst().orElseThrow();
        FeatureKernel kernel = Providers.engine(p).kernel(spec);
        double[] expected = TestSeries.oracle(column);
        double[] actual = TestSeries.batch(kernel, TestSeries.aaplClose());
        assertThat(actual).hasSameSizeAs(expected);
        int compared = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("row %d: TTR's field is empty", i).isNaN();
            } else {
                double scale = Math.max(Math.abs(expected[i]), Double.MIN_NORMAL);
                assertThat(Math.abs(actual[i] - expected[i]) / scale)
                        .as("row %d: ours %s, TTR %s", i, actual[i], expected[i])
                        .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(expected.length - kernel.warmUp());
    }
}
