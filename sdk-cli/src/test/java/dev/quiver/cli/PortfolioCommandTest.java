package dev.quiver.cli;

import static dev.quiver.cli.CliRun.quiver;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code quiver generate strategies} and {@code quiver portfolio} as a user runs them, outputs read back by others. */
class PortfolioCommandTest {
    @TempDir
    static Path tmp;
    static Path matrix;

    @BeforeAll
    static void generate() {
        matrix = tmp.resolve("strategies.csv");
        CliRun g = quiver("generate", "strategies", "--strategies", "400", "--days", "60", "--seed", "7", "--output",
                matrix.toString());
        assertThat(g.status()).as(g.err()).isZero();
        assertThat(g.out()).contains("400 strategies × 60 days");
    }

    @Test
    void theGeneratedMatrixOpensInAnotherReaderWithItsNamesIntact() throws Exception {
        List<CsvRecord> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(matrix)) {
            r.forEach(rows::add);
        }
        assertThat(rows).hasSize(61);
        assertThat(rows.getFirst().getFieldCount()).isEqualTo(401);
        assertThat(rows.getFirst().getField(1)).matches("[A-Z]+ \\d{4}-\\d{4} SL\\d+%TP\\d+%");
        assertThat(rows.get(1).getField(0)).isEqualTo("2024-01-01");
    }

    @Test
    void oneAlgorithmWritesItsJsonEquityPlotsAndReport() throws Exception {
        Path out = tmp.resolve("one");
        CliRun run = quiver("portfolio", "--input", matrix.toString(), "--size", "10", "--algorithm", "genetic",
                "--seed", "3", "--output", out.toString(), "--no-progress", "--invert");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("genetic").contains("read").contains("search");
        JsonNode p = JsonMapper.builder().build().readTree(Files.readString(out.resolve("portfolio.json")));
        assertThat(p.get("algorithm").asString()).isEqualTo("genetic");
        assertThat(p.get("seed").asLong()).isEqualTo(3);
        assertThat(p.get("strategies")).hasSize(10);
        for (String field : List.of("objective", "fitness", "inverted", "roi", "max_drawdown", "mean_correlation",
                "evaluations", "seconds")) {
            assertThat(p.has(field)).as(field).isTrue();
        }
        List<CsvRecord> equity = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(out.resolve("equity.csv"))) {
            r.forEach(equity::add);
        }
        assertThat(equity.getFirst().getFields()).containsExactly("date", "pnl", "equity", "drawdown");
        assertThat(equity).hasSize(61);
        double sum = 0;
        for (CsvRecord r : equity.subList(1, equity.size())) {
            sum += Double.parseDouble(r.getField(1));
            assertThat(Double.parseDouble(r.getField(2))).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(Double.parseDouble(r.getField(3))).isLessThanOrEqualTo(0);
        }
        assertThat(sum).isCloseTo(p.get("roi").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        for (String f : List.of("equity.png", "equity.svg", "correlation.png", "convergence.png", "report.html")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("src=\"equity.png\"")
                .contains("The chosen strategies");
    }

    @Test
    void allAlgorithmsWriteASummaryAndTheSameSeedGivesTheSamePortfolio() throws Exception {
        Path out = tmp.resolve("all");
        CliRun run = quiver("portfolio", "--input", matrix.toString(), "--size", "8", "--algorithm", "all", "--seed",
                "5", "--output", out.toString(), "--no-progress", "--param", "bayesian.calls=15",
                "--param", "annealing.iterations=100");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
        assertThat(summary).hasSize(8);
        for (JsonNode a : summary) {
            String name = a.get("algorithm").asString();
            assertThat(out.resolve(name).resolve("portfolio.json")).isNotEmptyFile();
            assertThat(out.resolve(name).resolve("report.html")).isNotEmptyFile();
        }
        assertThat(out.resolve("convergence.svg")).isNotEmptyFile();

        Path one = tmp.resolve("t1");
        Path two = tmp.resolve("t2");
        quiver("portfolio", "--input", matrix.toString(), "--size", "8", "--algorithm", "pso", "--seed", "5",
                "--output", one.toString(), "--no-progress", "--threads", "1");
        quiver("portfolio", "--input", matrix.toString(), "--size", "8", "--algorithm", "pso", "--seed", "5",
                "--output", two.toString(), "--no-progress", "--threads", "2");
        JsonMapper m = JsonMapper.builder().build();
        assertThat(m.readTree(Files.readString(one.resolve("portfolio.json"))).get("strategies"))
                .isEqualTo(m.readTree(Files.readString(two.resolve("portfolio.json"))).get("strategies"));
    }

    @Test
    void zonesByWindowAndACapAreRespected() throws Exception {
        Path out = tmp.resolve("zones");
        CliRun run = quiver("portfolio", "--input", matrix.toString(), "--size", "6", "--algorithm", "hill_climbing",
                "--output", out.toString(), "--no-progress", "--zones-by-window", "--zone-max", "1",
                "--max-correlation", "0.4");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode p = JsonMapper.builder().build().readTree(Files.readString(out.resolve("portfolio.json")));
        List<String> windows = new ArrayList<>();
        for (JsonNode s : p.get("strategies")) {
            windows.add(s.asString().split(" ")[1]);
        }
        assertThat(windows).doesNotHaveDuplicates();
    }

    @Test
    void badInputAndOptionsAreClearErrors() throws Exception {
        Path out = tmp.resolve("never");
        CliRun tooBig = quiver("portfolio", "--input", matrix.toString(), "--size", "500", "--output", out.toString());
        assertThat(tooBig.status()).isEqualTo(2);
        assertThat(tooBig.err()).contains("--size 500").contains("400 strategies");

        Path ragged = tmp.resolve("ragged.csv");
        Files.writeString(ragged, "Date,a,b\n2024-01-02,1,2\n2024-01-03,3\n");
        CliRun r = quiver("portfolio", "--input", ragged.toString(), "--size", "1", "--output", out.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("ragged.csv").contains("line 3").doesNotContain("Exception");

        Path text = tmp.resolve("text.csv");
        Files.writeString(text, "Date,a,b\n2024-01-02,1,2\n2024-01-03,x,4\n");
        CliRun t = quiver("portfolio", "--input", text.toString(), "--size", "1", "--output", out.toString());
        assertThat(t.err()).contains("line 3").contains("column 'a'").contains("'x'");

        Path dup = tmp.resolve("dup.csv");
        Files.writeString(dup, "Date,a,a\n2024-01-02,1,2\n");
        assertThat(quiver("portfolio", "--input", dup.toString(), "--size", "1", "--output", out.toString()).err())
                .contains("'a'");

        CliRun zones = quiver("portfolio", "--input", matrix.toString(), "--size", "10", "--output", out.toString(),
                "--zones-by-window", "--zone-min", "3");
        assertThat(zones.status()).isEqualTo(1);
        assertThat(zones.err()).contains("zones cannot be satisfied");

        CliRun param = quiver("portfolio", "--input", matrix.toString(), "--size", "5", "--output", out.toString(),
                "--param", "swarm=3");
        assertThat(param.status()).isEqualTo(2);
        assertThat(param.err()).contains("no chosen algorithm has a parameter 'swarm'");

        CliRun unknown = quiver("portfolio", "--input", matrix.toString(), "--output", out.toString(), "--algorithm",
                "tabu");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("tabu").contains("genetic");
        assertThat(out).doesNotExist();
    }

    @Test
    void correlateWritesEachStrategysNeighboursAndSaysWhereTheyWereComputed() throws Exception {
        Path out = tmp.resolve("neighbours.csv");
        CliRun r = quiver("correlate", "--input", matrix.toString(), "--neighbours", "3", "--device", "gpu", "--output",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("the 3 highest correlations of each strategy");
        if (!dev.quiver.gpu.cuda.CudaRuntime.probe().available()) {
            assertThat(r.out()).contains("no CUDA: ").contains("computed on the CPU");
        }
        try (dev.quiver.api.table.Table t = dev.quiver.io.TableFiles.read(out)) {
            assertThat(t.schema().names()).containsExactly("strategy", "rank", "other", "correlation");
            assertThat(t.rowCount()).isEqualTo(400 * 3);
        }
        CliRun bad = quiver("correlate", "--input", matrix.toString(), "--neighbours", "3", "--device", "tpu",
                "--output", out.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--device 'tpu' is not auto, cpu or gpu");
    }

    @Test
    void correlateWritesTheTopMatrixAndTheTopPairs() throws Exception {
        Path corr = tmp.resolve("corr.csv");
        CliRun top = quiver("correlate", "--input", matrix.toString(), "--top", "50", "--by", "sharpe", "--output",
                corr.toString());
        assertThat(top.status()).as(top.err()).isZero();
        assertThat(top.out()).contains("the 50 × 50 matrix of the top 50 by sharpe");
        List<CsvRecord> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(corr)) {
            r.forEach(rows::add);
        }
        assertThat(rows).hasSize(51);
        assertThat(rows.getFirst().getField(0)).isEqualTo("strategy");
        for (int i = 1; i <= 50; i++) {
            assertThat(rows.get(i).getField(0)).isEqualTo(rows.getFirst().getField(i));
            assertThat(Double.parseDouble(rows.get(i).getField(i))).isEqualTo(1.0);
            assertThat(rows.get(i).getField(1)).isEqualTo(rows.get(1).getField(i));
        }

        Path pairs = tmp.resolve("pairs.parquet");
        CliRun p = quiver("correlate", "--input", matrix.toString(), "--pairs", "25", "--order", "lowest", "--output",
                pairs.toString());
        assertThat(p.status()).as(p.err()).isZero();
        assertThat(p.out()).contains("the 25 lowest pairs of 79,800");
        try (dev.quiver.api.table.Table t = dev.quiver.io.TableFiles.read(pairs)) {
            assertThat(t.schema().names()).containsExactly("a", "b", "correlation");
            assertThat(t.rowCount()).isEqualTo(25);
            double previous = -1;
            for (int i = 0; i < 25; i++) {
                double r = t.float64("correlation").get(i);
                assertThat(r).isGreaterThanOrEqualTo(previous).isLessThan(0);
                previous = r;
            }
        }
        CliRun both = quiver("correlate", "--input", matrix.toString(), "--top", "5", "--pairs", "5", "--output",
                tmp.resolve("x.csv").toString());
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("one of --top N, --pairs K or --neighbours K");
    }

    @Test
    void listAlgorithmsShowsEveryParameterWithItsDefault() {
        CliRun list = quiver("portfolio", "--list-algorithms");
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains("genetic:").contains("population").contains("pso:").contains("bayesian:")
                .contains("random_search:");
    }
}
