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
        // every goal is judged but the one whose peer no benchmark measures yet
        String goals = md.substring(md.indexOf("## Goals"), md.indexOf("\n### "));
        assertThat(goals.lines().filter(l -> l.contains("| not measured"))).singleElement().asString()
                .startsWith("| FeatureEngine.compute within 1.2x of the kernels");
        // every benchmark of the profile produced a result: 6 specs × 4 methods, 4 vector specs, 2 + 2 + 5 + 4
        String json = Files.readString(dir.resolve("results.json"));
        assertThat(json.split("\"benchmark\" :", -1)).hasSize(24 + 4 + 2 + 2 + 5 + 4 + 1);
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
