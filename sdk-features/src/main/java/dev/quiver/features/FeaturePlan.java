package dev.quiver.features;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.crosssection.CrossSection;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A compiled feature set: the specs of {@link FeatureEngine#plan(List)} resolved to kernels, with common
 * sub-expressions shared, ready to compute over any panel that has the input columns.
 *
 * <pre>{@code
 * FeaturePlan plan = engine.plan(List.of("sma(20)", "xs_rank(roc(5))", "z=xs_zscore(rsi(14), ddof=1)"));
 * try (Table features = plan.compute(panel)) { ... }
 * }</pre>
 *
 * <h2>What the plan does</h2>
 * <ul>
 *   <li><b>Shares sub-expressions.</b> Every distinct computation (identified by its kernel's canonical output
 *       names, e.g. {@code sma(20)}, which {@code sma(close,20)} also names) runs once, however often the specs use
 *       it.</li>
 *   <li><b>Stages.</b> A computation runs once its inputs are ready: the panel's columns first, then nested
 *       expressions, innermost first. Inner results that no spec asks for are temporary off-heap columns, freed as
 *       soon as their last reader has run.</li>
 *   <li><b>Parallel.</b> Within a stage, the panel's symbols are split into contiguous groups (a few per thread,
 *       at most 64 symbols each) and time-series kernels run one task per (kernel, group), through
 *       {@link FeatureKernel#computeSymbols}: SIMD kernels compute a group's series several at a time, one per
 *       lane. The built-in cross-sectional kernels of a stage run together in one pass over the dates, parallel
 *       over blocks of dates, each input copied into date-major order once per block for all of them. All run on the engine's {@link ForkJoinPool}. Every
 *       task writes only its own rows, and {@code computeSymbols} gives each symbol what {@code computeSeries}
 *       gives it, so the result does not depend on the thread count.</li>
 *   <li><b>Inputs.</b> {@code FLOAT64} columns are read in place; {@code INT64} and {@code INT32} columns are
 *       converted to doubles (missing to {@code NaN}); a {@code STRING} column feeds only cross-sectional operators
 *       (a group column of {@code xs_neutralize}), as its dictionary codes. Names match exactly, else by a unique
 *       case-insensitive match.</li>
 * </ul>
 *
 * <h2>Output columns</h2>
 * One {@code FLOAT64} column per requested output, in spec order: the canonical spec text ({@code rsi(14)},
 * {@code xs_rank(roc(5))}), with {@code .part} for each part of a multi-output operator
 * ({@code macd(12,26,9).signal}) or only the selected part ({@code macd(12,26,9).hist}); a {@code label=expr} spec
 * names its column {@code label} (or {@code label.part} per part).
 *
 * <p>Thread-safety: immutable; {@link #compute} may be called concurrently.
 */
public final class FeaturePlan {
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE;
    /** Below this many output values a fork costs more than it saves. */
    private static final long PARALLEL_THRESHOLD = 1L << 16;
    private static final Thread NO_OWNER = Thread.ofVirtual().unstarted(() -> { });
    // bump when the plan's arithmetic or layout changes what is cached
    private static final String PLAN_VERSION = "plan-1";

    private final List<String> specs;
    private final List<Step> steps;
    private final List<Output> outputs;
    private final List<String> inputColumns;
    private final ForkJoinPool pool;

    /**
     * One computation.
     *
     * @param kernel the kernel
     * @param provider the provider's name
     * @param inputs for each kernel input: a panel column ({@code column != null}) or a step's output part
     * @param level 1 + the highest level of the steps it reads (panel columns are level 0)
     */
    private record Step(FeatureKernel kernel, String provider, List<Input> inputs, int level) {
        boolean crossSectional() {
            return kernel.descriptor().kind() == OperatorKind.CROSS_SECTIONAL;
        }
    }

    /** A kernel input: a column of the panel, or part {@code part} of step {@code step}. */
    private record Input(String column, int step, int part) {
    }

    /** A requested column: its name and the step output that fills it. */
    private record Output(String name, int step, int part, String spec) {
    }

    private FeaturePlan(List<String> specs, List<Step> steps, List<Output> outputs, List<String> inputColumns,
                        ForkJoinPool pool) {
        this.specs = specs;
        this.steps = steps;
        this.outputs = outputs;
        this.inputColumns = inputColumns;
        this.pool = pool;
    }

    /** Compiles specs; {@link FeatureEngine#plan(List)} is the public entry. */
    static FeaturePlan compile(FeatureEngine engine, List<String> specs, ForkJoinPool pool) {
        SpecBinder binder = new SpecBinder(engine);
        Compiler c = new Compiler();
        List<Output> outputs = new ArrayList<>();
        Map<String, String> claimed = new HashMap<>();
        for (String text : specs) {
            FeatureSpec spec = FeatureSpec.parse(Objects.requireNonNull(text, "spec"));
            SpecBinder.KernelNode node = binder.bind(spec, spec.call());
            int step = c.add(node);
            FeatureKernel kernel = node.kernel();
            List<Integer> parts = new ArrayList<>();
            if (spec.call().part() != null) {
                parts.add(SpecBinder.part(spec, spec.call(), kernel.descriptor()));
            } else {
                for (int p = 0; p < kernel.outputs().size(); p++) {
                    parts.add(p);
                }
            }
            for (int p : parts) {
                String name;
                if (spec.label() == null) {
                    name = kernel.outputs().get(p);
                } else if (spec.call().part() != null || kernel.descriptor().singleOutput()) {
                    name = spec.label();
                } else {
                    name = spec.label() + "." + kernel.descriptor().outputs().get(p);
                }
                String previous = claimed.putIfAbsent(name, text);
                if (previous != null) {
                    throw new IllegalArgumentException("feature column '" + name + "' is requested twice, by '"
                            + previous + "' and by '" + text + "'; give one a name with label=expr");
                }
                outputs.add(new Output(name, step, p, text));
            }
        }
        return new FeaturePlan(List.copyOf(specs), List.copyOf(c.steps), List.copyOf(outputs),
                List.copyOf(c.columns), pool);
    }

    /**
     * A plan of kernels over panel columns, each kernel its own step, every output requested under the kernel's
     * output names: what {@link FeatureEngine#compute} runs, so that single kernels and feature sets share one code
     * path. The caller has checked that no two kernels give the same output name.
     */
    static FeaturePlan ofKernels(List<FeatureKernel> kernels, ForkJoinPool pool) {
        List<Step> steps = new ArrayList<>();
        List<Output> outputs = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (FeatureKernel kernel : kernels) {
            List<Input> inputs = new ArrayList<>();
            for (String column : kernel.inputs()) {
                inputs.add(new Input(column, -1, 0));
                if (!columns.contains(column)) {
                    columns.add(column);
                }
            }
            steps.add(new Step(kernel, "kernel", List.copyOf(inputs), 1));
            for (int p = 0; p < kernel.outputs().size(); p++) {
                outputs.add(new Output(kernel.outputs().get(p), steps.size() - 1, p, kernel.outputs().get(p)));
            }
        }
        List<String> specs = new ArrayList<>();
        for (FeatureKernel kernel : kernels) {
            specs.add(String.join(",", kernel.outputs()));
        }
        return new FeaturePlan(List.copyOf(specs), List.copyOf(steps), List.copyOf(outputs), List.copyOf(columns),
                pool);
    }

    /** Builds the steps bottom-up, one per distinct computation. */
    private static final class Compiler {
        final List<Step> steps = new ArrayList<>();
        final List<String> columns = new ArrayList<>();
        final Map<String, Integer> byName = new HashMap<>();

        int add(SpecBinder.KernelNode node) {
            String key = node.provider().name() + ":" + String.join("|", node.kernel().outputs());
            Integer known = byName.get(key);
            if (known != null) {
                return known;
            }
            List<Input> inputs = new ArrayList<>();
            int level = 1;
            for (SpecBinder.Source s : node.inputs()) {
                switch (s.node()) {
                    case SpecBinder.ColumnNode col -> {
                        inputs.add(new Input(col.column(), -1, 0));
                        if (!columns.contains(col.column())) {
                            columns.add(col.column());
                        }
                    }
                    case SpecBinder.KernelNode inner -> {
                        int step = add(inner);
                        inputs.add(new Input(null, step, s.part()));
                        level = Math.max(level, steps.get(step).level() + 1);
                    }
                }
            }
            steps.add(new Step(node.kernel(), node.provider().name(), List.copyOf(inputs), level));
            byName.put(key, steps.size() - 1);
            return steps.size() - 1;
        }
    }

    /** The specs, as given. */
    public List<String> specs() {
        return specs;
    }

    /** The names of the output columns, in order. */
    public List<String> columns() {
        List<String> names = new ArrayList<>(outputs.size());
        for (Output o : outputs) {
            names.add(o.name());
        }
        return List.copyOf(names);
    }

    /** The panel columns the plan reads, as the specs name them. */
    public List<String> inputColumns() {
        return inputColumns;
    }

    /** The number of distinct computations (kernels) the plan runs: shared sub-expressions count once. */
    public int kernelCount() {
        return steps.size();
    }

    /**
     * The plan, one line per kernel in the order of its stages ({@code stage 1: sma(20) [scalar] <- close}), then
     * the output columns: what {@code quiver features --explain} would print, and what the fingerprint digests.
     */
    public String explain() {
        StringBuilder b = new StringBuilder();
        int maxLevel = steps.stream().mapToInt(Step::level).max().orElse(0);
        for (int level = 1; level <= maxLevel; level++) {
            for (Step s : steps) {
                if (s.level() != level) {
                    continue;
                }
                List<String> in = new ArrayList<>();
                for (Input i : s.inputs()) {
                    in.add(i.column() != null ? i.column() : steps.get(i.step()).kernel().outputs().get(i.part()));
                }
                b.append("stage ").append(level).append(": ").append(String.join(", ", s.kernel().outputs()))
                        .append(" [").append(s.provider()).append(", ")
                        .append(s.crossSectional() ? "cross-sectional" : "time series").append("] <- ")
                        .append(String.join(", ", in)).append('\n');
            }
        }
        for (Output o : outputs) {
            b.append("column ").append(o.name()).append(" = ")
                    .append(steps.get(o.step()).kernel().outputs().get(o.part())).append('\n');
        }
        return b.toString();
    }

    /**
     * The fingerprint of this plan's result over an input: the input's fingerprint, the plan ({@link #explain()}:
     * every kernel, its provider and the output names) and a content hash of the code that computes it: the
     * sdk-features classes and every kernel's own code (a plugin's jar included), so that changed code misses the
     * cache instead of being served results of the old code.
     */
    public Fingerprint fingerprint(Fingerprint input) {
        List<Class<?>> code = new ArrayList<>();
        code.add(FeaturePlan.class);
        for (Step s : steps) {
            code.add(s.kernel().getClass());
        }
        return Fingerprint.builder()
                .value("input", Objects.requireNonNull(input, "input").hex())
                .spec(explain())
                .codeVersion(PLAN_VERSION + "|" + CodeHash.of(code))
                .build();
    }

    /**
     * The features through a cache: served from it when it holds this plan's result for this input, else
     * computed and stored under {@code features/plan} with {@link #fingerprint(Fingerprint)}.
     *
     * @param input the fingerprint of the panel's table (its source files, their loading code)
     * @return a lease the caller must close
     * @throws dev.quiver.api.cache.CacheLoadException if computing failed (the cause says why)
     */
    public Table compute(Panel panel, Cache cache, Fingerprint input) {
        Objects.requireNonNull(panel, "panel");
        return cache.getOrLoad(CacheKey.of("features/plan", fingerprint(input)), () -> compute(panel));
    }

    /**
     * Computes the features: a new off-heap table of the panel's row count holding the output columns, in order,
     * and nothing else. Row {@code r} belongs to row {@code r} of the panel. Close the table to free its memory;
     * every temporary column is freed before this method returns, whether it succeeds or fails.
     *
     * @throws IllegalArgumentException if an input column is missing, ambiguous, or of a type the kernel cannot
     *     read
     */
    public Table compute(Panel panel) {
        Objects.requireNonNull(panel, "panel");
        int rows = panel.rowCount();
        Table table = panel.table();
        try (Temporaries temps = new Temporaries(); TableBuilder result = TableBuilder.offHeap()) {
            boolean shared = true;
            Map<String, MemorySegment> columns = new HashMap<>();
            MemorySegment[][] ins = new MemorySegment[steps.size()][];
            MemorySegment[][] outs = new MemorySegment[steps.size()][];
            for (int s = 0; s < steps.size(); s++) {
                Step step = steps.get(s);
                ins[s] = new MemorySegment[step.inputs().size()];
                for (int i = 0; i < ins[s].length; i++) {
                    Input in = step.inputs().get(i);
                    if (in.column() != null) {
                        ins[s][i] = columns.get(in.column() + "|" + step.crossSectional());
                        if (ins[s][i] == null) {
                            ins[s][i] = input(table, in.column(), step, temps);
                            columns.put(in.column() + "|" + step.crossSectional(), ins[s][i]);
                        }
                        shared &= ins[s][i].isAccessibleBy(NO_OWNER);
                    }
                }
                outs[s] = new MemorySegment[step.kernel().outputs().size()];
            }
            // requested outputs are written straight into the result; a second request of one output is a copy
            List<Output> copies = new ArrayList<>();
            List<MemorySegment> copyTargets = new ArrayList<>();
            for (Output o : outputs) {
                if (outs[o.step()][o.part()] == null) {
                    outs[o.step()][o.part()] = result.allocateFloat64(o.name(), rows);
                } else {
                    copies.add(o);
                    copyTargets.add(result.allocateFloat64(o.name(), rows));
                }
            }
            int[] lastUse = new int[steps.size()];
            for (Step step : steps) {
                for (Input in : step.inputs()) {
                    if (in.column() == null) {
                        lastUse[in.step()] = Math.max(lastUse[in.step()], step.level());
                    }
                }
            }
            Map<Integer, List<Temporaries.Region>> freeAfter = new HashMap<>();
            for (int s = 0; s < steps.size(); s++) {
                for (int p = 0; p < outs[s].length; p++) {
                    if (outs[s][p] == null) {
                        Temporaries.Region region = temps.allocate(rows);
                        outs[s][p] = region.segment();
                        // an output nobody reads (a part of a multi-output kernel) is freed after its own stage
                        freeAfter.computeIfAbsent(Math.max(lastUse[s], steps.get(s).level()), l -> new ArrayList<>())
                                .add(region);
                    }
                }
            }
            for (int s = 0; s < steps.size(); s++) {
                for (int i = 0; i < ins[s].length; i++) {
                    Input in = steps.get(s).inputs().get(i);
                    if (in.column() == null) {
                        // a kernel reads an earlier stage's output through a read-only view, as it reads columns
                        ins[s][i] = outs[in.step()][in.part()].asReadOnly();
                    }
                }
            }
            int maxLevel = steps.stream().mapToInt(Step::level).max().orElse(0);
            ForkJoinPool p = pool != null ? pool : ForkJoinPool.commonPool();
            boolean parallel = shared && p.getParallelism() > 1
                    && (long) rows * steps.size() >= PARALLEL_THRESHOLD;
            for (int level = 1; level <= maxLevel; level++) {
                runStage(panel, level, ins, outs, parallel ? p : null);
                for (Temporaries.Region r : freeAfter.getOrDefault(level, List.of())) {
                    r.free();
                }
            }
            for (int i = 0; i < copies.size(); i++) {
                Output o = copies.get(i);
                MemorySegment.copy(outs[o.step()][o.part()], 0, copyTargets.get(i), 0, (long) rows * Double.BYTES);
            }
            return result.build();
        }
    }

    private void runStage(Panel panel, int level, MemorySegment[][] ins, MemorySegment[][] outs, ForkJoinPool pool) {
        List<Integer> series = new ArrayList<>();
        List<Integer> crossSections = new ArrayList<>();
        List<Integer> together = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s).level() == level) {
                FeatureKernel kernel = steps.get(s).kernel();
                if (!steps.get(s).crossSectional()) {
                    series.add(s);
                } else if (CrossSection.isMember(kernel)) {
                    together.add(s); // one pass over the dates for all of them, each input copied once
                } else {
                    crossSections.add(s);
                }
            }
        }
        if (!together.isEmpty()) {
            crossSections.add(-1);
        }
        int[] groups = SymbolGroups.bounds(panel.symbolCount(), pool == null ? 1 : pool.getParallelism());
        int groupCount = groups.length - 1;
        // group-major: consecutive tasks are the stage's kernels over one group of symbols, and a parallel stream
        // hands each thread contiguous ranges of tasks, so a group's input rows stay in its cache across kernels
        int seriesTasks = series.size() * groupCount;
        int count = seriesTasks + crossSections.size();
        IntStream tasks = IntStream.range(0, count);
        Runnable all = () -> (pool != null ? tasks.parallel() : tasks).forEach(i -> {
            if (i >= seriesTasks) {
                int s = crossSections.get(i - seriesTasks);
                if (s < 0) {
                    computeTogether(panel, together, ins, outs);
                } else {
                    FeatureKernel kernel = steps.get(s).kernel();
                    try {
                        kernel.compute(panel, ins[s], outs[s]);
                    } catch (RuntimeException e) {
                        throw explained(kernel, steps.get(s).provider(), e);
                    }
                }
            } else {
                int s = series.get(i % series.size());
                int g = i / series.size();
                FeatureKernel kernel = steps.get(s).kernel();
                try {
                    kernel.computeSymbols(panel, groups[g], groups[g + 1], ins[s], outs[s]);
                } catch (RuntimeException e) {
                    throw explained(kernel, steps.get(s).provider(), e);
                }
            }
        });
        if (pool != null) {
            // a parallel stream started inside a pool's task forks into that pool, as do the cross-sectional
            // kernels' own parallel streams over dates
            pool.submit(all).join();
        } else {
            all.run();
        }
    }

    /**
     * A kernel's failure, saying which kernel: a write to a read-only input (the JDK's "Attempt to write a read-only
     * segment") becomes a sentence naming the kernel, its class and its provider.
     */
    private static RuntimeException explained(FeatureKernel kernel, String provider, RuntimeException e) {
        String m = e.getMessage();
        if (e instanceof IllegalArgumentException && m != null && m.contains("read-only")) {
            return new IllegalStateException("kernel " + kernel.outputs().get(0) + " (" + kernel.getClass().getName()
                    + ", provider " + provider + ") wrote to one of its inputs; a kernel's inputs are read-only: it "
                    + "may write only its outputs", e);
        }
        return e;
    }

    private void computeTogether(Panel panel, List<Integer> stepIndices, MemorySegment[][] ins,
                                 MemorySegment[][] outs) {
        List<FeatureKernel> kernels = new ArrayList<>(stepIndices.size());
        MemorySegment[][] in = new MemorySegment[stepIndices.size()][];
        MemorySegment[][] out = new MemorySegment[stepIndices.size()][];
        for (int k = 0; k < stepIndices.size(); k++) {
            int s = stepIndices.get(k);
            kernels.add(steps.get(s).kernel());
            in[k] = ins[s];
            out[k] = outs[s];
        }
        CrossSection.computeTogether(panel, kernels, in, out);
    }

    private static MemorySegment input(Table table, String name, Step step, Temporaries temps) {
        Column column = findColumn(table, name, step.kernel());
        return switch (column) {
            case Float64Column f -> f.data();
            case Int64Column c -> {
                MemorySegment seg = temps.allocate(c.size()).segment();
                for (int r = 0; r < c.size(); r++) {
                    long v = c.get(r);
                    seg.setAtIndex(F64, r, v == Int64Column.MISSING ? Double.NaN : (double) v);
                }
                yield seg.asReadOnly();
            }
            case Int32Column c -> {
                MemorySegment seg = temps.allocate(c.size()).segment();
                for (int r = 0; r < c.size(); r++) {
                    int v = c.get(r);
                    seg.setAtIndex(F64, r, v == Int32Column.MISSING ? Double.NaN : (double) v);
                }
                yield seg.asReadOnly();
            }
            case StringColumn c when step.crossSectional() -> {
                MemorySegment seg = temps.allocate(c.size()).segment();
                for (int r = 0; r < c.size(); r++) {
                    int code = c.code(r);
                    seg.setAtIndex(F64, r, code == StringColumn.MISSING_CODE ? Double.NaN : code);
                }
                yield seg.asReadOnly();
            }
            default -> throw new IllegalArgumentException(step.kernel().outputs().get(0) + ": input column '"
                    + column.name() + "' is " + column.type() + "; "
                    + (column instanceof StringColumn ? "text columns feed only cross-sectional operators "
                    + "(as group codes)" : "features read numeric columns"));
        };
    }

    private static Column findColumn(Table table, String name, FeatureKernel kernel) {
        if (table.schema().contains(name)) {
            return table.column(name);
        }
        Column match = null;
        for (Column c : table.columns()) {
            if (c.name().equalsIgnoreCase(name)) {
                if (match != null) {
                    throw new IllegalArgumentException(kernel.outputs().get(0) + ": input column '" + name
                            + "' matches both '" + match.name() + "' and '" + c.name() + "'; name it exactly");
                }
                match = c;
            }
        }
        if (match == null) {
            throw new IllegalArgumentException(kernel.outputs().get(0) + ": no input column '" + name
                    + "' in the panel; its columns are " + table.schema().names());
        }
        return match;
    }

    @Override
    public String toString() {
        return "FeaturePlan[" + outputs.size() + " columns, " + steps.size() + " kernels]";
    }

    /**
     * The off-heap temporaries of one computation, each in its own arena so that it can be freed as soon as its
     * last reader has run; closing frees whatever is left.
     */
    private static final class Temporaries implements AutoCloseable {
        private final List<Region> regions = new ArrayList<>();

        /** One temporary column. */
        final class Region {
            private final Arena arena = Arena.ofShared();
            private final NativeMemory.Handle tracking;
            private final MemorySegment segment;
            private boolean freed;

            Region(int rows) {
                long bytes = (long) rows * Double.BYTES;
                segment = arena.allocate(Math.max(bytes, 1), Double.BYTES).asSlice(0, bytes);
                tracking = NativeMemory.track(bytes);
            }

            MemorySegment segment() {
                return segment;
            }

            void free() {
                if (!freed) {
                    freed = true;
                    arena.close();
                    tracking.release();
                }
            }
        }

        Region allocate(int rows) {
            Region r = new Region(rows);
            regions.add(r);
            return r;
        }

        @Override
        public void close() {
            for (Region r : regions) {
                r.free();
            }
        }
    }
}
