package dev.quiver.cli;

import static dev.quiver.cli.CliRun.quiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.NativeMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver demo} end to end on the bundled data, through the command line, twice. */
class DemoTest {
    private static final Path DATA = Path.of(System.getProperty("quiver.data.dir", "../data"), "market");

    @TempDir
    Path tmp;

    @Test
    void runsEndToEndAndIsServedFromTheCacheTheSecondTime() throws IOException {
        long bytes = NativeMemory.bytesInUse();
        long regions = NativeMemory.regionsInUse();
        Path out = tmp.resolve("out");
        String[] args = {"demo", "--data", DATA.toString(), "--output", out.toString(),
                "--cache-dir", tmp.resolve("cache").toString()};

        CliRun first = quiver(args);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 symbols").contains("computed, now cached")
                .contains("AAPL", "MSFT", "SPX").contains("rsi(14)");
        Path features = out.resolve("features.csv");
        List<String> lines = Files.readAllLines(features);
        assertThat(lines).hasSize(1 + 1260 + 249 + 5105);
        assertThat(lines.get(0)).startsWith(
                "symbol,date,open,high,low,close,volume,sma(20),sma(50),ema(20),\"ema(high,10)\",rsi(14),rsi_rank,"
                        + "xs_zscore(rsi(14)),xs_rank(volume),\"macd(12,26,9).macd\",\"macd(12,26,9).signal\","
                        + "\"macd(12,26,9).hist\",\"bbands(20,2).upper\",\"bbands(20,2).middle\","
                        + "\"bbands(20,2).lower\",atr(14),")
                .endsWith(",roc_rank");
        // warm-up rows are empty; AAPL's volume is the smaller of the two symbols trading on 2013-05-13
        assertThat(lines.get(1)).startsWith("AAPL,2013-05-13,").contains(",79237200,,,,,,,,1,");
        assertThat(Files.readString(out.resolve("summary.txt"))).isEqualTo(first.out());
        assertThat(first.out()).contains("sweep sma_cross: 24 runs on SPX").contains("best of the sweep by Sharpe: ");
        assertThat(first.out()).contains("generate 25544 × 82 P&L").contains("portfolio of 35: 8 algorithms");
        assertThat(out.resolve("portfolio").resolve("summary.json")).isNotEmptyFile();
        assertThat(out.resolve("portfolio").resolve("genetic").resolve("portfolio.json")).isNotEmptyFile();
        Path backtest = out.resolve("backtest");
        assertThat(Files.readAllLines(backtest.resolve("sweep.csv"))).hasSize(1 + 24);
        for (String f : List.of("report.html", "sweep.arrow", "heatmap.png", "heatmap.svg", "trades.csv",
                "equity.csv", "metrics.json", "equity.png", "equity.svg")) {
            assertThat(backtest.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(Files.readString(backtest.resolve("report.html"))).contains("src=\"heatmap.png\"")
                .contains("src=\"equity.png\"");

        CliRun second = quiver(args);
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).contains("disk cache hit").doesNotContain("computed, now cached")
                .contains("2 disk hits, 0 loads");
        assertThat(Files.readAllLines(features)).isEqualTo(lines);
        // the sweep is deterministic: the same best run both times
        assertThat(second.out().lines().filter(l -> l.startsWith("best of the sweep")).toList())
                .isEqualTo(first.out().lines().filter(l -> l.startsWith("best of the sweep")).toList());

        assertThat(NativeMemory.bytesInUse()).as("off-heap bytes leaked").isEqualTo(bytes);
        assertThat(NativeMemory.regionsInUse()).as("off-heap regions leaked").isEqualTo(regions);
    }

    @Test
    void indicatorsInTheOutputMatchTheirDefinitionOnTheBundledData() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = quiver("demo", "--data", DATA.toString(), "--output", out.toString(),
                "--cache-dir", tmp.resolve("cache").toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<String[]> aapl = Files.readAllLines(out.resolve("features.csv")).stream().skip(1)
                .map(l -> l.split(",", -1)).filter(f -> f[0].equals("AAPL")).toList();
        // sma(20) on the last AAPL bar is the mean of the last 20 closes
        double sum = 0;
        for (int i = aapl.size() - 20; i < aapl.size(); i++) {
            sum += Double.parseDouble(aapl.get(i)[5]);
        }
        String[] last = aapl.get(aapl.size() - 1);
        assertThat(Double.parseDouble(last[7])).isCloseTo(sum / 20, org.assertj.core.data.Offset.offset(1e-9));
        // warm-up: sma(20) starts on the 20th bar, rsi(14) on the 15th
        assertThat(aapl.get(18)[7]).isEmpty();
        assertThat(aapl.get(19)[7]).isNotEmpty();
        assertThat(aapl.get(13)[11]).isEmpty();
        assertThat(aapl.get(14)[11]).isNotEmpty();
        // cross-sectional: on dates where AAPL and SPX both trade, AAPL's RSI percentile is 0 or 1 and the two
        // RSI z-scores are -1 and +1 (population sd of two values)
        String[] bar = aapl.get(aapl.size() - 1);
        assertThat(bar[12]).isIn("0", "1");
        assertThat(Math.abs(Double.parseDouble(bar[13]))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(bar[12].equals("1")).isEqualTo(Double.parseDouble(bar[13]) > 0);
    }

    @Test
    void missingDataDirectoryIsAClearError() {
        CliRun run = quiver("demo", "--data", tmp.resolve("nowhere").toString(), "--output", tmp.toString(),
                "--cache-dir", tmp.resolve("cache").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("demo data file").contains("nowhere").contains("--data");
    }
}
