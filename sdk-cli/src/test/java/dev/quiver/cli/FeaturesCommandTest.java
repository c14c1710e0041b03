package dev.quiver.cli;

import static dev.quiver.cli.CliRun.quiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.NativeMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver features} through the command line. */
class FeaturesCommandTest {
    private static final Path AAPL = Path.of(System.getProperty("quiver.data.dir", "../data"), "market",
            "aapl_2013_2018.csv");

    @TempDir
    Path tmp;
    private long bytes;
    private long regions;

    @BeforeEach
    void recordMemory() {
        bytes = NativeMemory.bytesInUse();
        regions = NativeMemory.regionsInUse();
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(NativeMemory.bytesInUse()).as("off-heap bytes leaked").isEqualTo(bytes);
        assertThat(NativeMemory.regionsInUse()).as("off-heap regions leaked").isEqualTo(regions);
    }

    /** A small panel, rows sorted by (date, symbol) as long files often are, with a text sector column. */
    private Path panelCsv() throws IOException {
        Path file = tmp.resolve("panel.csv");
        Files.writeString(file, """
                Date,Symbol,Close,Volume,Sector
                2024-01-02,BBB,20,100,tech
                2024-01-02,AAA,10,100,energy
                2024-01-02,CCC,30,100,tech
                2024-01-03,AAA,11,100,energy
                2024-01-03,BBB,19,100,tech
                2024-01-03,CCC,33,,tech
                2024-01-04,AAA,12,100,energy
                2024-01-04,BBB,,100,tech
                2024-01-04,CCC,30,100,tech
                """);
        return file;
    }

