package dev.quiver.backtest.strategy;

import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.backtest.engine.PositionSizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The built-in example strategies, by name, and the parser of their spec text ({@code sma_cross(10,50)},
 * {@code rsi_reversion(n=14,low=30,high=70)}, {@code breakout(20)}):
 *
 * <table>
 *   <caption>Built-in strategies</caption>
 *   <tr><th>name</th><th>parameters (defaults)</th><th>rule</th></tr>
 *   <tr><td>{@code sma_cross}</td><td>{@code fast} (10), {@code slow} (50)</td>
 *       <td>long when sma(fast) crosses above sma(slow), flat when it crosses below ({@link SmaCross})</td></tr>
 *   <tr><td>{@code rsi_reversion}</td><td>{@code n} (14), {@code low} (30), {@code high} (70)</td>
 *       <td>long when rsi(n) closes below low, flat when above high ({@link RsiReversion})</td></tr>
 *   <tr><td>{@code breakout}</td><td>{@code n} (20)</td>
 *       <td>long on a close above the prior n-bar high, flat on a close below the prior n-bar low
 *       ({@link Breakout})</td></tr>
 *   <tr><td>{@code xs_momentum}</td><td>{@code lookback} (126), {@code skip} (21), {@code top} (0.2),
 *       {@code bottom} (0.2), {@code rebalance} (21), {@code gross} (1)</td>
 *       <td>cross-sectional momentum, rebalanced at the end of a timestamp ({@link XsMomentum})</td></tr>
 * </table>
 *
 * The first three take {@code allow_short} (false): true goes short where the long-only rule goes flat. They enter
 * with the quantity of a {@link PositionSizer}; by default all of the equity split across the symbols
 * ({@link PositionSizer#percentOfEquity percentOfEquity(1)}). {@code xs_momentum} sizes by its own weights.
 *
 * <p>Thread-safety: stateless; safe from any thread. The {@link StrategyRun}s it makes create a fresh strategy (and
 * sizer) per call of their factory.
 */
public final class Strategies {

    /** One built-in strategy: its name, parameters and how to make it. */
    private record Definition(String name, String description, List<ParamSpec> params, Maker maker) {
    }

    @FunctionalInterface
    private interface Maker {
        Strategy make(Params params, PositionSizer sizer);
    }

    private static final String SHORT = "allow_short";
    private static final ParamSpec ALLOW_SHORT = ParamSpec.ofBoolean(SHORT, false,
            "go short where the long-only rule goes flat (long-short)");
    private static final Map<String, Definition> DEFINITIONS = definitions();

    private Strategies() {
    }

    private static Map<String, Definition> definitions() {
        Map<String, Definition> d = new LinkedHashMap<>();
        d.put("sma_cross", new Definition("sma_cross",
                "long when sma(fast) crosses above sma(slow), flat (short with allow_short) when it crosses below",
                List.of(ParamSpec.ofInt("fast", 10, 1, 100_000, "fast SMA length in bars"),
                        ParamSpec.ofInt("slow", 50, 2, 100_000, "slow SMA length in bars"), ALLOW_SHORT),
                (p, sizer) -> new SmaCross(p.getInt("fast"), p.getInt("slow"), sizer, p.getBoolean(SHORT))));
        d.put("rsi_reversion", new Definition("rsi_reversion",
                "long when rsi(n) closes below low, flat (short with allow_short) when it closes above high",
                List.of(ParamSpec.ofInt("n", 14, 1, 100_000, "RSI length in bars"),
                        ParamSpec.ofDouble("low", 30, 0, 100, "oversold level: enter below it"),
                        ParamSpec.ofDouble("high", 70, 0, 100, "overbought level: exit above it"), ALLOW_SHORT),
                (p, sizer) -> new RsiReversion(p.getInt("n"), p.getDouble("low"), p.getDouble("high"), sizer,
                        p.getBoolean(SHORT))));
        d.put("breakout", new Definition("breakout",
                "Donchian breakout: long on a close above the prior n-bar high, flat (short with allow_short) below"
                        + " the prior n-bar low",
                List.of(ParamSpec.ofInt("n", 20, 1, 100_000, "channel length in bars"), ALLOW_SHORT),
                (p, sizer) -> new Breakout(p.getInt("n"), sizer, p.getBoolean(SHORT))));
        d.put("xs_momentum", new Definition("xs_momentum",
                "cross-sectional momentum: every rebalance bars, long the top fraction and short the bottom fraction"
                        + " by return over lookback bars skipping the last skip, equal weight, gross exposure gross",
                List.of(ParamSpec.ofInt("lookback", 126, 1, 100_000, "return window in bars"),
                        ParamSpec.ofInt("skip", 21, 0, 100_000, "most recent bars left out of the return"),
                        ParamSpec.ofDouble("top", 0.2, 0, 1, "fraction of ranked symbols held long"),
                        ParamSpec.ofDouble("bottom", 0.2, 0, 1, "fraction of ranked symbols held short"),
                        ParamSpec.ofInt("rebalance", 21, 1, 100_000, "bars between rebalances"),
                        ParamSpec.ofDouble("gross", 1, 0, 100, "gross exposure, a multiple of equity")),
                (p, sizer) -> new XsMomentum(p.getInt("lookback"), p.getInt("skip"), p.getDouble("top"),
                        p.getDouble("bottom"), p.getInt("rebalance"), p.getDouble("gross"))));
        return Map.copyOf(d);
    }

    /** The names of the built-in strategies, sorted. */
    public static List<String> names() {
        return DEFINITIONS.keySet().stream().sorted().toList();
    }

    /**
     * A strategy's parameter declarations, in positional order.
     *
     * @throws IllegalArgumentException if there is no such strategy
     */
    public static List<ParamSpec> params(String name) {
        return definition(name).params();
    }

    /**
     * A strategy's one-line description.
     *
     * @throws IllegalArgumentException if there is no such strategy
     */
    public static String description(String name) {
        return definition(name).description();
    }

    /**
     * Parses spec text into a run that enters with all of the equity.
     *
     * @throws IllegalArgumentException quoting the spec and saying what is wrong: syntax, an unknown strategy (the
     *     message lists the built-in ones), an unknown parameter, or a value out of range
     */
    public static StrategyRun parse(String spec) {
        return parse(spec, () -> PositionSizer.percentOfEquity(1));
    }

    /**
     * Parses spec text into a run whose strategies enter with the sizer the factory makes (one per run).
     *
     * @throws IllegalArgumentException quoting the spec and saying what is wrong
     */
    public static StrategyRun parse(String spec, Supplier<? extends PositionSizer> sizer) {
        Objects.requireNonNull(spec, "spec");
        String text = spec.strip();
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).strip().toLowerCase(Locale.ROOT);
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        if (open >= 0) {
            if (!text.endsWith(")")) {
                throw new IllegalArgumentException("strategy spec '" + spec + "': missing ')' at the end");
            }
            String inner = text.substring(open + 1, text.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String arg : inner.split(",", -1)) {
                    String a = arg.strip();
                    if (a.isEmpty()) {
                        throw new IllegalArgumentException("strategy spec '" + spec + "': an empty argument");
                    }
                    int eq = a.indexOf('=');
                    if (eq < 0) {
                        if (!named.isEmpty()) {
                            throw new IllegalArgumentException("strategy spec '" + spec + "': positional argument '"
                                    + a + "' after a named one");
                        }
                        positional.add(a);
                    } else if (named.putIfAbsent(a.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                            a.substring(eq + 1).strip()) != null) {
                        throw new IllegalArgumentException("strategy spec '" + spec + "': parameter '"
                                + a.substring(0, eq).strip() + "' is given twice");
                    }
                }
            }
        }
        Definition d = definitionOrNull(name);
        if (d == null) {
            throw new IllegalArgumentException("strategy spec '" + spec + "': " + unknown(name));
        }
        Params params;
        try {
            params = Params.bind(d.params(), positional, named);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("strategy spec '" + spec + "': " + e.getMessage(), e);
        }
        return run(name, params, sizer);
    }

    /**
     * A run of a named strategy with bound parameters; its label is {@code name(canonical params)}.
     *
     * @throws IllegalArgumentException if there is no such strategy, or the parameters do not fit it (checked now,
     *     by making one instance, so a bad combination such as {@code fast >= slow} fails here, not in a sweep)
     */
    public static StrategyRun run(String name, Params params, Supplier<? extends PositionSizer> sizer) {
        Definition d = definition(name);
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(sizer, "sizer");
        if (!params.specs().equals(d.params())) {
            throw new IllegalArgumentException("parameters " + params + " are not those of strategy '" + name + "'");
        }
        String label = d.name() + "(" + label(params) + ")";
        try {
            d.maker().make(params, PositionSizer.fixed(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
        return new StrategyRun(label, params, () -> d.maker().make(params, sizer.get()));
    }

    /**
     * The canonical values in declaration order, except {@code allow_short}: left out while false (so long-only runs
     * keep their labels), {@code allow_short=true} otherwise; the label parses back to the same run.
     */
    private static String label(Params params) {
        List<String> parts = new ArrayList<>();
        for (ParamSpec spec : params.specs()) {
            Object v = params.asMap().get(spec.name());
            if (spec.name().equals(SHORT)) {
                if (Boolean.TRUE.equals(v)) {
                    parts.add(SHORT + "=true");
                }
            } else if (v instanceof Double x && x == Math.rint(x) && Math.abs(x) < 1e15) {
                parts.add(Long.toString(x.longValue()));
            } else {
                parts.add(String.valueOf(v));
            }
        }
        return String.join(",", parts);
    }

    /**
     * Binds parameter values given by name (as text) to a strategy's declarations; missing ones take defaults.
     *
     * @throws IllegalArgumentException if there is no such strategy or a value does not fit
     */
    public static Params bind(String name, Map<String, String> values) {
        return Params.bind(definition(name).params(), values);
    }

    private static Definition definition(String name) {
        Definition d = definitionOrNull(Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new IllegalArgumentException(unknown(name));
        }
        return d;
    }

    private static Definition definitionOrNull(String name) {
        return DEFINITIONS.get(name);
    }

    private static String unknown(String name) {
        return "unknown strategy '" + name + "'; the built-in strategies are " + String.join(", ", names());
    }
}
