package dev.quiver.features;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.PlanExecutor;
import dev.quiver.api.param.Params;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.provider.ProviderInfo;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.features.execution.ColumnPool;
import dev.quiver.features.execution.CpuExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The features facade: resolves operators to kernels across the discovered {@link FeatureKernelProvider}s and
 * computes them over a {@link Panel} into an off-heap table.
 *
 * <pre>{@code
 * FeatureEngine engine = FeatureEngine.create();
 * try (Table features = engine.compute(panel, engine.kernels("sma(20)", "ema(high,10)", "rsi(14)"))) {
 *     Float64Column rsi = features.float64("rsi(14)");
 * }
 * }</pre>
 *
 * <h2>Resolution</h2>
 * Each operator is resolved on its own: the provider named by {@code quiver.features.provider} (or
 * {@code QUIVER_FEATURES_PROVIDER}) if it implements the operator; else the one pinned for that operator
 * ({@link Builder#provider(String, String)} or {@code -Dquiver.features.provider.<operator>=name}); else, where
 * several available providers compute it, the fastest on this machine as the engine's {@link KernelCosts} measured it
 * (once per operator, then remembered); else the only one. The scalar provider implements every built-in operator,
 * so resolution of those never fails.
 *
 * <h2>Computation</h2>
 * {@link #compute} runs its kernels as a one-stage {@link FeaturePlan} (the same code path as {@link #plan}): one
 * off-heap {@code FLOAT64} column per kernel output, borrowed from the engine's {@link ColumnPool}. Plans run on a
 * {@link PlanExecutor} chosen per run by the engine's {@link Device}: the {@link CpuExecutor} runs the time-series
 * kernels in parallel across groups of symbols and across kernels on the engine's {@link ForkJoinPool}, each task a
 * call of {@link FeatureKernel#computeSymbols} over one contiguous group, which SIMD kernels compute several series
 * at a time. Every task reads and writes only its group's rows, so the result is the same whatever the pool's
 * parallelism. Small panels, pools of parallelism 1, and inputs in thread-confined memory are computed on the
 * calling thread.
 *
 * <p>Thread-safety: immutable; every method may be called from any thread.
 */
public final class FeatureEngine {
    private static final String SPI = "features";
    private static final String EXECUTORS = "executors";
    private static final System.Logger LOG = System.getLogger(FeatureEngine.class.getName());

    private final ProviderDiscovery<FeatureKernelProvider> discovery;
    private final ProviderDiscovery<PlanExecutor> executors;
    private final PlanRunner runner;
    private final Map<String, OperatorDescriptor> operators;
    private final KernelCosts costs;
    private final Map<String, String> pinnedProviders;

    /** The prefix of the system properties that pin one operator's provider: {@code quiver.features.provider.rsi}. */
    public static final String OPERATOR_PROPERTY = "quiver.features.provider.";

    private FeatureEngine(ProviderDiscovery<FeatureKernelProvider> discovery, ProviderDiscovery<PlanExecutor> executors,
                          Device device, ForkJoinPool pool, ColumnPool memory, KernelCosts costs,
                          Map<String, String> pinnedProviders) {
        this.discovery = discovery;
        this.costs = costs;
        this.pinnedProviders = Map.copyOf(pinnedProviders);
        this.executors = executors;
        List<ProviderInfo> unavailable = new ArrayList<>();
        for (ProviderInfo info : executors.describe()) {
            if (!info.available()) {
                unavailable.add(info);
            }
        }
        this.runner = new PlanRunner(executors.available(), unavailable, device, pool, memory);
        Map<String, OperatorDescriptor> merged = new LinkedHashMap<>();
        for (FeatureKernelProvider p : discovery.available()) {
            List<OperatorDescriptor> listed;
            try {
                listed = p.operators();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "features: provider '" + p.name()
                        + "' failed to list its operators; ignoring it: " + e);
                continue;
            }
            for (OperatorDescriptor d : listed) {
                merged.putIfAbsent(d.name(), d);
            }
        }
        List<OperatorDescriptor> sorted = new ArrayList<>(merged.values());
        sorted.sort(Comparator.comparing(OperatorDescriptor::family).thenComparing(OperatorDescriptor::name));
        Map<String, OperatorDescriptor> ordered = new LinkedHashMap<>();
        for (OperatorDescriptor d : sorted) {
            ordered.put(d.name(), d);
        }
        this.operators = Collections.unmodifiableMap(ordered);
    }

    /**
     * An engine over the providers {@link java.util.ServiceLoader} finds, computing on the common pool. A
     * misconfigured explicit provider choice is reported when an operator is resolved, not here.
     */
    public static FeatureEngine create() {
        return builder().build();
    }

    /** An engine over these providers, computing on the common pool. */
    public static FeatureEngine of(ProviderDiscovery<FeatureKernelProvider> discovery) {
        return builder().discovery(discovery).build();
    }

    /** A builder, to choose the providers or the pool. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every operator the available providers compute, one descriptor per name (from the most preferred provider
     * listing it), sorted by family and then name: what {@code quiver features --list} prints.
     */
    public List<OperatorDescriptor> operators() {
        return List.copyOf(operators.values());
    }

    /** The named operator's descriptor, if an available provider computes it. */
    public Optional<OperatorDescriptor> operator(String name) {
        return Optional.ofNullable(operators.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** Every provider found, available or not, in preference order (for {@code quiver providers}). */
    public List<ProviderInfo> providers() {
        return discovery.describe();
    }

    /**
     * Every plan executor found, available or not, in preference order (for {@code quiver providers}); the
     * {@code cpu} executor is always among them.
     */
    public List<ProviderInfo> executors() {
        return executors.describe();
    }

    /** The device plans run on ({@link Builder#device}). */
    public Device device() {
        return runner.device();
    }

    /** The pool that output columns and temporaries are borrowed from ({@link Builder#memory}). */
    public ColumnPool memory() {
        return runner.memory();
    }

    /**
     * The provider that computes the named operator.
     *
     * @throws IllegalArgumentException if no available provider has the operator; the message lists those there are
     * @throws dev.quiver.api.provider.ProviderNotFoundException if the explicitly chosen provider is unknown or
     *     unavailable
     */
    public FeatureKernelProvider provider(String operatorName) {
        String op = operatorName.trim().toLowerCase(Locale.ROOT);
        if (!operators.containsKey(op)) {
            throw new IllegalArgumentException(unknownOperator(op));
        }
        if (discovery.explicitChoice().isPresent()) {
            return discovery.select(p -> p.supports(op), "operator '" + op + "'");
        }
        String pinned = pinned(op);
        if (pinned != null) {
            FeatureKernelProvider p = discovery.get(pinned);
            if (!p.supports(op)) {
                throw new IllegalArgumentException("provider '" + pinned + "', chosen for operator '" + op
                        + "' (" + OPERATOR_PROPERTY + op + " or FeatureEngine.Builder.provider), does not compute it");
            }
            return p;
        }
        List<FeatureKernelProvider> capable = new ArrayList<>();
        for (FeatureKernelProvider p : discovery.available()) {
            if (p.supports(op)) {
                capable.add(p);
            }
        }
        if (capable.size() <= 1) {
            return discovery.select(p -> p.supports(op), "operator '" + op + "'");
        }
        return costs.choose(op, capable);
    }

    /** The provider pinned for an operator by the builder or {@code quiver.features.provider.<op>}, or null. */
    private String pinned(String op) {
        String name = pinnedProviders.get(op);
        if (name == null) {
            name = System.getProperty(OPERATOR_PROPERTY + op);
        }
        return name == null || name.isBlank() ? null : name.trim();
    }

    /** The cost model that chooses between providers computing the same operator ({@link Builder#costs}). */
    public KernelCosts costs() {
        return costs;
    }

    /**
     * A kernel from a simple spec: {@code name(args)}, where the arguments are the input columns, if not the
     * defaults, followed by the parameter values in declaration order, or {@code key=value} pairs. For example
     * {@code sma(20)}, {@code ema(high,10)}, {@code rsi(n=14)}, {@code rsi} (all defaults). Input columns are given
     * all or none; they are taken to be given when there are more positional arguments than parameters, or when the
     * first one is a name that cannot be a value of the first parameter. A kernel reads columns of the panel:
     * nested expressions ({@code xs_rank(roc(5))}), output parts and labels need {@link #plan(List)}.
     *
     * @throws IllegalArgumentException quoting the spec and giving the character index of what is wrong: bad syntax,
     *     an unknown operator, a missing or extra argument, a value out of range, or a nested expression
     * @throws dev.quiver.api.provider.ProviderNotFoundException if the explicitly chosen provider is unknown or
     *     unavailable
     */
    public FeatureKernel kernel(String spec) {
        FeatureSpec s = FeatureSpec.parse(Objects.requireNonNull(spec, "spec"));
        if (s.label() != null || !s.call().simple()) {
            throw s.error("a nested expression, an output part or a label needs a plan: use "
                    + "FeatureEngine.plan(...), which computes inner expressions first", s.call().index());
        }
        return new SpecBinder(this).bind(s, s.call()).kernel();
    }

    /**
     * Compiles feature specs into a plan over any panel with their input columns. Specs are composable
     * expressions: {@code sma(20)} (over {@code close} by default), {@code ema(high, 10)}, {@code xs_rank(roc(5))},
     * {@code xs_zscore(rsi(14), ddof=1)}, {@code macd(12,26,9).signal} (one part of a multi-output operator),
     * {@code mom=roc(10)} (an output named {@code mom}). See {@link FeaturePlan} and {@code docs/features.md}.
     *
     * @throws IllegalArgumentException for the first spec that is wrong, quoting it with the index of the offending
     *     character: bad syntax, an unknown operator or part, a missing or extra argument, a value out of range; or
     *     if two specs give the same output column
     * @throws dev.quiver.api.provider.ProviderNotFoundException if the explicitly chosen provider is unknown or
     *     unavailable
     */
    public FeaturePlan plan(List<String> specs) {
        return FeaturePlan.compile(this, List.copyOf(specs), runner);
    }

    /**
     * Compiles feature specs into a plan; as {@link #plan(List)}.
     *
     * @throws IllegalArgumentException as {@link #plan(List)}
     */
    public FeaturePlan plan(String... specs) {
        return plan(List.of(specs));
    }

    /**
     * Splits a comma-separated list of specs at the commas outside parentheses, as the command line's
     * {@code --features} option is read: {@code "sma(20), macd(12,26,9)"} is {@code [sma(20), macd(12,26,9)]}.
     *
     * @throws IllegalArgumentException naming the index of an unbalanced parenthesis
     */
    public static List<String> splitSpecs(String list) {
        return FeatureSpec.splitList(Objects.requireNonNull(list, "list"));
    }

    /**
     * Kernels from specs, in order.
     *
     * @throws IllegalArgumentException as {@link #kernel(String)}, for the first spec that is wrong
     */
    public List<FeatureKernel> kernels(String... specs) {
        List<FeatureKernel> result = new ArrayList<>(specs.length);
        for (String spec : specs) {
            result.add(kernel(spec));
        }
        return List.copyOf(result);
    }

    /**
     * A kernel over the operator's default input columns.
     *
     * @param params values by parameter name ({@code Map.of("n", 20)}); missing ones take their defaults; values are
     *     converted with {@link String#valueOf(Object)} and checked against the declarations
     * @throws IllegalArgumentException naming the operator and what was wrong
     */
    public FeatureKernel kernel(String operatorName, Map<String, ?> params) {
        return kernel(operatorName, params, List.of());
    }

    /**
     * A kernel with parameter values by name and explicit input columns.
     *
     * @param params values by parameter name; missing ones take their defaults
     * @param inputs one column per input role, or an empty list for the defaults
     * @throws IllegalArgumentException naming the operator and what was wrong: unknown operator, unknown parameter,
     *     value out of range, or wrong number of inputs
     * @throws dev.quiver.api.provider.ProviderNotFoundException if the explicitly chosen provider is unknown or
     *     unavailable
     */
    public FeatureKernel kernel(String operatorName, Map<String, ?> params, List<String> inputs) {
        String op = operatorName.trim().toLowerCase(Locale.ROOT);
        FeatureKernelProvider provider = provider(op);
        OperatorDescriptor d = provider.operator(op).orElseThrow();
        Map<String, String> given = new LinkedHashMap<>();
        params.forEach((key, value) -> given.put(key, String.valueOf(value)));
        try {
            return provider.create(op, Params.bind(d.params(), given), inputs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("operator '" + op + "': " + e.getMessage(), e);
        }
    }

    /**
     * Computes kernels over a panel: a new off-heap table of the panel's row count holding, for each kernel in
     * order, its output columns (named by {@link FeatureKernel#outputs()}), and nothing else. Row {@code r} of the
     * result belongs to row {@code r} of the panel. Close the table to free its memory.
     *
     * <p>Input columns are looked up by exact name, else by a unique case-insensitive match ({@code close} finds
     * {@code Close}). {@code FLOAT64} columns are read in place; {@code INT64} and {@code INT32} columns are converted
     * to doubles (missing values to {@code NaN}) for the duration of the call.
     *
     * @throws IllegalArgumentException if an input column is missing, ambiguous or not numeric, or two kernels
     *     produce a column of the same name; nothing is left allocated
     */
    public Table compute(Panel panel, List<? extends FeatureKernel> kernels) {
        Objects.requireNonNull(panel, "panel");
        List<FeatureKernel> ks = List.copyOf(kernels);
        Map<String, Integer> producer = new HashMap<>();
        for (int k = 0; k < ks.size(); k++) {
            for (String name : ks.get(k).outputs()) {
                Integer previous = producer.putIfAbsent(name, k);
                if (previous != null) {
                    throw new IllegalArgumentException("feature column '" + name + "' is computed twice, by kernels "
                            + previous + " and " + k + "; compute each spec once");
                }
            }
        }
        return FeaturePlan.ofKernels(ks, runner).compute(panel);
    }

    String unknownOperator(String op) {
        String closest = null;
        int best = 3; // suggest only names within two edits
        for (String name : operators.keySet()) {
            int d = editDistance(op, name);
            if (d < best) {
                best = d;
                closest = name;
            }
        }
        List<String> names = new ArrayList<>(operators.keySet());
        names.sort(null);
        return "unknown operator '" + op + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                + "; the operators are " + (names.isEmpty() ? "none" : String.join(", ", names));
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    @Override
    public String toString() {
        return "FeatureEngine[" + operators.size() + " operators, providers " + discovery.available() + "]";
    }

    /**
     * Configures a {@link FeatureEngine}.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private ProviderDiscovery<FeatureKernelProvider> discovery;
        private final List<FeatureKernelProvider> plugins = new ArrayList<>();
        private ForkJoinPool pool;
        private ProviderDiscovery<PlanExecutor> executors;
        private final List<PlanExecutor> executorPlugins = new ArrayList<>();
        private Device device = Device.AUTO;
        private ColumnPool memory = ColumnPool.shared();
        private KernelCosts costs;
        private final Map<String, String> pinned = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Chooses between providers that compute the same operator with this cost model instead of
         * {@link KernelCosts#shared()}; {@link KernelCosts#priorities()} always takes the most preferred provider.
         */
        public Builder costs(KernelCosts costs) {
            this.costs = Objects.requireNonNull(costs, "costs");
            return this;
        }

        /**
         * Pins one operator to a provider, over the cost model (as {@code -Dquiver.features.provider.<operator>=name}
         * does, and before it); {@code quiver.features.provider}, which names one provider for every operator, still
         * comes first. The name is checked when the operator is resolved.
         */
        public Builder provider(String operator, String providerName) {
            pinned.put(Objects.requireNonNull(operator, "operator").trim().toLowerCase(Locale.ROOT),
                    Objects.requireNonNull(providerName, "providerName").trim());
            return this;
        }

        /**
         * Uses exactly this discovery's providers (for explicit provider lists, custom class loaders, tests).
         * By default the engine discovers providers with {@code ProviderDiscovery.load("features", ...)}.
         */
        public Builder discovery(ProviderDiscovery<FeatureKernelProvider> discovery) {
            this.discovery = Objects.requireNonNull(discovery, "discovery");
            return this;
        }

        /**
         * Adds providers to those {@link java.util.ServiceLoader} finds: plugins an application constructs itself
         * (Guice's {@code Multibinder} set). They take part in resolution like discovered ones, by priority.
         */
        public Builder plugins(Collection<? extends FeatureKernelProvider> providers) {
            for (FeatureKernelProvider p : providers) {
                plugins.add(Objects.requireNonNull(p, "plugin provider"));
            }
            return this;
        }

        /**
         * Computes on this pool instead of the common pool; the caller keeps it open while the engine is used
         * and shuts it down. A pool of parallelism 1 computes on the calling thread.
         */
        public Builder pool(ForkJoinPool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /**
         * Uses exactly this discovery's plan executors (tests, custom class loaders). By default the engine
         * discovers them with {@code ProviderDiscovery.load("executors", PlanExecutor.class)}, and always has the
         * {@code cpu} one.
         */
        public Builder executors(ProviderDiscovery<PlanExecutor> executors) {
            this.executors = Objects.requireNonNull(executors, "executors");
            return this;
        }

        /** Adds plan executors to those {@link java.util.ServiceLoader} finds (Guice's {@code Multibinder} set). */
        public Builder executorPlugins(Collection<? extends PlanExecutor> plugins) {
            for (PlanExecutor e : plugins) {
                executorPlugins.add(Objects.requireNonNull(e, "executor"));
            }
            return this;
        }

        /** Where plans run: {@link Device#AUTO} (the default), {@link Device#CPU} or {@link Device#GPU}. */
        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Borrows output columns and temporaries from this pool instead of {@link ColumnPool#shared()};
         * {@link ColumnPool#unpooled()} allocates fresh memory for every computation.
         */
        public Builder memory(ColumnPool memory) {
            this.memory = Objects.requireNonNull(memory, "memory");
            return this;
        }

        /**
         * The engine. Loads and probes the providers now, once.
         *
         * @throws IllegalStateException if both a discovery and plugins were given (give the plugins to the
         *     discovery instead)
         */
        public FeatureEngine build() {
            if (discovery != null && !plugins.isEmpty()) {
                throw new IllegalStateException("give either a discovery or plugin providers, not both: add the "
                        + "plugins to the discovery's provider list");
            }
            ProviderDiscovery<FeatureKernelProvider> d = discovery != null ? discovery
                    : ProviderDiscovery.builder(SPI, FeatureKernelProvider.class).additional(plugins).build();
            if (executors != null && !executorPlugins.isEmpty()) {
                throw new IllegalStateException("give either an executor discovery or executor plugins, not both");
            }
            ProviderDiscovery<PlanExecutor> e = executors;
            if (e == null) {
                List<PlanExecutor> extra = new ArrayList<>(executorPlugins);
                e = ProviderDiscovery.builder(EXECUTORS, PlanExecutor.class).additional(extra).build();
                if (e.available().stream().noneMatch(x -> x.device().equals("cpu"))) {
                    extra.add(new CpuExecutor()); // a custom class loader that does not see this module's services
                    e = ProviderDiscovery.builder(EXECUTORS, PlanExecutor.class).additional(extra).build();
                }
            }
            return new FeatureEngine(d, e, device, pool, memory, costs != null ? costs : KernelCosts.shared(),
                    pinned);
        }
    }
}
