package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.panel.PriceTable;
import dev.quiver.io.panel.PriceTableOptions;
import dev.quiver.io.panel.TableShape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application's Spark engine ({@code local[2]}): features over a panel read by sdk-io come back in the panel's
 * row order, equal bit for bit to the single-JVM plan.
 */
class SparkEngineTest {
    private static SparkEngine engine;

    @BeforeAll
    static void start() {
        engine = SparkEngine.start("local[2]", "quiver-spark-engine-test");
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void featuresComeBackInThePanelsRowOrderBitForBit() {
        Path file = Path.of(System.getProperty("quiver.data.dir", "../data"), "market", "dowjones30_closes_wide.csv");
        List<String> specs = FeatureEngine.splitSpecs("sma(10), xs_rank(roc(5)), z=xs_zscore(sma(10))");
        FeaturePlan plan = FeatureEngine.create().plan(specs);
        try (PriceTable prices = PriceTable.read(file, ReadOptions.defaults(),
                PriceTableOptions.builder().shape(TableShape.WIDE).wideField("close").build())) {
            Panel panel = prices.panel();
            double[][] got = engine.features(panel, specs, 8);
            try (Table want = plan.compute(panel)) {
                assertThat(got.length).isEqualTo(plan.columns().size());
                for (int j = 0; j < got.length; j++) {
                    Float64Column column = want.float64(plan.columns().get(j));
                    for (int r = 0; r < panel.rowCount(); r++) {
                        assertThat(Double.doubleToRawLongBits(got[j][r])).as("%s row %d", column.name(), r)
                                .isEqualTo(Double.doubleToRawLongBits(column.get(r)));
                    }
                }
            }
        }
    }
}
