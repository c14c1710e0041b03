package dev.quiver.features;

import dev.quiver.api.feature.ExecutionContext;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.PlanExecutor;
import dev.quiver.api.provider.ProviderInfo;
import dev.quiver.api.table.Panel;
import dev.quiver.features.execution.ColumnPool;
import dev.quiver.features.execution.CpuExecutor;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Picks the executor of each plan run and runs it there: the engine's executors in preference order, the device
 * the caller fixed, the threads and the column pool. A failure of an executor other than the CPU's (anything but a
 * kernel's {@link IllegalArgumentException}) is logged once and the plan runs again on the CPU, whose outputs
 * overwrite whatever the failed run left.
 *
 * <p>Thread-safety: immutable but for the set of warnings already logged; safe for concurrent use.
 */
final class PlanRunner {
    private static final System.Logger LOG = System.getLogger(PlanRunner.class.getName());

    private final List<PlanExecutor> executors;
    private final List<ProviderInfo> unavailable;
    private final PlanExecutor cpu;
    private final Device device;
    private final ForkJoinPool pool;
    private final ColumnPool memory;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param executors the available executors, most preferred first
     * @param unavailable the executors found but unavailable here, for the reasons they give
     * @param pool the pool, or {@code null} for the common pool
     */
    PlanRunner(List<PlanExecutor> executors, List<ProviderInfo> unavailable, Device device, ForkJoinPool pool,
               ColumnPool memory) {
        PlanExecutor host = null;
        List<PlanExecutor> others = new ArrayList<>();
        for (PlanExecutor e : executors) {
            if (host == null && e.device().equals("cpu")) {
                host = e;
            } else {
                others.add(e);
            }
        }
        this.cpu = host != null ? host : new CpuExecutor();
        this.executors = List.copyOf(others);
        this.unavailable = List.copyOf(unavailable);
        this.device = Objects.requireNonNull(device, "device");
        this.pool = pool;
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    ColumnPool memory() {
        return memory;
    }

    Device device() {
        return device;
    }

    ExecutorChoice choose(ExecutionPlan plan, Panel panel) {
        if (device == Device.CPU) {
            return new ExecutorChoice(cpu, "");
        }
        List<String> refusals = new ArrayList<>();
        for (PlanExecutor e : executors) {
            if (device == Device.GPU && !e.device().equals("gpu")) {
                continue;
            }
            Optional<String> refusal;
            try {
                // asked for by name, the GPU takes plans that auto would leave to the CPU as too small
                refusal = device == Device.GPU ? e.refusalWhenRequested(plan, panel) : e.refusal(plan, panel);
            } catch (RuntimeException | LinkageError failure) {
                refusal = Optional.of("its refusal check failed: " + failure);
            }
            if (refusal.isEmpty()) {
                return new ExecutorChoice(e, "");
            }
            refusals.add(e.name() + ": " + refusal.get());
        }
        for (ProviderInfo info : unavailable) {
            refusals.add(info.name() + " is unavailable: " + info.availability().reason());
        }
        if (refusals.isEmpty() && device == Device.GPU) {
            refusals.add("no GPU executor is installed (sdk-gpu-cuda is not on the class path)");
        }
        String reason = String.join("; ", refusals);
        return new ExecutorChoice(cpu, reason.isEmpty() ? "" : reason + "; computing on the CPU");
    }

    /** Runs the plan on the chosen executor, falling back to the CPU if a device fails. */
    void run(ExecutionPlan plan, Panel panel, MemorySegment[] inputs, MemorySegment[] outputs) {
        ExecutorChoice choice = choose(plan, panel);
        ExecutionContext context = new ExecutionContext(pool != null ? pool : ForkJoinPool.commonPool(), memory);
        if (device == Device.GPU && !choice.reason().isEmpty()) {
            warnOnce("features: --device gpu: " + choice.reason());
        }
        PlanExecutor chosen = choice.executor();
        if (chosen == cpu) {
            cpu.execute(plan, panel, inputs, outputs, context);
            return;
        }
        try {
            chosen.execute(plan, panel, inputs, outputs, context);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            warnOnce("features: executor '" + chosen.name() + "' failed (" + e + "); computing the plan on the CPU");
            cpu.execute(plan, panel, inputs, outputs, context);
        }
    }

    private void warnOnce(String message) {
        if (warned.add(message)) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }
}
