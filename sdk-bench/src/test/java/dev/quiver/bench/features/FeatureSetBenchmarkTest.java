package dev.quiver.bench.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.Table;
import org.junit.jupiter.api.Test;

/** Runs the feature set once on a tiny panel: it compiles, every column is there, and the later rows are finite. */
class FeatureSetBenchmarkTest {

    @Test
    void computesEveryFeatureOnATinyPanel() {
        FeatureSetBenchmark b = new FeatureSetBenchmark();
        b.days = 120;
        b.symbols = 19;
        b.threads = 2;
        b.setUp();
        try {
            assertThat(FeatureSetBenchmark.FEATURES).hasSizeGreaterThanOrEqualTo(30);
            PanelRows counter = new PanelRows();
            assertThat(b.featureSet(counter)).isFinite();
            assertThat(counter.rows).isEqualTo(120L * 19);
            try (Table out = b.compiled().compute(b.panel())) {
                assertThat(out.schema().names()).hasSize(37).contains("macd(12,26,9).hist", "bbands(20,2).upper",
                        "stoch(14,3,3).d", "xs_zscore(natr(14))");
                for (String name : out.schema().names()) {
                    // every feature's warm-up is over by day 60 (macd's signal needs 33 days, sma(50) 49)
                    for (int s = 0; s < 19; s++) {
                        int row = s * 120 + 119;
                        assertThat(out.float64(name).get(row)).as("%s, symbol %d", name, s).isFinite();
                    }
                }
            }
        } finally {
            b.tearDown();
        }
    }
}
