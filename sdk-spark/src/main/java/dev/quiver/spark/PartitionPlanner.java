package dev.quiver.spark;

import dev.quiver.api.feature.ExecutionContext;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.features.execution.CpuExecutor;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * What the tasks of {@link SparkFeatures} compute, and the plans they compute it with: one {@link FeatureEngine} and
 * one compiled plan per specs per JVM (driver or executor), each plan cut into {@link PlanPhases phases} and
 * scheduled.
 *
 * <p>A plan of one time-series phase runs through {@link FeaturePlan#compute(Panel)}, so the engine's device choice
 * applies; the phases of a plan with cross-sectional steps run on the {@link CpuExecutor}, the executor
 * {@code FeaturePlan.compute} uses on a host without a GPU, whose values do not depend on how the rows are grouped as
 * long as each group holds whole series (time series) or whole dates (cross-sections).
 *
 * <p>Thread-safety: the static methods are safe to call from several tasks at once; the engine and the compiled
 * plans are thread-safe.
 */
final class PartitionPlanner {
    private static final CpuExecutor CPU = new CpuExecutor();
    /** The compiled plans of this JVM, by specs: an executor compiles each plan once, not once per task. */
    private static final Map<List<String>, Compiled> COMPILED = new ConcurrentHashMap<>();

    private PartitionPlanner() {
    }

    /** One engine per JVM (driver or executor): its providers and column pool are built once. */
    static FeatureEngine engine() {
        return EngineHolder.ENGINE;
    }

    /** The engine's column pool in size classes, for the tasks' columns and the kernels' scratch columns. */
    static SizeClassMemory memory() {
        return EngineHolder.MEMORY;
    }

    /** The plan of these specs, its phases and its schedule, compiled once per JVM. */
    static Compiled compiled(List<String> specs) {
        return COMPILED.computeIfAbsent(List.copyOf(specs), s -> Compiled.of(engine().plan(s)));
    }

    /**
     * A plan, its phases, and what is computed where. The rows live by symbol ("at home"); each cross-sectional
     * phase is a round trip: its inputs go by date, its results come back home. Before the trip of phase {@code q},
     * the home tasks compute only the time-series steps its inputs need ({@link #before(int)}); the last home task
     * computes the time-series steps the plan's outputs need ({@link #last()}), reading the results that came back.
     *
     * @param plan the plan
     * @param phases its phases
     * @param before for each phase index, the time-series plans the home tasks run before a cross-sectional phase's
     *     trip (empty for a time-series phase)
     * @param last the time-series plans of the last home task
     */
    record Compiled(FeaturePlan plan, List<PlanPhases.Phase> phases, List<List<ExecutionPlan>> before,
            List<ExecutionPlan> last) {
        static Compiled of(FeaturePlan plan) {
            List<PlanPhases.Phase> phases = PlanPhases.of(plan);
            List<List<ExecutionPlan>> before = new ArrayList<>();
            for (int q = 0; q < phases.size(); q++) {
                before.add(phases.get(q).crossSectional()
                        ? PlanPhases.timeSeriesFor(phases, q, phases.get(q).plan().inputColumns()) : List.of());
            }
            List<ExecutionPlan> last = PlanPhases.timeSeriesFor(phases, phases.size(), plan.columns());
            return new Compiled(plan, phases, List.copyOf(before), last);
        }

        /** Whether the plan is one time-series phase: one trip to the home tasks, through the engine. */
        boolean timeSeriesOnly() {
            return phases.size() == 1 && !phases.getFirst().crossSectional();
        }

        /** The time-series plans the home tasks run before the trip of cross-sectional phase {@code q}. */
        List<ExecutionPlan> before(int q) {
            return before.get(q);
        }

        /** The indices of the cross-sectional phases, in order. */
        List<Integer> crossSectionalPhases() {
            List<Integer> result = new ArrayList<>();
            for (int q = 0; q < phases.size(); q++) {
                if (phases.get(q).crossSectional()) {
                    result.add(q);
                }
            }
            return List.copyOf(result);
        }
    }

    private static final class EngineHolder {
        static final FeatureEngine ENGINE = FeatureEngine.create();
        static final SizeClassMemory MEMORY = new SizeClassMemory(ENGINE.memory());
    }

    /**
     * A whole plan, through the engine (its device choice included), into {@code columns} by output name; the result
     * table is closed with the task's columns.
     */
    static void compute(FeaturePlan plan, Panel panel, Map<String, MemorySegment> columns, TaskColumns memory) {
        Table computed = plan.compute(panel);
        memory.hold(computed);
        List<String> names = plan.columns();
        for (int j = 0; j < names.size(); j++) {
            columns.put(names.get(j), ((Float64Column) computed.column(j)).data());
        }
    }

    /**
     * Runs a phase's plan (or part of one) on the CPU executor, with the engine's column pool ({@link #memory()}) as
     * scratch memory: its inputs are taken from {@code columns} by name, its outputs put there, in columns of
     * {@code memory}.
     *
     * @throws IllegalStateException if an input column is not there
     */
    static void compute(ExecutionPlan plan, Panel panel, Map<String, MemorySegment> columns, TaskColumns memory) {
        List<String> names = plan.inputColumns();
        MemorySegment[] inputs = new MemorySegment[names.size()];
        for (int i = 0; i < inputs.length; i++) {
            MemorySegment column = columns.get(names.get(i));
            if (column == null) {
                throw new IllegalStateException("features on Spark: the phase reads '" + names.get(i)
                        + "', which no earlier phase computed (columns there: " + columns.keySet() + ")");
            }
            inputs[i] = column;
        }
        MemorySegment[] outputs = new MemorySegment[plan.outputs().size()];
        for (int j = 0; j < outputs.length; j++) {
            outputs[j] = memory.lend();
        }
        CPU.execute(plan, panel, inputs, outputs, new ExecutionContext(ForkJoinPool.commonPool(), memory()));
        for (int j = 0; j < outputs.length; j++) {
            columns.put(plan.outputs().get(j).name(), outputs[j]);
        }
    }
}
