package dev.quiver.features.execution;

import dev.quiver.api.feature.ExecutionContext;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.PlanExecutor;
import dev.quiver.api.feature.ScratchMemory;
import dev.quiver.api.table.Panel;
import dev.quiver.features.crosssection.CrossSection;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The {@code cpu} plan executor: runs every plan, stage by stage, on the host's cores; the executor every other
 * one falls back to.
 *
 * <ul>
 *   <li><b>Stages.</b> The steps of one stage run together once the stages before have finished. Inner results no
 *       output names are scratch columns borrowed from the context's {@link ScratchMemory} and given back after the
 *       last stage that reads them (a pool hands them, already touched, to the next stage or computation).</li>
 *   <li><b>Parallel.</b> Within a stage the panel's symbols are split into contiguous groups
 *       ({@link SymbolGroups}: a few per thread, at most 64 symbols each) and time-series kernels run one task per
 *       (kernel, group), through {@link FeatureKernel#computeSymbols}; SIMD kernels compute a group's series several
 *       at a time, one per lane. Tasks are ordered group-major, so a group's input rows stay in a core's cache while
 *       the stage's kernels run over them. The built-in cross-sectional kernels of a stage run together in one pass
 *       over the dates ({@link CrossSection#computeTogether}); other cross-sectional kernels get one task each. Every
 *       task writes only its own rows and {@code computeSymbols} gives each symbol what {@code computeSeries} gives
 *       it, so the result does not depend on the thread count.</li>
 *   <li><b>On the calling thread</b> when the context's pool has parallelism 1, the work is small (fewer than
 *       {@value #PARALLEL_THRESHOLD} output values), or an input lives in memory confined to the calling thread.</li>
 *   <li><b>Outputs.</b> A requested output is written straight into its segment; a second output naming the same
 *       computation is a copy of the first.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; concurrent {@link #execute} calls are independent.
 */
public final class CpuExecutor implements PlanExecutor {
    /** The executor's name. */
    public static final String NAME = "cpu";
    /** Below this many output values a fork costs more than it saves. */
    static final long PARALLEL_THRESHOLD = 1L << 16;
    private static final Thread NO_OWNER = Thread.ofVirtual().unstarted(() -> { });

    /** The executor (ServiceLoader calls this). */
    public CpuExecutor() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} The lowest: any device that takes a plan is preferred to the host. */
    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String description() {
        return "the host's cores: stages of kernels over groups of symbols on a fork-join pool";
    }

    @Override
    public String device() {
        return "cpu";
    }

    /** {@inheritDoc} Never: the CPU runs every plan. */
    @Override
    public Optional<String> refusal(ExecutionPlan plan, Panel panel) {
        return Optional.empty();
    }

    @Override
    public void execute(ExecutionPlan plan, Panel panel, MemorySegment[] inputs, MemorySegment[] outputs,
                        ExecutionContext context) {
        List<ExecutionPlan.Step> steps = plan.steps();
        int rows = panel.rowCount();
        plan.checkSegments(rows, inputs, outputs);
        long bytes = (long) rows * Double.BYTES;
        boolean shared = true;
        for (MemorySegment in : inputs) {
            shared &= in.isAccessibleBy(NO_OWNER);
        }
        MemorySegment[][] outs = new MemorySegment[steps.size()][];
        for (int s = 0; s < steps.size(); s++) {
            outs[s] = new MemorySegment[steps.get(s).kernel().outputs().size()];
        }
        List<int[]> copies = new ArrayList<>(); // {output, step, part} of a second output of one computation
        for (int j = 0; j < outputs.length; j++) {
            ExecutionPlan.Output o = plan.outputs().get(j);
            if (outs[o.step()][o.part()] == null) {
                outs[o.step()][o.part()] = outputs[j];
            } else {
                copies.add(new int[] {j, o.step(), o.part()});
            }
        }
        int[] lastRead = plan.lastReadStage();
        List<List<ScratchMemory.Lease>> freeAfter = new ArrayList<>();
        for (int stage = 0; stage <= plan.stages(); stage++) {
            freeAfter.add(new ArrayList<>());
        }
        try {
            for (int s = 0; s < steps.size(); s++) {
                for (int p = 0; p < outs[s].length; p++) {
                    if (outs[s][p] == null) {
                        ScratchMemory.Lease lease = context.scratch().lend(bytes);
                        freeAfter.get(lastRead[s]).add(lease);
                        outs[s][p] = lease.segment();
                    }
                }
            }
            MemorySegment[][] ins = new MemorySegment[steps.size()][];
            for (int s = 0; s < steps.size(); s++) {
                List<ExecutionPlan.Source> sources = steps.get(s).inputs();
                ins[s] = new MemorySegment[sources.size()];
                for (int i = 0; i < ins[s].length; i++) {
                    ins[s][i] = switch (sources.get(i)) {
                        case ExecutionPlan.Column c -> inputs[c.index()];
                        // a kernel reads an earlier stage's output through a read-only view, as it reads columns
                        case ExecutionPlan.Part p -> outs[p.step()][p.part()].asReadOnly();
                    };
                }
            }
            ForkJoinPool pool = context.pool();
            boolean parallel = shared && pool.getParallelism() > 1
                    && (long) rows * Math.max(1, steps.size()) >= PARALLEL_THRESHOLD;
            for (int stage = 1; stage <= plan.stages(); stage++) {
                runStage(plan, panel, stage, ins, outs, parallel ? pool : null);
                for (ScratchMemory.Lease lease : freeAfter.get(stage)) {
                    lease.close();
                }
                freeAfter.get(stage).clear();
            }
            for (int[] c : copies) {
                MemorySegment.copy(outs[c[1]][c[2]], 0, outputs[c[0]], 0, bytes);
            }
        } finally {
            for (List<ScratchMemory.Lease> leases : freeAfter) {
                for (ScratchMemory.Lease lease : leases) {
                    lease.close();
                }
            }
        }
    }


    private static void runStage(ExecutionPlan plan, Panel panel, int stage, MemorySegment[][] ins,
                                 MemorySegment[][] outs, ForkJoinPool pool) {
        List<ExecutionPlan.Step> steps = plan.steps();
        List<Integer> series = new ArrayList<>();
        List<Integer> crossSections = new ArrayList<>();
        List<Integer> together = new ArrayList<>();
        for (int s : plan.stage(stage)) {
            FeatureKernel kernel = steps.get(s).kernel();
            if (!steps.get(s).crossSectional()) {
                series.add(s);
            } else if (CrossSection.isMember(kernel)) {
                together.add(s); // one pass over the dates for all of them, each input copied once
            } else {
                crossSections.add(s);
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
                    computeTogether(steps, together, ins, outs, panel);
                } else {
                    run(steps.get(s), () -> steps.get(s).kernel().compute(panel, ins[s], outs[s]));
                }
            } else {
                int s = series.get(i % series.size());
                int g = i / series.size();
                run(steps.get(s), () -> steps.get(s).kernel().computeSymbols(panel, groups[g], groups[g + 1],
                        ins[s], outs[s]));
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

    private static void computeTogether(List<ExecutionPlan.Step> steps, List<Integer> stepIndices,
                                        MemorySegment[][] ins, MemorySegment[][] outs, Panel panel) {
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

    /**
     * Runs one kernel call; a write to a read-only input (the JDK's "Attempt to write a read-only segment") becomes
     * a sentence naming the kernel, its class and its provider.
     */
    private static void run(ExecutionPlan.Step step, Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m != null && m.contains("read-only")) {
                FeatureKernel kernel = step.kernel();
                throw new IllegalStateException("kernel " + kernel.outputs().get(0) + " (" + kernel.getClass()
                        .getName() + ", provider " + step.provider() + ") wrote to one of its inputs; a kernel's "
                        + "inputs are read-only: it may write only its outputs", e);
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "CpuExecutor[" + NAME + "]";
    }
}
