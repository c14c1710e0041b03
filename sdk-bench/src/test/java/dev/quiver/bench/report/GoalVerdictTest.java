package dev.quiver.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.bench.report.GoalVerdict.Row;
import dev.quiver.bench.report.GoalVerdict.Status;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's goals judged against a fixture whose scores put each goal on a known verdict (see its README). */
class GoalVerdictTest {
    private static Map<String, GoalVerdict> verdicts;

    static Path fixture() throws URISyntaxException {
        return Path.of(GoalVerdictTest.class.getResource("/report/goals-result.json").toURI());
    }

    @BeforeAll
    static void judge() throws Exception {
        verdicts = GoalVerdict.evaluate(GoalTable.GOALS, JmhResultReader.read(fixture())).stream()
                .collect(Collectors.toMap(v -> v.goal().id(), v -> v));
        assertThat(verdicts).hasSameSizeAs(GoalTable.GOALS);
    }

    private static Map<String, Row> rows(String goal) {
        return verdicts.get(goal).rows().stream().collect(Collectors.toMap(Row::label, r -> r));
    }

    @Test
    void eachIndicatorAgainstTaLibIsARowAndOneWithoutTaLibIsNotMeasured() {
        GoalVerdict v = verdicts.get("indicators-vs-talib");
        assertThat(v.rows()).extracting(Row::label).containsExactly("spec=sma", "spec=ema", "spec=hma", "spec=rsi");
        Map<String, Row> rows = rows("indicators-vs-talib");
        assertThat(rows.get("spec=sma").status()).isEqualTo(Status.MET);
        assertThat(rows.get("spec=sma").ratio()).isCloseTo(100.0 / 80, within(1e-12));
        assertThat(rows.get("spec=ema").status()).isEqualTo(Status.NOT_MET);
        assertThat(rows.get("spec=ema").ratio()).isCloseTo(70.0 / 80, within(1e-12));
        // exactly at the threshold meets it
        assertThat(rows.get("spec=rsi").status()).isEqualTo(Status.MET);
        assertThat(rows.get("spec=hma").status()).isEqualTo(Status.NOT_MEASURED);
        assertThat(rows.get("spec=hma").measured()).contains("TA-Lib");
        assertThat(v.status()).isEqualTo(Status.NOT_MET);
        assertThat(v.worst().label()).isEqualTo("spec=ema");
    }

    @Test
    void theHeadlineTakesQuiversFasterPathAndEitherCriterion() {
        Map<String, Row> rows = rows("headline-six");
        // hma is not one of the six
        assertThat(rows).containsOnlyKeys("spec=sma", "spec=ema", "spec=rsi");
        Row sma = rows.get("spec=sma");
        assertThat(sma.status()).isEqualTo(Status.MET);
        assertThat(sma.ratio()).isCloseTo(170.0 / 80, within(1e-12));
        assertThat(sma.measured()).startsWith("Quiver vector ").contains("vs TA-Lib");
        // ema misses both: 0.875x TA-Lib (of 2x) is nearer than 17.5% of the copy (of 80%)
        Row ema = rows.get("spec=ema");
        assertThat(ema.status()).isEqualTo(Status.NOT_MET);
        assertThat(ema.target()).isEqualTo("≥ 2.00x TA-Lib");
        assertThat(ema.margin()).isCloseTo(70.0 / 80 / 2, within(1e-12));
        assertThat(verdicts.get("headline-six").status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void theCopyCeilingMeetsTheHeadlineWhenTaLibIsNotBeatenTwice() throws Exception {
        // sma at 340 ops/s against a copy at 400: 85% of the ceiling, though only 1.06x a TA-Lib at 320
        List<JmhResult> results = JmhResultReader.read(fixture()).stream().map(r -> !r.params().getOrDefault("spec",
                "").equals("sma") ? r : scaled(r, r.method().equals("vector") ? 2 : r.method().equals("taLib") ? 4
                : 1)).toList();
        Row sma = GoalVerdict.evaluate(GoalTable.GOALS, results).stream()
                .filter(v -> v.goal().id().equals("headline-six")).findFirst().orElseThrow().rows().getFirst();
        assertThat(sma.status()).isEqualTo(Status.MET);
        assertThat(sma.target()).isEqualTo("≥ 0.800x the copy ceiling");
        assertThat(sma.ratio()).isCloseTo(340.0 / 400, within(1e-12));
    }

    private static JmhResult scaled(JmhResult r, double factor) {
        JmhResult.Metric p = r.primary();
        Map<String, JmhResult.Metric> secondary = r.secondary().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> new JmhResult.Metric(e.getValue().score() * factor, Double.NaN,
                        e.getValue().unit())));
        return new JmhResult(r.file(), r.benchmark(), r.mode(), r.params(),
                new JmhResult.Metric(p.score() * factor, Double.NaN, p.unit()), secondary, r.jdkVersion(), r.vm(),
                r.jvm(), r.threads(), r.forks());
    }

    @Test
    void twoThreadsAgainstOneComparesThePlanWithItself() {
        GoalVerdict v = verdicts.get("plan-two-threads");
        assertThat(v.status()).isEqualTo(Status.MET);
        assertThat(v.rows()).singleElement().satisfies(r -> {
            assertThat(r.ratio()).isCloseTo(0.72 / 0.4, within(1e-12));
            assertThat(r.measured()).contains("2 threads").contains("vs 1 thread");
        });
    }

