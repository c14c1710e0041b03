package dev.quiver.backtest.sweep;

import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.strategy.Strategies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The runs of a sweep: built-in strategies (spec text such as {@code sma_cross(10,50)}) times a {@link ParamGrid}.
 * Each grid axis applies to the strategies that have a parameter of its name and overrides the value in the spec;
 * combinations a strategy rejects (such as {@code fast >= slow}) are left out and listed in {@link #skipped()}.
 *
 * <p>Thread-safety: immutable.
 */
public final class SweepPlan {

    /**
     * A combination left out of the sweep.
     *
     * @param label the run's label
     * @param reason why its strategy rejected it
     */
    public record Skipped(String label, String reason) {
    }

    private final List<StrategyRun> runs;
    private final List<Skipped> skipped;

    private SweepPlan(List<StrategyRun> runs, List<Skipped> skipped) {
        this.runs = List.copyOf(runs);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * The plan of these strategies over this grid, each run's strategy entering with a sizer from {@code sizer}.
     *
     * @throws IllegalArgumentException if a spec does not parse, a grid axis names a parameter no strategy has, or
     *     no combination is valid
     */
    public static SweepPlan of(List<String> strategySpecs, ParamGrid grid, Supplier<? extends PositionSizer> sizer) {
        Objects.requireNonNull(sizer, "sizer");
        List<StrategyRun> runs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Combination c : combinations(strategySpecs, grid)) {
            try {
                runs.add(Strategies.run(c.strategy(), Strategies.bind(c.strategy(), c.values()), sizer));
            } catch (IllegalArgumentException e) {
                skipped.add(new Skipped(c.strategy() + c.values().values(), e.getMessage()));
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no valid parameter combination: " + (skipped.isEmpty() ? ""
                    : skipped.get(0).label() + ": " + skipped.get(0).reason()));
        }
        return new SweepPlan(runs, skipped);
    }

    /**
     * One combination of a sweep, before its strategy has checked it.
     *
     * @param strategy the strategy's name
     * @param values every parameter of the strategy as text, in declaration order: the spec's values with the grid's
     *     axes laid over them
     */
    public record Combination(String strategy, Map<String, String> values) {
        /** Checks and copies the parts, keeping the order of the values. */
        public Combination {
            Objects.requireNonNull(strategy, "strategy");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * The combinations of these strategies over this grid, in run order (strategies as given, then grid combinations,
     * first axis slowest): each grid axis applies to the strategies that have a parameter of its name. What
     * {@link #of} binds into runs and {@code sdk-spark}'s sweep hands to its tasks.
     *
     * @throws IllegalArgumentException if there is no strategy, a spec does not parse or a grid axis names a
     *     parameter no strategy has
     */
    public static List<Combination> combinations(List<String> strategySpecs, ParamGrid grid) {
        Objects.requireNonNull(grid, "grid");
        if (strategySpecs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one strategy");
        }
        List<Combination> combinations = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String spec : strategySpecs) {
            StrategyRun base = Strategies.parse(spec);
            String name = base.label().substring(0, base.label().indexOf('('));
            List<String> names = new ArrayList<>();
            for (ParamSpec p : Strategies.params(name)) {
                names.add(p.name());
            }
            ParamGrid applicable = grid.restrictedTo(names);
            used.addAll(applicable.axes().keySet());
            for (Map<String, String> combination : applicable.combinations()) {
                Map<String, String> values = new LinkedHashMap<>();
                base.params().asMap().forEach((k, v) -> values.put(k, String.valueOf(v)));
                values.putAll(combination);
                combinations.add(new Combination(name, values));
            }
        }
        Set<String> unused = new java.util.TreeSet<>(grid.axes().keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("parameter grid axes " + unused + " match no parameter of "
                    + strategySpecs);
        }
        return combinations;
    }

    /** The runs, in order: strategies as given, then grid combinations (first axis slowest). */
    public List<StrategyRun> runs() {
        return runs;
    }

    /** The combinations left out, with the reason. */
    public List<Skipped> skipped() {
        return skipped;
    }
}
