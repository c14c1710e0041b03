package dev.quiver.features;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.ScratchMemory;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 *       expressions, innermost first ({@link #execution()} is the plan as an executor sees it).</li>
 *   <li><b>Executors.</b> The whole plan runs on one {@link dev.quiver.api.feature.PlanExecutor}, chosen per run
 *       by the engine's {@link Device} ({@link #executor(Panel)} says which, and why): the
 *       {@link dev.quiver.features.execution.CpuExecutor CPU executor} (stages of kernels over groups of symbols on
 *       the engine's pool; see its comment), or a device that keeps intermediates in its own memory. If a device
 *       fails mid-plan, the plan is computed again on the CPU, with a warning.</li>
 *   <li><b>Memory.</b> Output columns and inner results are borrowed from the engine's
 *       {@link dev.quiver.features.execution.ColumnPool}: a computation over a panel the size of the last one
 *       reuses its pages (no page faults, no zero-fill), and closing the result gives its columns back.
 *       {@link #compute(Panel, FeatureBuffers)} computes into columns the caller owns instead.</li>
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
    // bump when the plan's arithmetic or layout changes what is cached
    private static final String PLAN_VERSION = "plan-1";

    private final List<String> specs;
    private final ExecutionPlan execution;
    private final PlanRunner runner;

    private FeaturePlan(List<String> specs, ExecutionPlan execution, PlanRunner runner) {
        this.specs = specs;
        this.execution = execution;
        this.runner = runner;
    }

    /** Compiles specs; {@link FeatureEngine#plan(List)} is the public entry. */
    static FeaturePlan compile(FeatureEngine engine, List<String> specs, PlanRunner runner) {
        SpecBinder binder = new SpecBinder(engine);
        Compiler c = new Compiler();
        List<ExecutionPlan.Output> outputs = new ArrayList<>();
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
                outputs.add(new ExecutionPlan.Output(name, step, p));
            }
        }
        return new FeaturePlan(List.copyOf(specs), new ExecutionPlan(c.columns, c.steps, outputs), runner);
    }

    /**
     * A plan of kernels over panel columns, each kernel its own step, every output requested under the kernel's
     * output names: what {@link FeatureEngine#compute} runs, so that single kernels and feature sets share one code
     * path. The caller has checked that no two kernels give the same output name.
     */
    static FeaturePlan ofKernels(List<FeatureKernel> kernels, PlanRunner runner) {
        List<ExecutionPlan.Step> steps = new ArrayList<>();
        List<ExecutionPlan.Output> outputs = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        for (FeatureKernel kernel : kernels) {
            List<ExecutionPlan.Source> inputs = new ArrayList<>();
            for (String column : kernel.inputs()) {
                if (!columns.contains(column)) {
                    columns.add(column);
                }
                inputs.add(new ExecutionPlan.Column(columns.indexOf(column)));
            }
            steps.add(new ExecutionPlan.Step(kernel, "kernel", inputs, 1));
            for (int p = 0; p < kernel.outputs().size(); p++) {
                outputs.add(new ExecutionPlan.Output(kernel.outputs().get(p), steps.size() - 1, p));
            }
            specs.add(String.join(",", kernel.outputs()));
        }
        return new FeaturePlan(List.copyOf(specs), new ExecutionPlan(columns, steps, outputs), runner);
    }

    /** Builds the steps bottom-up, one per distinct computation. */
    private static final class Compiler {
        final List<ExecutionPlan.Step> steps = new ArrayList<>();
        final List<String> columns = new ArrayList<>();
        final Map<String, Integer> byName = new HashMap<>();

        int add(SpecBinder.KernelNode node) {
            String key = node.provider().name() + ":" + String.join("|", node.kernel().outputs());
            Integer known = byName.get(key);
            if (known != null) {
                return known;
            }
            List<ExecutionPlan.Source> inputs = new ArrayList<>();
            int stage = 1;
            for (SpecBinder.Source s : node.inputs()) {
                switch (s.node()) {
                    case SpecBinder.ColumnNode col -> {
                        if (!columns.contains(col.column())) {
                            columns.add(col.column());
                        }
                        inputs.add(new ExecutionPlan.Column(columns.indexOf(col.column())));
                    }
                    case SpecBinder.KernelNode inner -> {
                        int step = add(inner);
                        inputs.add(new ExecutionPlan.Part(step, s.part()));
                        stage = Math.max(stage, steps.get(step).stage() + 1);
                    }
                }
            }
            steps.add(new ExecutionPlan.Step(node.kernel(), node.provider().name(), inputs, stage));
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
        List<String> names = new ArrayList<>(execution.outputs().size());
        for (ExecutionPlan.Output o : execution.outputs()) {
            names.add(o.name());
        }
        return List.copyOf(names);
    }

    /** The panel columns the plan reads, as the specs name them. */
    public List<String> inputColumns() {
        return execution.inputColumns();
    }

    /** The number of distinct computations (kernels) the plan runs: shared sub-expressions count once. */
    public int kernelCount() {
        return execution.steps().size();
    }

    /** The plan as a {@link dev.quiver.api.feature.PlanExecutor} receives it. */
    public ExecutionPlan execution() {
        return execution;
    }

    /**
     * The executor this plan would run on over the panel, and why (the engine's {@link Device} and each preferred
     * executor's refusal): what {@code quiver features} prints.
     */
    public ExecutorChoice executor(Panel panel) {
        return runner.choose(execution, Objects.requireNonNull(panel, "panel"));
    }

    /**
     * The plan, one line per kernel in the order of its stages ({@code stage 1: sma(20) [scalar] <- close}), then
     * the output columns: what {@code quiver features --explain} would print, and what the fingerprint digests.
     */
    public String explain() {
        List<ExecutionPlan.Step> steps = execution.steps();
        StringBuilder b = new StringBuilder();
        for (int stage = 1; stage <= execution.stages(); stage++) {
            for (int index : execution.stage(stage)) {
                ExecutionPlan.Step s = steps.get(index);
                List<String> in = new ArrayList<>();
                for (ExecutionPlan.Source i : s.inputs()) {
                    in.add(switch (i) {
                        case ExecutionPlan.Column c -> execution.inputColumns().get(c.index());
                        case ExecutionPlan.Part p -> steps.get(p.step()).kernel().outputs().get(p.part());
                    });
                }
                b.append("stage ").append(stage).append(": ").append(String.join(", ", s.kernel().outputs()))
                        .append(" [").append(s.provider()).append(", ")
                        .append(s.crossSectional() ? "cross-sectional" : "time series").append("] <- ")
                        .append(String.join(", ", in)).append('\n');
            }
        }
        for (ExecutionPlan.Output o : execution.outputs()) {
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
        for (ExecutionPlan.Step s : execution.steps()) {
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
     * and nothing else. Row {@code r} belongs to row {@code r} of the panel. Its columns are borrowed from the
     * engine's column pool: close the table to give them back (a table that is never closed holds its memory, and
     * shows in {@link dev.quiver.api.table.NativeMemory}). Every temporary column is given back before this method
     * returns, whether it succeeds or fails.
     *
     * @throws IllegalArgumentException if an input column is missing, ambiguous, or of a type the kernel cannot
     *     read
     */
    public Table compute(Panel panel) {
        Objects.requireNonNull(panel, "panel");
        long bytes = (long) panel.rowCount() * Double.BYTES;
        List<ExecutionPlan.Output> outputs = execution.outputs();
        List<ScratchMemory.Lease> leases = new ArrayList<>(outputs.size());
        try {
            MemorySegment[] segments = new MemorySegment[outputs.size()];
            List<Column> columns = new ArrayList<>(outputs.size());
            for (int j = 0; j < segments.length; j++) {
                ScratchMemory.Lease lease = runner.memory().lend(bytes);
                leases.add(lease);
                segments[j] = lease.segment();
                columns.add(Float64Column.wrap(outputs.get(j).name(), segments[j]));
            }
            computeInto(panel, segments);
            return Table.owning(columns, () -> giveBack(leases));
        } catch (RuntimeException | Error e) {
            giveBack(leases);
            throw e;
        }
    }

    /**
     * Computes the features into buffers the caller owns, overwriting what they hold, and returns their table view:
     * the values {@link #compute(Panel)} gives, without allocating output memory.
     *
     * @param into buffers of this plan ({@link #buffers(int)}) of the panel's row count
     * @return {@code into.table()}, valid until the next computation into {@code into} or its closing
     * @throws IllegalArgumentException if the buffers have other columns or another row count, or as
     *     {@link #compute(Panel)}
     */
    public Table compute(Panel panel, FeatureBuffers into) {
        Objects.requireNonNull(panel, "panel");
        if (!into.columns().equals(columns()) || into.rowCount() != panel.rowCount()) {
            throw new IllegalArgumentException("these buffers hold " + into.columns().size() + " columns of "
                    + into.rowCount() + " rows; this plan computes " + columns().size() + " columns and the panel "
                    + "has " + panel.rowCount() + " rows: make them with plan.buffers(panel.rowCount())");
        }
        computeInto(panel, into.segments());
        return into.table();
    }

    /**
     * Buffers for {@link #compute(Panel, FeatureBuffers)}: one zeroed off-heap column per output, of {@code rows}
     * rows. The caller closes them.
     *
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public FeatureBuffers buffers(int rows) {
        return new FeatureBuffers(columns(), rows);
    }

    private static void giveBack(List<ScratchMemory.Lease> leases) {
        for (ScratchMemory.Lease lease : leases) {
            lease.close();
        }
    }

    /** Resolves the inputs and runs the plan into {@code outputs}. */
    private void computeInto(Panel panel, MemorySegment[] outputs) {
        Table table = panel.table();
        List<String> names = execution.inputColumns();
        List<ScratchMemory.Lease> temps = new ArrayList<>();
        try {
            MemorySegment[] inputs = new MemorySegment[names.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = input(table, i, temps);
            }
            runner.run(execution, panel, inputs, outputs);
        } finally {
            giveBack(temps);
        }
    }

    /** Input column {@code index} as doubles: in place when {@code FLOAT64}, else converted into a temporary. */
    private MemorySegment input(Table table, int index, List<ScratchMemory.Lease> temps) {
        String name = execution.inputColumns().get(index);
        FeatureKernel reader = null;
        boolean crossSectionalOnly = true;
        for (ExecutionPlan.Step step : execution.steps()) {
            for (ExecutionPlan.Source source : step.inputs()) {
                if (source instanceof ExecutionPlan.Column c && c.index() == index) {
                    if (reader == null || (crossSectionalOnly && !step.crossSectional())) {
                        reader = step.kernel();
                    }
                    crossSectionalOnly &= step.crossSectional();
                }
            }
        }
        Column column = findColumn(table, name, reader);
        if (column instanceof Float64Column f) {
            return f.data();
        }
        if (column instanceof StringColumn && !crossSectionalOnly) {
            throw new IllegalArgumentException(reader.outputs().get(0) + ": input column '" + column.name()
                    + "' is " + column.type() + "; text columns feed only cross-sectional operators (as group "
                    + "codes)");
        }
        ScratchMemory.Lease lease = runner.memory().lend((long) column.size() * Double.BYTES);
        temps.add(lease);
        MemorySegment seg = lease.segment();
        switch (column) {
            case Int64Column c -> {
                for (int r = 0; r < c.size(); r++) {
                    long v = c.get(r);
                    seg.setAtIndex(F64, r, v == Int64Column.MISSING ? Double.NaN : (double) v);
                }
            }
            case Int32Column c -> {
                for (int r = 0; r < c.size(); r++) {
                    int v = c.get(r);
                    seg.setAtIndex(F64, r, v == Int32Column.MISSING ? Double.NaN : (double) v);
                }
            }
            case StringColumn c -> {
                for (int r = 0; r < c.size(); r++) {
                    int code = c.code(r);
                    seg.setAtIndex(F64, r, code == StringColumn.MISSING_CODE ? Double.NaN : code);
                }
            }
            default -> throw new IllegalArgumentException(reader.outputs().get(0) + ": input column '"
                    + column.name() + "' is " + column.type() + "; features read numeric columns");
        }
        return seg.asReadOnly();
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
        return "FeaturePlan[" + execution.outputs().size() + " columns, " + execution.steps().size() + " kernels]";
    }
}
