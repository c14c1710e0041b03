package dev.quiver.bench.crosssection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the benchmark once on a small panel: the set-up is sound and the plan ranks every date fully. */
class CrossSectionBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"rank+zscore", "rank", "zscore"})
    void computesEveryDate(String features) {
        CrossSectionBenchmark b = new CrossSectionBenchmark();
        b.features = features;
        b.rows = 50;
        b.symbols = 9;
        b.threads = 2;
        b.setUp();
        try {
            assertThat(b.plan()).isFinite();
            try (Table out = b.compiled().compute(b.panel())) {
                if (features.contains("rank")) {
                    double sum = 0;
                    for (double v : out.float64("xs_rank(close)").toArray()) {
                        sum += v;
                    }
                    assertThat(sum).isEqualTo(50 * (9 * 10 / 2.0)); // ranks 1..9 on each of the 50 dates
                }
            }
        } finally {
            b.tearDown();
        }
    }
}