    /** The records of a CSV file, parsed by FastCSV (the header names hold commas, so they are quoted). */
    private static List<String[]> rows(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(csv)) {
            reader.forEach(r -> rows.add(r.getFields().toArray(String[]::new)));
        }
        return rows;
    }

    @Test
    void aSingleSeriesGetsItsColumnsThenTheFeatures() throws IOException {
        Path out = tmp.resolve("out/aapl.csv");
        CliRun run = quiver("features", "--input", AAPL.toString(), "--features", "sma(20), rsi(14)",
                "--features", "z=ema(high,10)", "--output", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("1260 rows, 1 symbols: 3 features");
        List<String[]> rows = rows(out);
        List<String> input = Files.readAllLines(AAPL);
        assertThat(rows).hasSize(1261);
        assertThat(rows.get(0)).containsExactly((input.get(0) + ",sma(20),rsi(14),z").split(","));
        // the input's fields, then empty warm-up fields
        assertThat(Files.readAllLines(out).get(1)).startsWith("2013-05-13,").endsWith(",,,");
        assertThat(rows.get(19)[7]).isEmpty();
        assertThat(rows.get(20)[7]).isNotEmpty();
        double sum = 0;
        int close = List.of(rows.get(0)).indexOf("Close");
        for (int r = 1241; r <= 1260; r++) {
            sum += Double.parseDouble(rows.get(r)[close]);
        }
        assertThat(Double.parseDouble(rows.get(1260)[7])).isCloseTo(sum / 20, Offset.offset(1e-9));
        assertThat(Files.list(out.getParent())).containsExactly(out); // no temporary file left
    }

    @Test
    void theDeviceOptionSaysWhereThePlanRanAndAFallbackReasonOnlyOnce() {
        CliRun cpu = quiver("features", "--input", AAPL.toString(), "--features", "sma(20)", "--device", "cpu",
                "--output", tmp.resolve("cpu.csv").toString());
        assertThat(cpu.status()).as(cpu.err()).isZero();
        assertThat(cpu.out()).contains("  device cpu: cpu (cpu)");
        CliRun gpu = quiver("features", "--input", AAPL.toString(), "--features", "sma(20)", "--device", "gpu",
                "--output", tmp.resolve("gpu.csv").toString());
        assertThat(gpu.status()).as(gpu.err()).isZero();
        // without CUDA the reason is in the engine's one warning, not repeated in the summary
        assertThat(gpu.out()).containsPattern("  device gpu: (cpu \\(see the warning above\\)|cuda \\(gpu\\))")
                .doesNotContain("computing on the CPU");
    }

    @Test
    void aPanelKeepsItsRowOrderAndGetsCrossSectionalFeatures() throws IOException {
        Path out = tmp.resolve("panel-out.csv");
        CliRun checked = quiver("features", "--input", panelCsv().toString(), "--features", "xs_rank(close)",
                "--output", out.toString());
        assertThat(checked.status()).isEqualTo(1);
        assertThat(checked.err()).contains("panel.csv, line 9, column 'Close': the price is missing");
        // a panel with gaps runs when prices are not checked
        CliRun run = quiver("features", "--input", panelCsv().toString(), "--features",
                "xs_rank(close),xs_rank(close,pct=true),n=xs_neutralize(close,sector),xs_zscore(sma(close,2),ddof=1)",
                "--no-check-prices", "--output", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<String[]> rows = rows(out);
        assertThat(rows.get(0)).containsExactly("Date", "Symbol", "Close", "Volume", "Sector", "xs_rank(close)",
                "xs_rank(close,pct=true)", "n", "xs_zscore(sma(2),ddof=1)");
        assertThat(rows.get(1)).startsWith("2024-01-02", "BBB", "20", "100", "tech", "2", "0.5", "-5");
        assertThat(rows.get(2)).startsWith("2024-01-02", "AAA", "10", "100", "energy", "1", "0", "0");
        assertThat(rows.get(8)).startsWith("2024-01-04", "BBB", "", "100", "tech", "", "", "", "");
        assertThat(rows.get(9)).startsWith("2024-01-04", "CCC", "30", "100", "tech", "2", "1", "0");
        // sma(close,2) on 2024-01-03: AAA 10.5, BBB 19.5, CCC 31.5: z (sample) of AAA is -1 / ... < 0
        assertThat(Double.parseDouble(rows.get(4)[8])).isNegative();
        assertThat(rows.get(1)[8]).isEmpty(); // sma(2) warm-up
    }

    @Test
    void arrowOutputReadsBackAsInput() throws IOException {
        Path arrow = tmp.resolve("panel.arrow");
        CliRun first = quiver("features", "--input", panelCsv().toString(), "--features", "sma(close,2)",
                "--no-check-prices", "--output", arrow.toString());
        assertThat(first.status()).as(first.err()).isZero();
        Path csv = tmp.resolve("again.csv");
        CliRun second = quiver("features", "--input", arrow.toString(), "--features", "xs_rank(close)",
                "--no-check-prices", "--output", csv.toString());
        assertThat(second.status()).as(second.err()).isZero();
        List<String[]> rows = rows(csv);
        assertThat(String.join(",", rows.get(0)))
                .isEqualTo("Date,Symbol,Close,Volume,Sector,sma(2),xs_rank(close)");
        assertThat(rows.get(4)).containsExactly("2024-01-03", "AAA", "11", "100", "energy", "10.5", "1");
        assertThat(rows.get(8)).containsExactly("2024-01-04", "BBB", "", "100", "tech", "", "");
    }

    @Test
    void listsEveryOperatorWithParametersDefaultsAndOutputs() {
        CliRun run = quiver("features", "--list");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("averages", "crosssection", "momentum")
                .containsPattern("sma\\(close,n=30\\) +time series; one column")
                .containsPattern("xs_rank\\(close,ties=average,pct=false\\) +cross-sectional; one column")
                .containsPattern("ties +choice +default average +average\\|min\\|max\\|dense\\|ordinal")
                .containsPattern("ddof +int +default 0 +\\[0, 1\\]")
                .contains("xs_neutralize(close,sector)");
    }

    @Test
    void badInputIsReportedWithFileLineColumnAndValue() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "Date,Symbol,Close\n2024-01-02,A,1\n2024-01-03,A,x1\n");
        CliRun run = quiver("features", "--input", bad.toString(), "--features", "sma(2)", "--output",
                tmp.resolve("o.csv").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ", line 3, column 'Close': 'x1' is not a number");

        Files.writeString(bad, "Date,Symbol,Close\n2024-01-02,A,1\n2024-13-03,A,2\n");
        assertThat(quiver("features", "--input", bad.toString(), "--features", "sma(2)", "--output",
                tmp.resolve("o.csv").toString()).err())
                .contains(bad + ", line 3, column 'Date': '2024-13-03' is not a date (expected YYYY-MM-DD or an ISO "
                        + "8601 date-time)");

        Files.writeString(bad, "Date,Symbol,Close\n2024-01-02,A,1\n2024-01-03,B,2\n2024-01-02,A,3\n");
        assertThat(quiver("features", "--input", bad.toString(), "--features", "sma(2)", "--output",
                tmp.resolve("o.csv").toString()).err())
                .contains(bad + ", line 4, column 'Date': 2024-01-02 for A is given twice (also on line 2)");

        Files.writeString(bad, "Date,Symbol,Close\n2024-01-02,A\n");
        assertThat(quiver("features", "--input", bad.toString(), "--features", "sma(2)", "--output",
                tmp.resolve("o.csv").toString()).err()).contains(bad + ", line 2: the record has 2 fields but the "
                + "header has 3");

        CliRun missing = quiver("features", "--input", tmp.resolve("nowhere.csv").toString(), "--features", "sma(2)",
                "--output", tmp.resolve("o.csv").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere.csv: does not exist");
        assertThat(tmp.resolve("o.csv")).doesNotExist();
    }

    @Test
    void badSpecsAndOptionsAreClearErrors() throws IOException {
        CliRun syntax = quiver("features", "--input", AAPL.toString(), "--features", "sma(20),xs_rank(rsi(14)",
                "--output", tmp.resolve("o.csv").toString());
        assertThat(syntax.status()).isEqualTo(1);
        assertThat(syntax.err()).contains("feature list 'sma(20),xs_rank(rsi(14)': 1 unclosed '(' at the end");

        CliRun unknown = quiver("features", "--input", AAPL.toString(), "--features", "xs_rank(rsx(14))",
                "--output", tmp.resolve("o.csv").toString());
        assertThat(unknown.err()).contains("feature spec 'xs_rank(rsx(14))': unknown operator 'rsx' (did you mean "
                + "'rsi'?)").contains("(at index 8)");

        CliRun clash = quiver("features", "--input", AAPL.toString(), "--features", "close=sma(2)",
                "--output", tmp.resolve("o.csv").toString());
        assertThat(clash.err()).contains("feature column 'close' has the name of the input column 'Close'");

        CliRun usage = quiver("features", "--input", AAPL.toString(), "--features", "sma(2)");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("--input, --features and --output are required (or --list, or --explain "
                + "alone)");
        CliRun explain = quiver("features", "--features", "xs_rank(rsi(14))", "--explain");
        assertThat(explain.status()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("rsi(14)").contains("xs_rank");

        CliRun noColumn = quiver("features", "--input", panelCsv().toString(), "--features", "sma(2)",
                "--symbol-column", "ticker", "--output", tmp.resolve("o.csv").toString());
        assertThat(noColumn.err()).contains("has no column 'ticker' (the symbol column given)");
        assertThat(tmp.resolve("o.csv")).doesNotExist();
    }

    @Test
    void everyFormatInAndOutGivesTheSameFeatures() throws IOException {
        Path csvOut = tmp.resolve("from-csv.csv");
        assertThat(quiver("features", "--input", AAPL.toString(), "--features", "sma(20),rsi(14),macd(12,26,9)",
                "--output", csvOut.toString()).status()).isZero();
        List<String> expected = Files.readAllLines(csvOut);
        for (String ext : List.of("parquet", "arrow", "arrows", "feather")) {
            Path converted = tmp.resolve("aapl." + ext);
            try (var t = dev.quiver.io.TableFiles.read(AAPL)) {
                dev.quiver.io.TableFiles.write(t, converted);
            }
            Path out = tmp.resolve("features." + ext);
            CliRun run = quiver("features", "--input", converted.toString(), "--features",
                    "sma(20),rsi(14),macd(12,26,9)", "--output", out.toString());
            assertThat(run.status()).as(ext + ": " + run.err()).isZero();
            Path back = tmp.resolve("back-" + ext + ".csv");
            try (var t = dev.quiver.io.TableFiles.read(out)) {
                dev.quiver.io.TableFiles.write(t, back);
            }
            assertThat(Files.readAllLines(back)).as(ext).isEqualTo(expected);
        }
        Path json = tmp.resolve("features.json");
        CliRun refused = quiver("features", "--input", AAPL.toString(), "--features", "sma(20)", "--output",
                json.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot tell the format").contains(".parquet");
        assertThat(json).doesNotExist();
    }
}
