package dev.quiver.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report generator over JMH-shaped fixtures: the machine and the goals lead, the tables hold the rows, the charts
 * are PNGs, bad input is named.
 */
class BenchmarkReportTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static Path fixture() throws URISyntaxException {
        return Path.of(BenchmarkReportTest.class.getResource("/report/jmh-result.json").toURI());
    }

    @Test
    void writesATablePerClassWithTheRowsAndSecondaryMetrics() throws Exception {
        Path out = dir.resolve("out");
        List<Path> written = BenchmarkReport.write(out, List.of(fixture()));

        assertThat(written.getFirst()).isEqualTo(out.resolve("report.md"));
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md)
                .contains("- JDK: 25 (OpenJDK 64-Bit Server VM 25+36-LTS)")
                .contains("- JVM: `/usr/lib/jvm/temurin-25-jdk-amd64/bin/java`")
                .contains("- Input files: `" + fixture() + "` (6 results)")
                .contains("## features.IndicatorBenchmark\n")
                .contains("## backtest.SmaCrossBenchmark\n")
                .contains("## backtest.SweepBenchmark\n")
                .contains("| method | params | score ± error | unit | values (ops/s) |")
                .contains("| scalar | indicator=sma, rows=1260, symbols=4000 | 31.42 ± 1.25 | ops/s"
                        + " | 158,336,000 ± 6,300,000 |")
                // a single iteration: JMH's error is NaN, the table shows the score alone
                .contains("| vector | indicator=sma, rows=1260, symbols=4000 | 87.50 | ops/s | 441,000,000 |")
                .contains("| bareLoop |  | 166,123,457 ± 9,876,543 | ops/s |")
                .contains("| vectorisedSweep | threads=2, fasts=100, slows=100, bars=5000 | 370.5 ± 12.3 | ms/op |")
                .contains("![features.IndicatorBenchmark.png](features.IndicatorBenchmark.png)");
        // a class without secondary metrics gets no secondary columns
        String smaCross = md.substring(md.indexOf("## backtest.SmaCrossBenchmark"), md.indexOf("## backtest.Sweep"));
        assertThat(smaCross).contains("| method | params | score ± error | unit |\n|---|---|---|---|\n");
    }

    @Test
    void writesAValidPngChartPerClassAndNoTemporaryFiles() throws Exception {
        List<Path> written = BenchmarkReport.write(dir, List.of(fixture()));

        assertThat(written).containsExactly(dir.resolve("report.md"), dir.resolve("features.IndicatorBenchmark.png"),
                dir.resolve("backtest.SmaCrossBenchmark.png"), dir.resolve("backtest.SweepBenchmark.png"));
        for (Path png : written.subList(1, written.size())) {
            byte[] bytes = Files.readAllBytes(png);
            assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as(png.toString()).isEqualTo(PNG_SIGNATURE);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrderElementsOf(written);
        }
    }

    @Test
    void theReportStartsWithTheMachineAndTheGoalsThenAWorkloadTablePerClass() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Path results = Files.copy(GoalVerdictTest.fixture(), run.resolve("results.json"));
        new MachineInfo("Test CPU", 2, 512, "25.0.3+9-LTS (OpenJDK 64-Bit Server VM)", "Linux 6.1 amd64")
                .write(run.resolve(MachineInfo.FILE_NAME));

        BenchmarkReport.write(run, List.of(results));
        String md = Files.readString(run.resolve("report.md"));
        assertThat(md)
                .contains("- CPU: Test CPU, 2 cores visible to the JVM\n"
                        + "- Vector width: 512 bits (8 doubles, DoubleVector.SPECIES_PREFERRED)\n"
                        + "- JDK: 25.0.3+9-LTS (OpenJDK 64-Bit Server VM)\n- OS: Linux 6.1 amd64\n")
                .contains("| Each indicator at least as fast as TA-Lib (scalar kernel vs TA-Lib Java) | **not met** (3"
                        + " of 4 measured) | 0.875x (spec=ema) | ≥ 1.00x TA-Lib |")
                .contains("| Backtests at least 50 M bar-steps/s | **not met** | 0.500x (vectorised) |")
                .contains("| Parameter sweeps at least 50 M bar-steps/s (fasts × slows × bars per sweep) |"
                        + " not measured | - |")
                .contains("Not measured: the run has no result of"
                        + " `backtest.SweepBenchmark.eventSweep|vectorisedSweep`.")
                .contains("| spec=hma | not measured | no result of TA-Lib in this run |")
                // time per operation per implementation, Quiver's best against the best peer and the ceiling
                .contains("| workload | Quiver scalar | Quiver vector | TA-Lib | ta4j | copy (ceiling) | Quiver vs best"
                        + " peer | Quiver of ceiling |")
                .contains("| spec=sma | 10.0 ms | 5.88 ms | 12.5 ms | 20.0 ms | 2.50 ms | 2.13x (Quiver vector vs"
                        + " TA-Lib) | 43% |")
                .contains("| spec=hma | 20.0 ms |  |  |  | 2.50 ms | - | 13% |")
                .contains("| all | 16.7 ns | 40.0 ns | 200 ns | 6.02 ns | 12.0x (eventEngine vs ta4j (double)) | 36% |")
                .contains("![features.AllIndicatorsBenchmark.png](features.AllIndicatorsBenchmark.png)");
        assertThat(md.indexOf("## Goals")).isLessThan(md.indexOf("## features.AllIndicatorsBenchmark"));
    }

    @Test
    void chartsTheThroughputCounterWhenEveryEntryHasOne() throws Exception {
        List<JmhResult> all = JmhResultReader.read(fixture());
        assertThat(ReportCharts.throughputCounter(all.subList(0, 3))).isEqualTo("values");
        assertThat(ReportCharts.throughputCounter(all.subList(3, 5))).isNull();
        // a counter the SmaCross entries lack is no counter for the mixed list
        assertThat(ReportCharts.throughputCounter(all)).isNull();
    }

    @Test
    void malformedJsonNamesTheFileAndPositionAndWritesNothing() throws Exception {
        Path bad = dir.resolve("truncated.json");
        String json = Files.readString(fixture());
        Files.writeString(bad, json.substring(0, json.length() / 2));
        Path out = dir.resolve("out");

        assertThatThrownBy(() -> BenchmarkReport.write(out, List.of(fixture(), bad)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(bad + ": not valid JSON at line ")
                .hasMessageNotContaining("Source:");
        assertThat(out).doesNotExist();
    }

    @Test
    void wronglyShapedInputNamesTheFileEntryAndField() throws Exception {
        Path notArray = dir.resolve("object.json");
        Files.writeString(notArray, "{\"benchmark\": \"a.B.c\"}");
        assertThatThrownBy(() -> JmhResultReader.read(notArray))
                .hasMessage(notArray + ": expected JMH's JSON results, a JSON array (from -rf json), found an object");

        Path noMetric = dir.resolve("no-metric.json");
        Files.writeString(noMetric, """
                [{"benchmark": "a.B.c", "mode": "thrpt",
                  "primaryMetric": {"score": 1.0, "scoreError": 0.1, "scoreUnit": "ops/s"}},
                 {"benchmark": "a.B.d", "mode": "thrpt"}]""");
        assertThatThrownBy(() -> JmhResultReader.read(noMetric))
                .hasMessage(noMetric + ": entry 1 (a.B.d): missing \"primaryMetric\"");

        Path badScore = dir.resolve("bad-score.json");
        Files.writeString(badScore, """
                [{"benchmark": "a.B.c", "mode": "thrpt",
                  "primaryMetric": {"score": "fast", "scoreError": 0.1, "scoreUnit": "ops/s"}}]""");
        assertThatThrownBy(() -> JmhResultReader.read(badScore))
                .hasMessage(badScore + ": entry 0 (a.B.c): \"primaryMetric.score\" must be a number, found a string"
                        + " \"fast\"");
    }

    @Test
    void commandLineComparesSeveralFilesAndRejectsBadArguments() throws Exception {
        Path second = dir.resolve("after.json");
        Files.copy(fixture(), second);
        Path out = dir.resolve("report");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            int status = BenchmarkReport.run(new String[] {"--out", out.toString(), fixture().toString(),
                    second.toString()}, o, e);
            assertThat(status).isZero();
            assertThat(stdout.toString(StandardCharsets.UTF_8)).startsWith(out.resolve("report.md") + "\n");
            String md = Files.readString(out.resolve("report.md"));
            assertThat(md).contains("| file | method | params |")
                    .contains("| after.json | scalar | indicator=sma, rows=1260, symbols=4000 | 31.42 ± 1.25 |")
                    .contains("| jmh-result.json | scalar | indicator=sma")
                    // the workload table and the chart tell the files' implementations apart
                    .contains("| workload | jmh-result.json: Quiver scalar | jmh-result.json: Quiver vector |"
                            + " after.json: Quiver scalar |");

            assertThat(BenchmarkReport.run(new String[] {fixture().toString()}, o, e)).isEqualTo(2);
            assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--out DIR is required").contains("usage:");
            assertThat(BenchmarkReport.run(new String[] {"--out", out.toString(), dir.resolve("missing.json")
                    .toString()}, o, e)).isEqualTo(1);
            assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("missing.json");
        }
    }
}
