package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.sweep.ParamGrid;
import dev.quiver.backtest.sweep.SweepPlan;
import dev.quiver.backtest.sweep.SweepTable;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.panel.PriceTable;
import dev.quiver.io.panel.PriceTableOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sweeps on Spark ({@code local[2]}) against the single-JVM sweep on the bundled AAPL 2013-2018 daily bars: the same
 * columns, every completed run's values equal bit for bit, and a combination the strategy rejects reported as a
 * failed row with its parameters while the other tasks complete.
 */
class QuiverSparkSweepTest {
    private static final List<String> STRATEGIES = List.of("sma_cross(10,50)", "rsi_reversion(14,30,70)");
    /** fast=50, slow=50 is rejected by sma_cross (fast must be below slow): the one bad combination. */
    private static final ParamGrid GRID = ParamGrid.parse(List.of("fast=5,10,50", "slow=50,100", "n=7,14"));

    private static SparkSession spark;
    private static PriceTable prices;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("quiver-spark-sweep-test")
                .config("spark.ui.enabled", "false").getOrCreate();
        Path file = Path.of(System.getProperty("quiver.data.dir", "../data"), "market", "aapl_2013_2018.csv");
        prices = PriceTable.read(file, ReadOptions.defaults(), PriceTableOptions.builder().build());
    }

    @AfterAll
    static void stop() {
        if (prices != null) {
            prices.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void completedRunsEqualTheSingleJvmSweepAndTheBadCombinationIsAFailedRow() {
        SweepPlan plan = SweepPlan.of(STRATEGIES, GRID, () -> PositionSizer.percentOfEquity(1));
        assertThat(plan.skipped()).hasSize(1);
        List<RunOutcome> outcomes = EventBacktester.create().sweep(plan.runs(), prices.panel(),
                BacktestConfig.defaults(), ProgressListener.NONE);
        Table expected = SweepTable.of(outcomes).toTable();

        List<Row> rows = QuiverSpark.sweep(spark, prices.panel(), STRATEGIES, GRID, BacktestSetup.defaults(), 3)
                .collectAsList();

        List<String> names = expected.schema().names();
        assertThat(rows).hasSize(plan.runs().size() + 1);
        assertThat(rows.getFirst().schema().fieldNames()).containsExactlyElementsOf(names);
        Map<String, Row> byRun = new HashMap<>();
        for (Row row : rows) {
            byRun.put(row.getString(0), row);
        }
        int finite = 0;
        for (int i = 0; i < expected.rowCount(); i++) {
            Row row = byRun.get(expected.string("run").get(i));
            assertThat(row).as("the Spark row of %s", expected.string("run").get(i)).isNotNull();
            for (int c = 0; c < names.size(); c++) {
                Column column = expected.column(c);
                String what = names.get(c) + " of " + row.getString(0);
                if (column instanceof Float64Column f) {
                    double want = f.get(i);
                    if (Double.isNaN(want)) {
                        assertThat(row.isNullAt(c)).as(what).isTrue();
                    } else {
                        assertThat(Double.doubleToRawLongBits(row.getDouble(c))).as(what)
                                .isEqualTo(Double.doubleToRawLongBits(want));
                        finite++;
                    }
                } else {
                    assertThat(row.get(c)).as(what).isEqualTo(((StringColumn) column).get(i));
                }
            }
        }
        assertThat(finite).isGreaterThan(plan.runs().size() * 5);

        // labelled as the single-JVM sweep lists it among its skipped combinations
        Row bad = byRun.get(plan.skipped().getFirst().label());
        assertThat(bad).as("the rejected combination's row; rows are %s", byRun.keySet()).isNotNull();
        assertThat(bad.getAs("status").toString()).isEqualTo("failed");
        assertThat((Double) bad.getAs("fast")).isEqualTo(50.0);
        assertThat((Double) bad.getAs("slow")).isEqualTo(50.0);
        assertThat(bad.getAs("error").toString()).contains("IllegalArgumentException")
                .contains(plan.skipped().getFirst().reason());
        assertThat(bad.isNullAt(bad.fieldIndex("sharpe"))).isTrue();
    }
}
