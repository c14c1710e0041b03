package dev.quiver.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke run: the quick profile's benchmarks (the ones the goals judge, with their peers) through JMH's
 * generated harness, once each, unforked, on the smallest inputs, then through the report. It fails when a benchmark
 * no longer starts or runs, when a profile step matches no benchmark (a class or method renamed), or when a goal no
 * longer finds its results. About ten seconds; the whole suite's smoke ({@code sdk-bench/run --smoke}) is left out
 * of CI because the I/O, store and portfolio benchmarks build fixed-size fixtures (minutes).
 */
class BenchmarkSuiteTest {
    @TempDir
    Path dir;

    @Test
    void theQuickProfilesBenchmarksRunAndEveryGoalFindsItsResults() throws Exception {
        // another JMH on the machine (a developer's run) must not fail the build
        System.setProperty("jmh.ignoreLock", "true");
        for (SuiteProfile.Step step : SuiteProfile.QUICK.steps()) {
            assertThat(BenchmarkSuite.benchmarks(step, null)).as(step.include()).isNotEmpty();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Path> written;
        try (PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            written = BenchmarkSuite.run(SuiteProfile.QUICK.steps(), SuiteProfile.SMOKE.settings(),
                    SuiteProfile.SMOKE_PARAMS, null, dir, ps);
        }
        assertThat(written).startsWith(dir.resolve("results.json"), dir.resolve("machine.properties"),
                dir.resolve("report.md"));
        String md = Files.readString(dir.resolve("report.md"));
        // every goal is judged but those of benchmarks this branch may not have yet (PublicPathBenchmark,
        // PanelBenchmark): a goal whose benchmarks ran and still is not measured names a result no benchmark gives
        String json = Files.readString(dir.resolve("results.json"));
        String goals = md.substring(md.indexOf("## Goals"), md.indexOf("\n### "));
        List<String> notMeasured = goals.lines().filter(l -> l.contains("| not measured")).toList();
        for (String l : notMeasured) {
            assertThat(l).as("a goal not measured although its benchmarks ran").satisfiesAnyOf(
                    g -> assertThat(g).startsWith("| FeatureEngine.compute within 1.2x")
                            .satisfies(x -> assertThat(json).doesNotContain("PublicPathBenchmark")),
                    g -> assertThat(g).startsWith("| Backtests of a 4,000-symbol panel")
                            .satisfies(x -> assertThat(json).doesNotContain("PanelBenchmark")));
        }
        long goalRows = goals.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| goal |")).count();
        // indicators, the headline six, 2 threads, backtests, sweeps, rank + z-score
        assertThat(goalRows - notMeasured.size()).isGreaterThanOrEqualTo(6);
        // every benchmark of the profile produced a result
        for (SuiteProfile.Step step : SuiteProfile.QUICK.steps()) {
            for (String name : BenchmarkSuite.benchmarks(step, null)) {
                assertThat(json).as(name).contains("\"benchmark\" : \"" + name + "\"");
            }
        }
        assertThat(Files.readString(dir.resolve("machine.properties"))).contains("cores=");
    }

    @Test
    void profilesAreNamedAndAnEmptyRunIsAnError() {
        assertThat(SuiteProfile.named("Quick")).isSameAs(SuiteProfile.QUICK);
        assertThatThrownBy(() -> SuiteProfile.named("fast")).hasMessage("unknown profile 'fast': smoke, quick or full");
        SuiteProfile.Step none = new SuiteProfile.Step("NoSuchBenchmark", List.of(), Map.of());
        assertThat(BenchmarkSuite.benchmarks(none, null)).isEmpty();
        assertThatThrownBy(() -> BenchmarkSuite.run(List.of(none), SuiteProfile.SMOKE.settings(), Map.of(), null, dir,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .hasMessage("no benchmark produced a result (steps run: [])");
        // only narrows each step
        SuiteProfile.Step sma = SuiteProfile.QUICK.steps().getFirst();
        assertThat(BenchmarkSuite.benchmarks(sma, "\\.copy$")).containsExactly(
                "dev.quiver.bench.features.AllIndicatorsBenchmark.copy");
    }
}