    @Test
    void theFeatureSetIsTimedOnItsFasterThreadCount() {
        GoalVerdict v = verdicts.get("feature-set-time");
        assertThat(v.status()).isEqualTo(Status.NOT_MET);
        assertThat(v.rows()).singleElement().satisfies(r -> {
            assertThat(r.ratio()).isCloseTo(0.5 * 0.72, within(1e-12));
            assertThat(r.measured()).startsWith("featureSet, 2 threads");
            assertThat(r.target()).isEqualTo("≤ 500 ms");
        });
    }

    @Test
    void absoluteRatesAndTimesAreJudgedPerMethodOrOnTheFasterThreadCount() {
        Map<String, Row> backtests = rows("backtest-bar-steps");
        assertThat(backtests).containsOnlyKeys("eventEngine", "vectorised");
        assertThat(backtests.get("eventEngine").status()).isEqualTo(Status.MET);
        assertThat(backtests.get("eventEngine").ratio()).isCloseTo(60e6 / 50e6, within(1e-12));
        assertThat(backtests.get("eventEngine").measured()).isEqualTo("eventEngine 60.0 M bar-steps/s");
        assertThat(backtests.get("vectorised").status()).isEqualTo(Status.NOT_MET);
        assertThat(verdicts.get("backtest-bar-steps").status()).isEqualTo(Status.NOT_MET);

        GoalVerdict xs = verdicts.get("xs-rank-zscore");
        assertThat(xs.status()).isEqualTo(Status.MET);
        assertThat(xs.rows()).singleElement().satisfies(r -> {
            assertThat(r.ratio()).isCloseTo(60.0 / 50, within(1e-9));
            assertThat(r.measured()).isEqualTo("plan, 2 threads 50.0 ms");
            assertThat(r.target()).isEqualTo("≤ 60.0 ms");
        });
    }

    @Test
    void goalsWithoutTheirBenchmarksOrPeersAreNotMeasured() {
        GoalVerdict sweeps = verdicts.get("sweep-bar-steps");
        assertThat(sweeps.rows()).isEmpty();
        assertThat(sweeps.status()).isEqualTo(Status.NOT_MEASURED);
        assertThat(sweeps.worst()).isNull();
        assertThat(verdicts.get("plan-vs-kernels").status()).isEqualTo(Status.NOT_MEASURED);
    }

    private static JmhResult publicPath(String method, String threads, double ms) {
        return new JmhResult(Path.of("x.json"), "dev.quiver.bench.features.PublicPathBenchmark." + method, "avgt",
                Map.of("spec", "six", "threads", threads, "days", "1260", "symbols", "4000"),
                new JmhResult.Metric(ms, Double.NaN, "ms/op"), Map.of(), "25", "", "", 1, 1);
    }

    @Test
    void thePlanIsComparedWithTheKernelsOnOneThreadAndAMissingPeerIsNotMeasured() {
        List<JmhResult> run = List.of(publicPath("plan", "1", 11), publicPath("plan", "2", 7),
                publicPath("kernels", "1", 10), publicPath("kernels", "2", 10),
                // neither the plan nor its peer
                publicPath("planBuffers", "1", 10.5));
        GoalVerdict v = GoalVerdict.evaluate(GoalTable.GOALS, run).stream()
                .filter(g -> g.goal().id().equals("plan-vs-kernels")).findFirst().orElseThrow();
        assertThat(v.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.MET);
            assertThat(r.ratio()).isCloseTo(10.0 / 11, within(1e-12));
        });
        // the plan without its peer: a row, not measured
        GoalVerdict alone = GoalVerdict.evaluate(GoalTable.GOALS, List.of(publicPath("plan", "1", 11))).stream()
                .filter(g -> g.goal().id().equals("plan-vs-kernels")).findFirst().orElseThrow();
        assertThat(alone.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.NOT_MEASURED);
            assertThat(r.measured()).isEqualTo("no result of the kernels into preallocated columns in this run");
        });
        assertThat(alone.status()).isEqualTo(Status.NOT_MEASURED);
    }

    @Test
    void aSweepsRateIsItsCombinationsTimesBarsPerSecond() throws Exception {
        JmhResult sweep = new JmhResult(Path.of("x.json"), "dev.quiver.bench.backtest.SweepBenchmark.vectorisedSweep",
                "ss", Map.of("threads", "2", "fasts", "100", "slows", "100", "bars", "5000"),
                new JmhResult.Metric(800, Double.NaN, "ms/op"), Map.of(), "25", "", "", 1, 1);
        GoalVerdict v = GoalVerdict.evaluate(GoalTable.GOALS, List.of(sweep)).stream()
                .filter(g -> g.goal().id().equals("sweep-bar-steps")).findFirst().orElseThrow();
        // 10,000 runs × 5,000 bars in 0.8 s: 62.5 M bar-steps/s
        assertThat(v.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.MET);
            assertThat(r.ratio()).isCloseTo(62.5e6 / 50e6, within(1e-9));
        });
    }
}
