package dev.quiver.bench.report;

import dev.quiver.bench.report.Goal.Criterion;
import dev.quiver.bench.report.Goal.Selector;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The performance goals of the project's performance issue, as data: a result the run lacks leaves its goal "not
 * measured" rather than failing the report. Edit this table, not the evaluator, when a goal or a benchmark's name
 * changes ({@code BenchmarkSuiteTest} runs the suite's benchmarks and checks each goal here finds its results).
 *
 * <p>Thread-safety: constants only.
 */
final class GoalTable {
    private GoalTable() {
    }

    /** The six indicators the headline names. */
    static final Set<String> HEADLINE_SPECS = Set.of("sma", "ema", "rsi", "macd", "bbands", "atr");

    private static final String ALL = "features.AllIndicatorsBenchmark";

    /** The goals, in report order. */
    static final List<Goal> GOALS = List.of(
            new Goal("indicators-vs-talib", "indicator vs TA-Lib",
                    "Each indicator at least as fast as TA-Lib (scalar kernel vs TA-Lib Java)",
                    new Selector(ALL, Set.of("scalar"), Map.of(), Set.of()),
                    List.of(Criterion.speedup(1.0, "TA-Lib", Set.of("taLib"), Map.of())), false),
            new Goal("headline-six", "indicator vs TA-Lib",
                    "SMA, EMA, RSI, MACD, BBANDS, ATR: at least 2x TA-Lib or 80% of the copy ceiling"
                    + " (Quiver's faster of scalar and vector)",
                    new Selector(ALL, Set.of("scalar", "vector"), Map.of("spec", HEADLINE_SPECS),
                            Set.of(Selector.METHOD)),
                    List.of(Criterion.speedup(2.0, "TA-Lib", Set.of("taLib"), Map.of()),
                            // copy ignores spec: one copy row serves every indicator
                            Criterion.speedup(0.8, "the copy ceiling", Set.of("copy"), Map.of("spec", "*"))),
                    true),
            new Goal("plan-vs-kernels", "feature plan vs kernels",
                    "FeatureEngine.compute within 1.2x of the kernels into preallocated columns (one thread)",
                    new Selector("features.PublicPathBenchmark", Set.of("plan"), Map.of("threads", Set.of("1")),
                            Set.of()),
                    List.of(Criterion.speedup(1 / 1.2, "the kernels into preallocated columns", Set.of("kernels"),
                            Map.of())), true),
            new Goal("plan-two-threads", "feature plan, 2 threads vs 1",
                    "The feature plan on 2 threads at least 1.7x as fast as on 1",
                    new Selector("features.FeatureSetBenchmark", Set.of("featureSet"), Map.of("threads", Set.of("2")),
                            Set.of()),
                    List.of(Criterion.speedup(1.7, "1 thread", Set.of("featureSet"), Map.of("threads", "1"))), true),
            new Goal("feature-set-time", "feature set",
                    "The 32-spec feature set over 4,000 × 1,260 in at most 0.5 s (on the faster thread count)",
                    new Selector("features.FeatureSetBenchmark", Set.of("featureSet"), Map.of(), Set.of("threads")),
                    List.of(Criterion.timeAtMost(0.5)), true),
            new Goal("backtest-bar-steps", "backtest",
                    "Backtests at least 50 M bar-steps/s",
                    new Selector("backtest.SmaCrossBenchmark", Set.of("eventEngine", "vectorised", "signalBacktest"),
                            Map.of(), Set.of()),
                    List.of(Criterion.rateAtLeast(50e6, "bar-steps", List.of())), true),
            new Goal("vectorised-vs-bare-loop", "vectorised backtest vs a bare loop",
                    "The vectorised backtest within 2x of a bare loop computing the same positions and equity",
                    new Selector("backtest.SmaCrossBenchmark", Set.of("vectorised"), Map.of(), Set.of()),
                    List.of(Criterion.speedup(0.5, "the bare loop", Set.of("bareLoop"), Map.of())), false),
            new Goal("panel-bar-steps", "panel backtest",
                    "Backtests of a 4,000-symbol panel, one run per symbol, at least 50 M bar-steps/s (on the faster"
                    + " thread count)",
                    new Selector("backtest.PanelBenchmark", Set.of("eventEngine", "eventEngineWhole", "vectorised",
                            "vectorisedWhole"), Map.of(), Set.of("threads")),
                    List.of(Criterion.rateAtLeast(50e6, "bar-steps", List.of())), true),
            new Goal("sweep-bar-steps", "parameter sweep",
                    "Parameter sweeps at least 50 M bar-steps/s (fasts × slows × bars per sweep)",
                    new Selector("backtest.SweepBenchmark", Set.of("eventSweep", "vectorisedSweep"), Map.of(),
                            Set.of()),
                    List.of(Criterion.rateAtLeast(50e6, "bar-steps", List.of("fasts", "slows", "bars"))), false),
            new Goal("xs-rank-zscore", "cross-sectional rank + z-score",
                    "Cross-sectional rank + z-score of 4,000 × 1,260 in at most 60 ms (on the"
                    + " faster thread count)",
                    new Selector("crosssection.CrossSectionBenchmark", Set.of("plan"),
                            Map.of("features", Set.of("rank+zscore")), Set.of("threads")),
                    List.of(Criterion.timeAtMost(0.060)), true));
}
