package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class QuiverCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = QuiverCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheCommands() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("demo").contains("providers");
    }

    @Test
    void unknownCommandIsAUsageError() {
        String[] r = run("frobnicate");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("frobnicate");
    }

    @Test
    void providersListsEverySpiAndMarksTheChosenOne() {
        String[] r = run("providers");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("cache (choose with -Dquiver.cache.provider=NAME")
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
        String[] r = run("calibrate", "--file", file.toString(), "--warm-up", "5");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).containsPattern("sma: (vector|scalar) \\(vector [0-9.]+ ns, scalar [0-9.]+ ns per value; "
                + "measured\\)").contains("rsi: ").contains("atr: ").contains("costs written to " + file);
        assertThat(java.nio.file.Files.readString(file)).contains("fingerprint=").contains("sma.vector=")
                .contains("sma.scalar=");
        assertThat(run("calibrate", "--warm-up", "-1")[0]).isEqualTo("2");
    }

    @Test
    void failuresAreSentencesAndDebugAddsTheDetails() {
        String[] r = run("features", "--input", "/no/such/prices.csv", "--features", "sma(2)", "--output",
                "/tmp/quiver-test-out.csv");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).isEqualTo("quiver: /no/such/prices.csv: does not exist (nor does its directory /no/such)"
                + System.lineSeparator());
        String[] debug = run("--debug", "features", "--input", "/no/such/prices.csv", "--features", "sma(2)",
                "--output", "/tmp/quiver-test-out.csv");
        assertThat(debug[2]).contains("quiver: /no/such/prices.csv").contains("\tat dev.quiver.");
        String[] after = run("features", "--debug", "--input", "/no/such/prices.csv", "--features", "sma(2)",
                "--output", "/tmp/quiver-test-out.csv");
        assertThat(after[2]).contains("\tat dev.quiver.");
    }

    @Test
    void badOptionsSayWhichOptionAndValue() {
        String[] r = run("backtest", "--threads", "many", "--input", "x.csv", "--strategy", "sma_cross",
                "--output", "out");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("Invalid value for option '--threads': 'many' is not an int")
                .contains("Try 'quiver backtest --help'").doesNotContain("Usage:");
        String[] format = run("features", "--format", "xlsx", "--features", "sma(2)", "--input", "a.csv",
                "--output", "b.xlsx");
        assertThat(format[2]).contains("unknown format 'xlsx'").contains("parquet");
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
        String[] help = run("backtest", "--help");
        assertThat(help[1]).contains("Default: next_open").contains("Default: 100000").contains("--debug");
        String[] strategies = run("strategies");
        assertThat(strategies[0]).isEqualTo("0");
        assertThat(strategies[1]).contains("sma_cross(fast=10,slow=50,allow_short=false)")
                .contains("breakout(n=20,allow_short=false)")
                .contains("xs_momentum(lookback=126,skip=21,top=0.2,bottom=0.2,rebalance=21,gross=1")
                .containsPattern("slow +int +default 50").containsPattern("allow_short +boolean +default false");
    }
}
