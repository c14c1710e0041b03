package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.panel.PriceTable;
import dev.quiver.io.panel.PriceTableOptions;
import dev.quiver.io.panel.TableShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Features on Spark ({@code local[2]}) against the single-JVM plan on the bundled DJIA-30 daily closes: every value
 * equal bit for bit, with more partitions than symbols and with one partition.
 */
class QuiverSparkFeaturesTest {
    private static final String SPEC = "sma(20), ema(10), rsi(14), roc(5), rsi_slow=sma(rsi(14),5), stddev(close,30)";

    private static SparkSession spark;
    private static Dataset<Row> prices;
    /** symbol|date → the single-JVM feature values, in plan column order. */
    private static Map<String, double[]> expected;
    private static List<String> columns;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("quiver-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        Path file = Path.of(System.getProperty("quiver.data.dir", "../data"), "market",
                "dowjones30_closes_wide.csv");
        FeatureEngine engine = FeatureEngine.create();
        FeaturePlan plan = engine.plan(FeatureEngine.splitSpecs(SPEC));
        columns = plan.columns();
        expected = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try (PriceTable table = PriceTable.read(file, ReadOptions.defaults(),
                PriceTableOptions.builder().shape(TableShape.WIDE).wideField("close").build())) {
            Panel panel = table.panel();
            Table t = panel.table();
            StringColumn sym = t.string(panel.symbolColumn());
            Int64Column date = t.int64(panel.timeColumn());
            Float64Column close = t.float64("close");
            try (Table computed = plan.compute(panel)) {
                for (int r = 0; r < t.rowCount(); r++) {
                    double[] values = new double[columns.size()];
                    for (int j = 0; j < values.length; j++) {
                        values[j] = computed.float64(columns.get(j)).get(r);
                    }
                    expected.put(sym.get(r) + "|" + date.get(r), values);
                    rows.add(RowFactory.create(sym.get(r), date.get(r), close.get(r)));
                }
            }
        }
        StructType schema = new StructType().add("symbol", DataTypes.StringType).add("date", DataTypes.LongType)
                .add("close", DataTypes.DoubleType);
        prices = spark.createDataFrame(rows, schema).cache();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void moreTasksThanSymbolsGiveTheSingleJvmValuesBitForBit() {
        assertSameAsSingleJvm(QuiverSpark.features(prices, SPEC, "symbol", "date", 64));
    }

    @Test
    void onePartitionGivesTheSingleJvmValuesBitForBit() {
        assertSameAsSingleJvm(QuiverSpark.features(prices, SPEC, "symbol", "date", 1));
    }

    @Test
    void crossSectionalPlansAreRefusedWithTheOperatorNamed() {
        assertThatThrownBy(() -> QuiverSpark.features(prices, "xs_rank(roc(5))"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cross-sectional");
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> QuiverSpark.features(prices, "sma(high, 5)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'high'");
    }

    private static void assertSameAsSingleJvm(Dataset<Row> out) {
        List<String> names = List.of(out.schema().fieldNames());
        assertThat(names).containsExactlyElementsOf(concat(List.of("symbol", "date", "close"), columns));
        List<Row> rows = out.collectAsList();
        assertThat(rows).hasSize(expected.size());
        int compared = 0;
        for (Row row : rows) {
            double[] want = expected.get(row.getString(0) + "|" + row.getLong(1));
            assertThat(want).as("row %s", row).isNotNull();
            for (int j = 0; j < want.length; j++) {
                long got = Double.doubleToRawLongBits(row.getDouble(3 + j));
                assertThat(got).as("%s of %s at %d", columns.get(j), row.getString(0), row.getLong(1))
                        .isEqualTo(Double.doubleToRawLongBits(want[j]));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30 * 1000 * columns.size());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
