package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.panel.PriceTable;
import dev.quiver.io.panel.PriceTableOptions;
import dev.quiver.io.panel.TableShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * equal bit for bit, with more partitions than symbols (and dates) and with one partition, for time-series plans
 * and for plans that alternate time-series and cross-sectional phases.
 */
class QuiverSparkFeaturesTest {
    private static final String SPEC = "sma(20), ema(10), rsi(14), roc(5), rsi_slow=sma(rsi(14),5), stddev(close,30)";
    /** Four phases: by symbol, by date, by symbol again, by date again. */
    private static final String XS_SPEC = "sma(20), xs_rank(roc(5)), z=xs_zscore(rsi(14), ddof=1), xs_demean(close), "
            + "smooth=sma(xs_rank(roc(5)), 5), xs_rank(sma(xs_zscore(close), 3)), macd(12,26,9)";

    private static SparkSession spark;
    private static List<Row> rows;
    private static Dataset<Row> prices;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("quiver-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        Path file = Path.of(System.getProperty("quiver.data.dir", "../data"), "market",
                "dowjones30_closes_wide.csv");
        rows = new ArrayList<>();
        try (PriceTable table = PriceTable.read(file, ReadOptions.defaults(),
                PriceTableOptions.builder().shape(TableShape.WIDE).wideField("close").build())) {
            Panel panel = table.panel();
            Table t = panel.table();
            StringColumn sym = t.string(panel.symbolColumn());
            Int64Column date = t.int64(panel.timeColumn());
            Float64Column close = t.float64("close");
            for (int r = 0; r < t.rowCount(); r++) {
                rows.add(RowFactory.create(sym.get(r), date.get(r), close.get(r)));
            }
        }
        prices = frame(rows).cache();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void moreTasksThanSymbolsGiveTheSingleJvmValuesBitForBit() {
        assertSameAsSingleJvm(SPEC, rows, QuiverSpark.features(prices, SPEC, "symbol", "date", 64));
    }

    @Test
    void onePartitionGivesTheSingleJvmValuesBitForBit() {
        assertSameAsSingleJvm(SPEC, rows, QuiverSpark.features(prices, SPEC, "symbol", "date", 1));
    }

    @Test
    void crossSectionalPhasesGiveTheSingleJvmValuesBitForBit() {
        assertSameAsSingleJvm(XS_SPEC, rows, QuiverSpark.features(prices, XS_SPEC, "symbol", "date", 64));
    }

    @Test
    void crossSectionalPhasesOnOnePartitionGiveTheSingleJvmValuesBitForBit() {
        assertSameAsSingleJvm(XS_SPEC, rows, QuiverSpark.features(prices, XS_SPEC, "symbol", "date", 1));
    }

    @Test
    void aPlanThatStartsAndEndsCrossSectionalGivesTheSingleJvmValuesBitForBit() {
        // by date (xs_zscore), by symbol (sma of it, sma(5)), by date again (xs_rank): no time-series step before
        // the first trip, and the last phase's results come back home
        String spec = "xs_rank(sma(xs_zscore(close), 3)), sma(5), xs_zscore(close)";
        assertSameAsSingleJvm(spec, rows, QuiverSpark.features(prices, spec, "symbol", "date", 7));
    }

    @Test
    void morePartitionsThanDatesGiveTheSingleJvmValuesBitForBit() {
        // 40 dates over 64 partitions: most date partitions are empty, each date whole in one
        List<Long> dates = rows.stream().map(r -> r.getLong(1)).distinct().sorted().limit(40).toList();
        List<Row> few = rows.stream().filter(r -> dates.contains(r.getLong(1))).toList();
        assertSameAsSingleJvm(XS_SPEC, few, QuiverSpark.features(frame(few), XS_SPEC, "symbol", "date", 64));
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> QuiverSpark.features(prices, "sma(high, 5)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'high'");
    }

    private static Dataset<Row> frame(List<Row> data) {
        StructType schema = new StructType().add("symbol", DataTypes.StringType).add("date", DataTypes.LongType)
                .add("close", DataTypes.DoubleType);
        return spark.createDataFrame(data, schema);
    }

    /** The single-JVM plan over these rows (in any order), as symbol|date to its values in plan column order. */
    private static Map<String, double[]> singleJvm(FeaturePlan plan, List<Row> data) {
        List<Row> sorted = new ArrayList<>(data);
        sorted.sort(Comparator.<Row, String>comparing(r -> r.getString(0)).thenComparingLong(r -> r.getLong(1)));
        int n = sorted.size();
        String[] sym = new String[n];
        long[] date = new long[n];
        double[] close = new double[n];
        for (int r = 0; r < n; r++) {
            sym[r] = sorted.get(r).getString(0);
            date[r] = sorted.get(r).getLong(1);
            close[r] = sorted.get(r).getDouble(2);
        }
        List<String> columns = plan.columns();
        Map<String, double[]> expected = new HashMap<>();
        try (Table t = TableBuilder.onHeap().string("symbol", sym).int64("date", date).float64("close", close)
                .build(); Table computed = plan.compute(Panel.of(t, "symbol", "date"))) {
            for (int r = 0; r < n; r++) {
                double[] values = new double[columns.size()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = computed.float64(columns.get(j)).get(r);
                }
                expected.put(sym[r] + "|" + date[r], values);
            }
        }
        return expected;
    }

    private static void assertSameAsSingleJvm(String spec, List<Row> data, Dataset<Row> out) {
        FeaturePlan plan = FeatureEngine.create().plan(FeatureEngine.splitSpecs(spec));
        List<String> columns = plan.columns();
        Map<String, double[]> expected = singleJvm(plan, data);
        List<String> names = List.of(out.schema().fieldNames());
        assertThat(names).containsExactlyElementsOf(concat(List.of("symbol", "date", "close"), columns));
        List<Row> got = out.collectAsList();
        assertThat(got).hasSize(expected.size());
        int compared = 0;
        int finite = 0;
        for (Row row : got) {
            double[] want = expected.get(row.getString(0) + "|" + row.getLong(1));
            assertThat(want).as("row %s", row).isNotNull();
            for (int j = 0; j < want.length; j++) {
                long bits = Double.doubleToRawLongBits(row.getDouble(3 + j));
                assertThat(bits).as("%s of %s at %d", columns.get(j), row.getString(0), row.getLong(1))
                        .isEqualTo(Double.doubleToRawLongBits(want[j]));
                compared++;
                finite += Double.isFinite(want[j]) ? 1 : 0;
            }
        }
        assertThat(compared).isEqualTo(data.size() * columns.size());
        assertThat(finite).as("finite values compared").isGreaterThan(compared / 2);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
