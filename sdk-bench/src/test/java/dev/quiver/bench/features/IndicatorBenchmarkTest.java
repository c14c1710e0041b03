package dev.quiver.bench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.features.vector.VectorKernelProvider;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each benchmark method once on a tiny panel: every side computes the same values (scalar and TA-Lib bit for
 * bit; vector bit for bit for ema and rsi, within its stated tolerance for sma; ta4j's sma equal after the warm-up),
 * and the setup is sound.
 */
class IndicatorBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"sma", "ema", "rsi"})
    void everySideComputesTheSameValues(String indicator) {
        IndicatorBenchmark b = new IndicatorBenchmark();
        b.indicator = indicator;
        b.rows = 300;
        b.symbols = 11;
        b.setUp();
        try {
            PanelValues counter = new PanelValues();
            b.taLib(counter);
            b.scalar(counter);
            double[][] scalar = snapshot(b);
            for (int s = 0; s < b.symbols; s++) {
                for (int r = 0; r < b.rows; r++) {
                    if (r < b.warmUp()) {
                        assertThat(scalar[s][r]).isNaN();
                    } else {
                        assertThat(scalar[s][r]).as("symbol %d row %d", s, r).isEqualTo(b.taLibValue(s, r));
                    }
                }
            }
            MemorySegment out = b.vector(counter);
            assertThat(out.byteSize()).isEqualTo(300L * 11 * Double.BYTES);
            for (int s = 0; s < b.symbols; s++) {
                for (int r = 0; r < b.rows; r++) {
                    double v = b.value(s, r);
                    if (r < b.warmUp()) {
                        assertThat(v).isNaN();
                    } else if (indicator.equals("sma")) {
                        assertThat(v).isCloseTo(scalar[s][r],
                                within(VectorKernelProvider.SMA_RELATIVE_TOLERANCE * Math.abs(scalar[s][r])));
                    } else {
                        assertThat(v).as("symbol %d row %d", s, r).isEqualTo(scalar[s][r]);
                    }
                }
            }
            b.copy(counter);
            assertThat(b.value(3, 7)).isEqualTo(b.taLibInput(3, 7));
            assertThat(counter.values).isEqualTo(4L * 300 * 11);
        } finally {
            b.tearDown();
        }
    }

    private static double[][] snapshot(IndicatorBenchmark b) {
        double[][] values = new double[b.symbols][b.rows];
        for (int s = 0; s < b.symbols; s++) {
            for (int r = 0; r < b.rows; r++) {
                values[s][r] = b.value(s, r);
            }
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sma", "ema", "rsi"})
    void ta4jRuns(String indicator) {
        Ta4jIndicatorBenchmark b = new Ta4jIndicatorBenchmark();
        b.indicator = indicator;
        b.rows = 200;
        b.symbols = 3;
        b.setUp();
        PanelValues counter = new PanelValues();
        assertThat(b.ta4j(counter)).isFinite();
        assertThat(counter.values).isEqualTo(600);
        if (indicator.equals("sma")) {
            IndicatorBenchmark q = new IndicatorBenchmark();
            q.indicator = "sma";
            q.rows = 200;
            q.symbols = 3;
            q.setUp();
            try {
                q.scalar(new PanelValues());
                double[] ta4j = b.valuesOf(2);
                for (int r = q.warmUp(); r < 200; r++) {
                    assertThat(ta4j[r]).as("row %d", r).isCloseTo(q.value(2, r), within(1e-9 * q.value(2, r)));
                }
            } finally {
                q.tearDown();
            }
        }
    }

    @Test
    void theBenchmarkListIsGenerated() {
        assertThat(IndicatorBenchmarkTest.class.getResource("/META-INF/BenchmarkList")).isNotNull();
    }
}
