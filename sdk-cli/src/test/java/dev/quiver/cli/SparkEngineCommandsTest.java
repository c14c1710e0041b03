package dev.quiver.cli;

import static dev.quiver.cli.CliRun.quiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.io.TableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine spark} of {@code features}, {@code backtest} and {@code portfolio}. Without Spark's jars (the
 * default application) it is refused with the command that builds them in; with them ({@code -Pspark}) each command
 * on {@code local[2]} writes what the local engine writes: the same features file, the sweep's completed runs, the same
 * portfolio.
 */
class SparkEngineCommandsTest {
    private static final Path DATA = Path.of(System.getProperty("quiver.data.dir", "../data"), "market");
    private static final boolean SPARK = present();
    /** A run's time in portfolio.json: the one figure the engines may differ in. */
    private static final String SECONDS = "\"seconds\"\\s*:\\s*[0-9.eE+-]+";

    @TempDir
    Path tmp;

    private static boolean present() {
        try {
            Class.forName(SparkOptions.SPARK_CLASS, false, SparkEngineCommandsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void withoutSparksJarsTheEngineIsRefusedWithTheBuildCommand() {
        assumeFalse(SPARK, "Spark is on the class path (the -Pspark build)");
        CliRun run = quiver("features", "--engine", "spark", "--input", DATA.resolve("aapl_2013_2018.csv").toString(),
                "--features", "sma(5)", "--output", tmp.resolve("f.csv").toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("Spark's jars are not on the class path").contains("-Pspark");
    }

    @Test
    void anUnknownEngineIsNamed() {
        CliRun run = quiver("features", "--engine", "flink", "--input", DATA.resolve("aapl_2013_2018.csv").toString(),
                "--features", "sma(5)", "--output", tmp.resolve("f.csv").toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("--engine 'flink'");
    }

    @Test
    void featuresOnSparkWriteTheLocalEnginesFileInParquet() throws Exception {
        assumeTrue(SPARK, "Spark's jars are not on the class path (build with -Pspark)");
        String input = DATA.resolve("dowjones30_closes_wide.csv").toString();
        String spec = "sma(20), rsi(14), xs_rank(roc(5)), z=xs_zscore(rsi(14), ddof=1)";
        Path local = tmp.resolve("local.parquet");
        Path spark = tmp.resolve("spark.parquet");
        assertThat(quiver("features", "--input", input, "--features", spec, "--output", local.toString()).status())
                .isZero();
        CliRun run = quiver("features", "--engine", "spark", "--master", "local[2]", "--partitions", "8", "--input",
                input, "--features", spec, "--output", spark.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("engine spark: local[2]");
        try (Table a = TableFiles.read(local); Table b = TableFiles.read(spark)) {
            assertSameTable(a, b);
        }
    }

    @Test
    void aSweepOnSparkWritesTheCompletedRunsOfTheLocalSweep() throws Exception {
        assumeTrue(SPARK, "Spark's jars are not on the class path (build with -Pspark)");
        String input = DATA.resolve("aapl_2013_2018.csv").toString();
        String[] common = {"backtest", "--input", input, "--strategy", "sma_cross(10,50)", "--param-grid", "fast=5,10,20",
            "--param-grid", "slow=20,50", "--commission", "bps:1", "--no-progress"};
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        CliRun localRun = quiver(concat(common, "--output", local.toString()));
        assertThat(localRun.status()).as(localRun.err()).isZero();
        CliRun run = quiver(concat(common, "--engine", "spark", "--master", "local[2]", "--output", spark.toString()));
        assertThat(run.status()).as(run.err()).isZero();
        try (Table a = TableFiles.read(local.resolve("sweep.arrow"));
             Table b = TableFiles.read(spark.resolve("sweep.arrow"))) {
            assertThat(b.schema().names()).isEqualTo(a.schema().names());
            // the local sweep skips sma_cross(20,20); Spark reports it as a failed row
            assertThat(b.rowCount()).isEqualTo(a.rowCount() + 1);
            Map<String, Integer> rowOf = new HashMap<>();
            for (int r = 0; r < b.rowCount(); r++) {
                rowOf.put(b.string("run").get(r), r);
            }
            for (int r = 0; r < a.rowCount(); r++) {
                int s = rowOf.get(a.string("run").get(r));
                for (Column c : a.columns()) {
                    if (c instanceof Float64Column f) {
                        assertThat(Double.doubleToRawLongBits(b.float64(c.name()).get(s))).as(c.name())
                                .isEqualTo(Double.doubleToRawLongBits(f.get(r)));
                    }
                }
            }
        }
    }

    @Test
    void portfolioSearchesOnSparkChooseTheLocalPortfolio() throws Exception {
        assumeTrue(SPARK, "Spark's jars are not on the class path (build with -Pspark)");
        Path pnl = tmp.resolve("pnl.csv");
        assertThat(quiver("generate", "strategies", "--strategies", "60", "--days", "250", "--seed", "5", "--output",
                pnl.toString()).status()).isZero();
        String[] plain = {"portfolio", "--input", pnl.toString(), "--size", "8", "--algorithm", "genetic",
            "--seed", "3", "--max-evaluations", "2000", "--no-progress"};
        String[] zoned = concat(plain, "--zones-by-window", "--zone-max", "2");
        for (String[] common : List.of(plain, zoned)) {
            String label = common == plain ? "plain" : "zoned";
            Path local = tmp.resolve("local-" + label);
            Path spark = tmp.resolve("spark-" + label);
            assertThat(quiver(concat(common, "--output", local.toString())).status()).isZero();
            CliRun run = quiver(concat(common, "--engine", "spark", "--master", "local[2]", "--output",
                    spark.toString()));
            assertThat(run.status()).as(run.err()).isZero();
            String a = Files.readString(local.resolve("portfolio.json")).replaceAll(SECONDS, "");
            String b = Files.readString(spark.resolve("portfolio.json")).replaceAll(SECONDS, "");
            assertThat(b).as(label).isEqualTo(a);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertSameTable(Table a, Table b) {
        assertThat(b.schema().names()).isEqualTo(a.schema().names());
        assertThat(b.rowCount()).isEqualTo(a.rowCount());
        for (Column c : a.columns()) {
            for (int r = 0; r < a.rowCount(); r++) {
                if (c instanceof Float64Column f) {
                    assertThat(Double.doubleToRawLongBits(b.float64(c.name()).get(r))).as("%s row %d", c.name(), r)
                            .isEqualTo(Double.doubleToRawLongBits(f.get(r)));
                } else if (c instanceof StringColumn s) {
                    assertThat(b.string(c.name()).get(r)).isEqualTo(s.get(r));
                }
            }
        }
    }
}
