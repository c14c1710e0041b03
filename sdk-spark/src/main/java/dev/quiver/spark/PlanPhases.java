package dev.quiver.spark;

import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.features.FeaturePlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A feature plan cut into phases that each need one grouping of the panel: time-series phases (every row of a symbol
 * together) alternating with cross-sectional phases (every row of a date together). {@code sma(20)} and
 * {@code xs_rank(roc(5))} make two phases: {@code sma(20)} and {@code roc(5)} by symbol, then {@code xs_rank} by
 * date; {@code sma(xs_rank(roc(5)), 5)} adds a third, by symbol again.
 *
 * <p>Each phase is an {@link ExecutionPlan} of the original plan's own kernels: its inputs are panel columns and the
 * results of earlier phases, named {@link #intermediate(int, int)}; its outputs are the results later phases read
 * and the plan's outputs it computes. The cut is a function of the plan alone, so the driver and every executor,
 * compiling the same specs, cut it the same way.
 *
 * <p>Thread-safety: immutable.
 */
final class PlanPhases {
    /** The prefix of the columns that carry a result from one phase to a later one. */
    static final String INTERMEDIATE_PREFIX = "__quiver_step";

    /**
     * One phase.
     *
     * @param crossSectional whether its steps are cross-sectional (grouped by date) rather than time series
     * @param plan its steps, over the inputs it reads
     */
    record Phase(boolean crossSectional, ExecutionPlan plan) {
        /** The names of the columns it appends to the rows: one per output of {@link #plan()}. */
        List<String> outputColumns() {
            List<String> names = new ArrayList<>();
            for (ExecutionPlan.Output o : plan.outputs()) {
                names.add(o.name());
            }
            return names;
        }
    }

    private PlanPhases() {
    }

    /** The name of the column that carries part {@code part} of step {@code step} between phases. */
    static String intermediate(int step, int part) {
        return INTERMEDIATE_PREFIX + step + "_" + part;
    }

    /** The phases of the plan, in order; a plan without steps has none. */
    static List<Phase> of(FeaturePlan featurePlan) {
        ExecutionPlan plan = featurePlan.execution();
        List<ExecutionPlan.Step> steps = plan.steps();
        // even phases are time series, odd ones cross-sectional; first the earliest phase of each step: the first
        // of its kind that comes no earlier than what it reads
        int[] earliest = new int[steps.size()];
        int last = 0;
        for (int s = 0; s < steps.size(); s++) {
            int p = 0;
            for (ExecutionPlan.Source source : steps.get(s).inputs()) {
                if (source instanceof ExecutionPlan.Part part) {
                    p = Math.max(p, earliest[part.step()]);
                }
            }
            earliest[s] = ofKind(p, steps.get(s).crossSectional(), true);
            last = Math.max(last, earliest[s]);
        }
        // then each step as late as its readers allow: a step that could run early or late (sma(5) beside
        // xs_rank(sma(xs_zscore(close), 3))) joins a phase that exists anyway instead of making a shuffle of its own
        int[] phaseOf = new int[steps.size()];
        int[] bound = new int[steps.size()];
        java.util.Arrays.fill(bound, last);
        for (int s = steps.size() - 1; s >= 0; s--) {
            boolean crossSectional = steps.get(s).crossSectional();
            phaseOf[s] = ofKind(bound[s], crossSectional, false);
            for (ExecutionPlan.Source source : steps.get(s).inputs()) {
                if (source instanceof ExecutionPlan.Part part) {
                    int reads = part.step();
                    int limit = steps.get(reads).crossSectional() == crossSectional ? phaseOf[s] : phaseOf[s] - 1;
                    bound[reads] = Math.min(bound[reads], limit);
                }
            }
        }
        // the results read across phases: each becomes an output of its phase and an input of the readers'
        Set<Long> carried = new LinkedHashSet<>();
        for (int s = 0; s < steps.size(); s++) {
            for (ExecutionPlan.Source source : steps.get(s).inputs()) {
                if (source instanceof ExecutionPlan.Part part && phaseOf[part.step()] != phaseOf[s]) {
                    carried.add(key(part.step(), part.part()));
                }
            }
        }
        List<Phase> phases = new ArrayList<>();
        for (int p = 0; p <= last; p++) {
            Phase phase = phase(plan, phaseOf, p, carried);
            if (phase != null) {
                phases.add(phase);
            }
        }
        return List.copyOf(phases);
    }

    /**
     * The time-series work that computes, where each symbol's rows are together, the columns {@code needed} from the
     * panel's columns and the results of the cross-sectional phases before phase {@code before}: each time-series
     * phase before it, {@link #prune pruned} to what is needed, in order (phases with nothing needed left out).
     *
     * @param needed names of phase outputs (or panel columns, which need nothing)
     */
    static List<ExecutionPlan> timeSeriesFor(List<Phase> phases, int before, Collection<String> needed) {
        Set<String> wanted = new LinkedHashSet<>(needed);
        List<ExecutionPlan> plans = new ArrayList<>();
        for (int p = before - 1; p >= 0; p--) {
            Phase phase = phases.get(p);
            List<String> outputs = phase.outputColumns();
            if (phase.crossSectional()) {
                outputs.forEach(wanted::remove); // its results are there already
                continue;
            }
            Set<String> mine = new LinkedHashSet<>(outputs);
            mine.retainAll(wanted);
            if (mine.isEmpty()) {
                continue;
            }
            ExecutionPlan pruned = prune(phase.plan(), mine);
            plans.addFirst(pruned);
            wanted.removeAll(mine);
            wanted.addAll(pruned.inputColumns());
        }
        return List.copyOf(plans);
    }

    /**
     * The plan with only the outputs named in {@code keep}, the steps they read (directly or not) and the input
     * columns those steps read; steps keep their stages and order.
     */
    static ExecutionPlan prune(ExecutionPlan plan, Set<String> keep) {
        List<ExecutionPlan.Step> steps = plan.steps();
        boolean[] used = new boolean[steps.size()];
        for (ExecutionPlan.Output o : plan.outputs()) {
            used[o.step()] |= keep.contains(o.name());
        }
        for (int s = steps.size() - 1; s >= 0; s--) {
            if (used[s]) {
                for (ExecutionPlan.Source source : steps.get(s).inputs()) {
                    if (source instanceof ExecutionPlan.Part part) {
                        used[part.step()] = true;
                    }
                }
            }
        }
        int[] renumbered = new int[steps.size()];
        List<String> inputs = new ArrayList<>();
        List<ExecutionPlan.Step> kept = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            renumbered[s] = -1;
            if (!used[s]) {
                continue;
            }
            ExecutionPlan.Step step = steps.get(s);
            List<ExecutionPlan.Source> sources = new ArrayList<>();
            for (ExecutionPlan.Source source : step.inputs()) {
                sources.add(switch (source) {
                    case ExecutionPlan.Column c -> input(inputs, plan.inputColumns().get(c.index()));
                    case ExecutionPlan.Part part -> new ExecutionPlan.Part(renumbered[part.step()], part.part());
                });
            }
            renumbered[s] = kept.size();
            kept.add(new ExecutionPlan.Step(step.kernel(), step.provider(), sources, step.stage()));
        }
        List<ExecutionPlan.Output> outputs = new ArrayList<>();
        for (ExecutionPlan.Output o : plan.outputs()) {
            if (keep.contains(o.name())) {
                outputs.add(new ExecutionPlan.Output(o.name(), renumbered[o.step()], o.part()));
            }
        }
        return new ExecutionPlan(inputs, kept, outputs);
    }

    private static Phase phase(ExecutionPlan plan, int[] phaseOf, int p, Set<Long> carried) {
        List<ExecutionPlan.Step> steps = plan.steps();
        int[] local = new int[steps.size()];
        List<String> inputs = new ArrayList<>();
        List<ExecutionPlan.Step> mine = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            local[s] = -1;
            if (phaseOf[s] != p) {
                continue;
            }
            ExecutionPlan.Step step = steps.get(s);
            List<ExecutionPlan.Source> sources = new ArrayList<>();
            int stage = 1;
            for (ExecutionPlan.Source source : step.inputs()) {
                switch (source) {
                    case ExecutionPlan.Column c -> sources.add(input(inputs, plan.inputColumns().get(c.index())));
                    case ExecutionPlan.Part part when phaseOf[part.step()] == p -> {
                        sources.add(new ExecutionPlan.Part(local[part.step()], part.part()));
                        stage = Math.max(stage, mine.get(local[part.step()]).stage() + 1);
                    }
                    case ExecutionPlan.Part part -> sources.add(input(inputs, intermediate(part.step(),
                            part.part())));
                }
            }
            local[s] = mine.size();
            mine.add(new ExecutionPlan.Step(step.kernel(), step.provider(), sources, stage));
        }
        if (mine.isEmpty()) {
            return null;
        }
        List<ExecutionPlan.Output> outputs = new ArrayList<>();
        for (long k : carried) {
            int step = (int) (k >>> 32);
            int part = (int) k;
            if (phaseOf[step] == p) {
                outputs.add(new ExecutionPlan.Output(intermediate(step, part), local[step], part));
            }
        }
        for (ExecutionPlan.Output o : plan.outputs()) {
            if (phaseOf[o.step()] == p) {
                outputs.add(new ExecutionPlan.Output(o.name(), local[o.step()], o.part()));
            }
        }
        return new Phase((p & 1) == 1, new ExecutionPlan(inputs, mine, outputs));
    }

    /** The first phase of the kind at or after {@code p} ({@code up}), or the last one at or before it. */
    private static int ofKind(int p, boolean crossSectional, boolean up) {
        int kind = crossSectional ? 1 : 0;
        return (p & 1) == kind ? p : up ? p + 1 : p - 1;
    }

    private static ExecutionPlan.Column input(List<String> inputs, String name) {
        int i = inputs.indexOf(name);
        if (i < 0) {
            i = inputs.size();
            inputs.add(name);
        }
        return new ExecutionPlan.Column(i);
    }

    private static long key(int step, int part) {
        return ((long) step << 32) | (part & 0xffffffffL);
    }
}
