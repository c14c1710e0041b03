package dev.quiver.cli;

import static dev.quiver.cli.CliRun.quiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.NativeMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver backtest} end to end on the bundled data: one run, a sweep, several symbols, and bad input. */
class BacktestCommandTest {
    private static final Path DATA = Path.of(System.getProperty("quiver.data.dir", "../data"), "market");

    @TempDir
    Path tmp;

    @Test
    void oneRunWritesTradesEquityMetricsPlotsAndReport() throws IOException {
        long bytes = NativeMemory.bytesInUse();
        Path out = tmp.resolve("one");
        CliRun run = quiver("backtest", "--input", DATA.resolve("sp500_2000_2020.csv").toString(),
                "--strategy", "sma_cross(10,50)", "--fill", "close", "--commission", "bps:1:1+per_trade:0.5",
                "--slippage", "2", "--size", "fixed:10", "--output", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("sma_cross(10,50) on sp500_2000_2020.csv: 5105 bars").contains("Sharpe");

        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.get(0)).isEqualTo(
                "symbol,entry_time,exit_time,entry_price,exit_price,quantity,profit,profit_pct,fees,borrow_cost,exit");
        assertThat(trades).hasSizeGreaterThan(30);
        assertThat(trades.get(1)).startsWith("sp500_2000_2020,2000-").contains(",10,");
        List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertThat(equity).hasSize(1 + 5105);
        assertThat(equity.get(1)).isEqualTo("2000-01-03,100000,0");
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertThat(metrics).contains("\"run\": \"sma_cross(10,50)\"").contains("\"fill\": \"close\"")
                .contains("\"sharpe\": ").contains("\"trades\": " + (trades.size() - 1));
        assertThat(ImageIO.read(out.resolve("equity.png").toFile()).getHeight()).isEqualTo(700);
        assertThat(out.resolve("equity.svg")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("report.html"))).contains("equity.png").contains("trades.csv");
        assertThat(out.resolve("sweep.csv")).doesNotExist();
        assertThat(NativeMemory.bytesInUse()).as("off-heap bytes leaked").isEqualTo(bytes);
    }

    @Test
    void aSweepWritesItsTableHeatmapAndTheBestRun() throws IOException {
        Path out = tmp.resolve("sweep");
        CliRun run = quiver("backtest", "--input", DATA.resolve("sp500_2000_2020.csv").toString(),
                "--strategy", "sma_cross", "--param-grid", "fast=5:20:5", "--param-grid", "slow=20,50,100",
                "--threads", "2", "--sort", "total_return", "--no-progress", "--output", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("sweep: 11 runs on 2 threads (1 invalid combinations skipped)");
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(sweep).hasSize(12);
        assertThat(sweep.get(0)).startsWith("run,strategy,status,fast,slow,allow_short,total_return,");
        String best = sweep.get(1).substring(1, sweep.get(1).indexOf("\",")); // "sma_cross(a,b)"
        assertThat(run.out()).contains(best + " on sp500_2000_2020.csv");
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"run\": \"" + best + "\"");
        for (String f : List.of("sweep.arrow", "heatmap.png", "heatmap.svg", "trades.csv", "equity.csv",
                "equity.png", "report.html")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
    }

    @Test
    void aFileOfSeveralSymbolsTradesThemFromOneAccount() throws IOException {
        Path csv = tmp.resolve("two.csv");
        List<String> spx = Files.readAllLines(DATA.resolve("sp500_2000_2020.csv"));
        StringBuilder b = new StringBuilder("Date,Symbol,Open,High,Low,Close,AdjClose,Volume\n");
        for (String line : spx.subList(1, 800)) {
            String[] f = line.split(",", 2);
            b.append(f[0]).append(",AAA,").append(f[1]).append('\n');
            b.append(f[0]).append(",BBB,").append(f[1].replace(",", ",")).append('\n');
        }
        Files.writeString(csv, b);
        Path out = tmp.resolve("two");
        CliRun run = quiver("backtest", "--input", csv.toString(), "--strategy", "breakout(20)", "--size",
                "percent:0.5", "--output", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.stream().skip(1).map(l -> l.split(",")[0]).distinct().sorted().toList())
                .containsExactly("AAA", "BBB");
        assertThat(Files.readAllLines(out.resolve("equity.csv"))).hasSize(800);
    }

    @Test
    void badArgumentsAreClearErrors() {
        String input = DATA.resolve("sp500_2000_2020.csv").toString();
        String output = tmp.resolve("bad").toString();
        assertThat(quiver("backtest", "--input", input, "--strategy", "sma_crossx", "--output", output).err())
                .contains("unknown strategy 'sma_crossx'").contains("sma_cross");
        assertThat(quiver("backtest", "--input", input, "--strategy", "sma_cross", "--fill", "noon",
                "--output", output).err()).contains("--fill 'noon'");
        assertThat(quiver("backtest", "--input", input, "--strategy", "sma_cross", "--commission", "per_lot:1",
                "--output", output).err()).contains("--commission 'per_lot:1'");
        assertThat(quiver("backtest", "--input", input, "--strategy", "sma_cross", "--param-grid", "n=1,2",
                "--output", output).err()).contains("[n] match no parameter");
        CliRun missing = quiver("backtest", "--input", tmp.resolve("none.csv").toString(), "--strategy", "sma_cross",
                "--output", output);
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("none.csv: does not exist");
        assertThat(quiver("backtest", "--strategy", "sma_cross", "--output", output).status()).isEqualTo(2);
    }

    @Test
    void xsMomentumOnTheDjiaWithASymbolAsTheBenchmark() throws IOException {
        Path out = tmp.resolve("xs");
        CliRun run = quiver("backtest", "--input", DATA.resolve("dowjones30_closes_wide.csv").toString(),
                "--strategy", "xs_momentum(lookback=60,skip=5,rebalance=21)", "--benchmark", "AA", "--output",
                out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(DATA.resolve("dowjones30_closes_wide.csv"));
        double first = Double.parseDouble(lines.get(1).split(",")[1]);
        double last = Double.parseDouble(lines.getLast().split(",")[1]);
        String metrics = Files.readString(out.resolve("metrics.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"benchmark_return\": ([-0-9.eE]+)")
                .matcher(metrics);
        assertThat(m.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(last / first - 1,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Files.readString(out.resolve("report.html"))).contains("buy and hold of AA");
        assertThat(Files.readAllLines(out.resolve("trades.csv")).stream().filter(l -> l.contains(",-")).count())
                .as("short trades").isPositive();
        CliRun unknown = quiver("backtest", "--input", DATA.resolve("dowjones30_closes_wide.csv").toString(),
                "--strategy", "xs_momentum", "--benchmark", "ZZZ", "--output", tmp.resolve("zz").toString());
        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.err()).contains("benchmark symbol 'ZZZ' is not in the data");
    }

    @Test
    void theOutputDirectoryIsReplacedWholeButNeverADirectoryOfOtherFiles() throws IOException {
        String input = DATA.resolve("sp500_2000_2020.csv").toString();
        Path out = tmp.resolve("again");
        assertThat(quiver("backtest", "--input", input, "--strategy", "sma_cross(10,50)", "--output",
                out.toString()).status()).isZero();
        Files.writeString(out.resolve("stale.txt"), "from an older run");
        CliRun second = quiver("backtest", "--input", input, "--strategy", "rsi_reversion", "--output", out.toString());
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(out.resolve("stale.txt")).as("the old directory went whole").doesNotExist();
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("rsi_reversion");
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.filter(p -> p.getFileName().toString().startsWith(".again")).toList()).isEmpty();
        }

        Path mine = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(mine.resolve("thesis.txt"), "precious");
        CliRun refused = quiver("backtest", "--input", input, "--strategy", "sma_cross", "--output", mine.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("holds files that are not a Quiver output's");
        assertThat(Files.readString(mine.resolve("thesis.txt"))).isEqualTo("precious");

        CliRun into = quiver("backtest", "--input", input, "--strategy", "sma_cross", "--output",
                DATA.toString());
        assertThat(into.status()).isEqualTo(1);
        assertThat(into.err()).contains("holds the input file");
    }
}
