package dev.quiver.bench.suite;

import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What {@code sdk-bench/run} runs: the benchmarks of each profile (as JMH include and exclude patterns, with
 * parameter values) and the iteration settings.
 * <ul>
 *   <li>{@link #SMOKE}: every benchmark once, on the smallest inputs ({@link #SMOKE_PARAMS}), in one JVM but for the
 *       peers of {@code AllIndicatorsBenchmark}, which fail for the operators their library lacks and so get a fork
 *       each: a check that every benchmark still starts and runs, not a measurement;</li>
 *   <li>{@link #QUICK}: the benchmarks the goals judge ({@code dev.quiver.bench.report.GoalTable}) and their peers, at
 *       the full input sizes, with one short fork each: a few minutes on two cores, ratios good to perhaps ±20 %;</li>
 *   <li>{@link #FULL}: everything at each class's own settings ({@code @Warmup}, {@code @Measurement},
 *       {@code @Fork}) and parameters: hours.</li>
 * </ul>
 *
 * <p>Immutable; safe from any thread.
 */
public enum SuiteProfile {
    /** Every benchmark once on tiny inputs, unforked. */
    SMOKE(new Settings(0, 0, 1, TimeValue.milliseconds(100), TimeValue.milliseconds(100)), List.of(
            new Step(".*", List.of(AllIndicatorsPeers.PATTERN), Map.of()),
            // JMH reuses a failed trial's state for the method's later trials in one JVM, so after the first
            // operator a peer lacks (by design) every later one would fail too: these get a fork per trial
            new Step(AllIndicatorsPeers.PATTERN, List.of(), Map.of(), 1))),
    /** The goals' benchmarks and peers, one short fork each. */
    QUICK(new Settings(1, 1, 2, TimeValue.milliseconds(500), TimeValue.milliseconds(500)), List.of(
            // the headline six, and corr and beta: the indicators last measured below TA-Lib, so that "each
            // indicator" is not judged on the fast ones only
            new Step("features\\.AllIndicatorsBenchmark\\.(scalar|taLib|ta4j|copy)$", List.of(),
                    Map.of("spec", concat(headline(), List.of("corr", "beta")))),
            // the vector provider has four of the six: the other two would fail, after a fork and a setup each
            new Step("features\\.AllIndicatorsBenchmark\\.vector$", List.of(),
                    Map.of("spec", List.of("sma", "ema", "rsi", "atr"))),
            // the public path against the kernels into preallocated columns, the six as one plan (spec and threads
            // are PublicPathBenchmark's)
            new Step("features\\.PublicPathBenchmark\\.(plan|kernels)$", List.of(), Map.of("spec", List.of("six"))),
            // the 32-spec set on 1 and 2 threads: an operation takes seconds until C2 has compiled its thirty-odd
            // kernels (7 s for the first, 2.3 s for the next few, then 0.7 s on this machine kind), which takes about
            // 20 s of running, so it gets that long a warm-up instead of the profile's half second
            new Step("features\\.FeatureSetBenchmark\\.", List.of(), Map.of(), -1,
                    new Settings(-1, 6, 3, TimeValue.seconds(3), TimeValue.seconds(2))),
            new Step("crosssection\\.CrossSectionBenchmark\\.", List.of(),
                    Map.of("features", List.of("rank+zscore"))),
            // threads is PanelBenchmark's (SmaCrossBenchmark has none): its 4,000 symbols on both cores
            new Step("backtest\\.(SmaCrossBenchmark\\.|PanelBenchmark\\.(eventEngine|vectorised)$)", List.of(),
                    Map.of("threads", List.of("2"))),
            // a quarter of the sweep (50 × 50 combinations): the goal's bar-steps/s counts the combinations
            new Step("backtest\\.SweepBenchmark\\.", List.of(),
                    Map.of("fasts", List.of("50"), "slows", List.of("50"))))),
    /** Everything, at the classes' own settings. */
    FULL(new Settings(-1, -1, -1, null, null), List.of(new Step(".*", List.of(), Map.of())));

    /**
     * The smallest inputs every benchmark still runs on, by parameter name (JMH applies a value to every benchmark
     * with that parameter and ignores it elsewhere): 8 series of 300 rows or days, 2 ta4j series, a 400-bar sweep of
     * 2 × 2 combinations, 300-row tables.
     */
    public static final Map<String, List<String>> SMOKE_PARAMS = smokeParams();

    private final Settings settings;
    private final List<Step> steps;

    SuiteProfile(Settings settings, List<Step> steps) {
        this.settings = settings;
        this.steps = steps;
    }

    /**
     * JMH's iteration settings; a negative count or a null time keeps the benchmark class's own.
     *
     * <p>Immutable.
     *
     * @param forks       forks per benchmark (0: in the running JVM)
     * @param warmups     warm-up iterations
     * @param iterations  measurement iterations
     * @param warmup      time per warm-up iteration
     * @param measurement time per measurement iteration
     */
    public record Settings(int forks, int warmups, int iterations, TimeValue warmup, TimeValue measurement) {
    }

    /**
     * One JMH run of a profile: the benchmarks whose names match {@code include} (a regular expression JMH finds in
     * {@code dev.quiver.bench...Class.method}) and none of {@code exclude}, with these parameter values (the others
     * keep the class's {@code @Param} values).
     *
     * <p>Immutable.
     *
     * @param include the pattern
     * @param exclude patterns to leave out
     * @param params  parameter values by name
     * @param forks   forks per benchmark for this step, or -1 for the profile's
     * @param own     this step's iteration settings, each value (a count of 0 or more, a time) in place of the
     *                profile's; {@code null} for the profile's
     */
    public record Step(String include, List<String> exclude, Map<String, List<String>> params, int forks,
            Settings own) {
        /** A step with the profile's forks. */
        public Step(String include, List<String> exclude, Map<String, List<String>> params) {
            this(include, exclude, params, -1);
        }

        /** A step with the profile's iteration settings. */
        public Step(String include, List<String> exclude, Map<String, List<String>> params, int forks) {
            this(include, exclude, params, forks, null);
        }

        /** The settings this step runs with: its own where it has them, the profile's {@code base} elsewhere. */
        public Settings settings(Settings base) {
            Settings o = own == null ? new Settings(-1, -1, -1, null, null) : own; // null: nothing of its own
            return new Settings(forks >= 0 ? forks : o.forks() >= 0 ? o.forks() : base.forks(),
                    o.warmups() >= 0 ? o.warmups() : base.warmups(),
                    o.iterations() >= 0 ? o.iterations() : base.iterations(),
                    o.warmup() != null ? o.warmup() : base.warmup(),
                    o.measurement() != null ? o.measurement() : base.measurement());
        }
    }

    /**
     * The methods of {@code AllIndicatorsBenchmark} that fail, by design, for the operators their library lacks (in a
     * holder: an enum's constants cannot read the enum's own static fields).
     */
    private static final class AllIndicatorsPeers {
        static final String PATTERN = "features\\.AllIndicatorsBenchmark\\.(taLib|vector|ta4j)$";
    }

    /** The profile's iteration settings. */
    public Settings settings() {
        return settings;
    }

    /** The profile's runs, in order. */
    public List<Step> steps() {
        return steps;
    }

    /** The profile named {@code name} ({@code smoke}, {@code quick}, {@code full}; any case). */
    public static SuiteProfile named(String name) {
        for (SuiteProfile p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "': smoke, quick or full");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> headline() {
        return List.of("sma", "ema", "rsi", "macd", "bbands", "atr");
    }

    private static Map<String, List<String>> smokeParams() {
        return Map.of("rows", List.of("300"), "symbols", List.of("8"), "days", List.of("300"),
                "ta4jSymbols", List.of("2"), "bars", List.of("400"), "fasts", List.of("2"), "slows", List.of("2"));
    }
}
