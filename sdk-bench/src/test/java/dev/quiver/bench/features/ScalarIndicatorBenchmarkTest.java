package dev.quiver.bench.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs each benchmark method once on a small panel: both sides compute the same values, and setup is sound. */
class ScalarIndicatorBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"sma", "ema", "rsi"})
    void quiverAndTaLibAgree(String indicator) {
        ScalarIndicatorBenchmark b = new ScalarIndicatorBenchmark();
        b.indicator = indicator;
        b.rows = 300;
        b.symbols = 7;
        b.setUp();
        try {
            b.quiverScalar();
            b.taLib();
            for (int s = 0; s < b.symbols; s++) {
                for (int r = 0; r < b.rows; r++) {
                    if (r < b.warmUp()) {
                        assertThat(b.quiverValue(s, r)).isNaN();
                    } else {
                        assertThat(b.quiverValue(s, r)).as("symbol %d row %d", s, r).isEqualTo(b.taLibValue(s, r));
                    }
                }
            }
            assertThat(b.copyBaseline().byteSize()).isEqualTo(300L * 7 * Double.BYTES);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void theBenchmarkListIsGenerated() {
        assertThat(ScalarIndicatorBenchmarkTest.class.getResource("/META-INF/BenchmarkList")).isNotNull();
    }
}
