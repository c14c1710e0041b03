package dev.quiver.cli;

import static dev.quiver.cli.CliRun.quiver;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuiverCommandTest {

    @Test
    void helpListsTheCommands() {
        CliRun r = quiver("--help");
        assertThat(r.status()).isEqualTo(0);
        assertThat(r.out()).contains("demo").contains("providers");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun r = quiver("frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void providersListsEverySpiAndMarksTheChosenOne() {
        CliRun r = quiver("providers");
        assertThat(r.status()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("cache (choose with -Dquiver.cache.provider=NAME")
                .contains("features (choose with -Dquiver.features.provider=NAME")
                .contains("backtest").contains("store")
                .containsPattern("\\* arrow +priority +100")
                .containsPattern("\\* vector +priority +100") // the build's tests run with jdk.incubator.vector
                .containsPattern(" scalar +priority +0")
                .contains("CUDA unavailable")
                .contains("operators several providers compute")
                .containsPattern("    ema: (vector|scalar) \\(");
    }

    @Test
    void calibrateTimesTheSharedOperatorsAndWritesTheCostFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("costs.properties");
        CliRun r = quiver("calibrate", "--file", file.toString(), "--warm-up", "5");
        assertThat(r.status()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).containsPattern("sma: (vector|scalar) \\(vector [0-9.]+ ns, scalar [0-9.]+ ns per value; "
                + "measured\\)").contains("rsi: ").contains("atr: ").contains("costs written to " + file);
        assertThat(java.nio.file.Files.readString(file)).contains("fingerprint=").contains("sma.vector=")
                .contains("sma.scalar=");
        assertThat(quiver("calibrate", "--warm-up", "-1").status()).isEqualTo(2);
    }

    @Test
    void failuresAreSentencesAndDebugAddsTheDetails() {
        CliRun r = quiver("features", "--input", "/no/such/prices.csv", "--features", "sma(2)", "--output",
                "/tmp/quiver-test-out.csv");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("quiver: /no/such/prices.csv: does not exist (nor does its directory /no/such)"
                + System.lineSeparator());
        CliRun debug = quiver("--debug", "features", "--input", "/no/such/prices.csv", "--features", "sma(2)",
                "--output", "/tmp/quiver-test-out.csv");
        assertThat(debug.err()).contains("quiver: /no/such/prices.csv").contains("\tat dev.quiver.");
        CliRun after = quiver("features", "--debug", "--input", "/no/such/prices.csv", "--features", "sma(2)",
                "--output", "/tmp/quiver-test-out.csv");
        assertThat(after.err()).contains("\tat dev.quiver.");
    }

    @Test
    void badOptionsSayWhichOptionAndValue() {
        CliRun r = quiver("backtest", "--threads", "many", "--input", "x.csv", "--strategy", "sma_cross",
                "--output", "out");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--threads': 'many' is not an int")
                .contains("Try 'quiver backtest --help'").doesNotContain("Usage:");
        CliRun format = quiver("features", "--format", "xlsx", "--features", "sma(2)", "--input", "a.csv",
                "--output", "b.xlsx");
        assertThat(format.err()).contains("unknown format 'xlsx'").contains("parquet");
    }

    @Test
    void noClassNamesReachTheUser() {
        assertThat(QuiverCommand.describe(new java.io.UncheckedIOException(
                new java.nio.file.NoSuchFileException("prices.csv")))).isEqualTo("prices.csv: does not exist");
        assertThat(QuiverCommand.describe(new java.nio.file.AccessDeniedException("out.csv")))
                .isEqualTo("out.csv: permission denied");
        assertThat(QuiverCommand.describe(new NullPointerException("x"))).startsWith("internal error: ")
                .endsWith("(run with --debug for the details)").doesNotContain("java.lang");
    }

    @Test
    void helpShowsDefaultsAndStrategiesAreListed() {
        CliRun help = quiver("backtest", "--help");
        assertThat(help.out()).contains("Default: next_open").contains("Default: 100000").contains("--debug");
        CliRun strategies = quiver("strategies");
        assertThat(strategies.status()).isEqualTo(0);
        assertThat(strategies.out()).contains("sma_cross(fast=10,slow=50,allow_short=false)")
                .contains("breakout(n=20,allow_short=false)")
                .contains("xs_momentum(lookback=126,skip=21,top=0.2,bottom=0.2,rebalance=21,gross=1")
                .containsPattern("slow +int +default 50").containsPattern("allow_short +boolean +default false");
    }
}
