package dev.quiver.gpu.cuda.execution;

import dev.quiver.api.feature.ExecutionContext;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.PlanExecutor;
import dev.quiver.api.provider.Availability;
import dev.quiver.api.table.Panel;
import dev.quiver.gpu.cuda.CudaRuntime;
import dev.quiver.gpu.cuda.CudaStatus;
import dev.quiver.gpu.cuda.kernel.DeviceApi;
import dev.quiver.gpu.cuda.kernel.JCudaDevice;
import java.lang.foreign.MemorySegment;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code cuda} plan executor: runs whole feature plans on the GPU through the CUDA driver API. The plan's input
 * columns are uploaded once (through pinned staging buffers, asynchronously, on one stream per call), every
 * intermediate column stays on the device, and only the requested outputs are copied back ({@link DevicePlanRun});
 * the kernels are those of {@code src/main/cuda} ({@link DeviceOps} lists the operators).
 *
 * <h2>When it refuses a plan</h2>
 * <ul>
 *   <li>CUDA is unavailable ({@link CudaRuntime#probe()}): the probe's one-line reason, e.g. "the CUDA driver
 *       could not be loaded (UnsatisfiedLinkError: libcuda.so.1: cannot open shared object file: ...)". The
 *       planner then lists this executor as unavailable with that reason.</li>
 *   <li>A step's operator has no CUDA kernel, or comes from a plugin provider: "operator kama (kama(10)) has no
 *       CUDA kernel".</li>
 *   <li>Under {@code auto} only: a panel of fewer than {@value #AUTO_MIN_ROWS} rows, below which the transfers
 *       are expected to cost more than the GPU saves. <b>Not yet measured</b>: no GPU was available when this was
 *       written; docs/gpu.md says how to measure it. {@code --device gpu} runs such plans anyway
 *       ({@link #refusalWhenRequested}).</li>
 * </ul>
 *
 * <h2>Values</h2>
 * Each kernel repeats its CPU operator's arithmetic in the same order, compiled without contracted multiply-adds,
 * so the outputs are meant to equal the CPU provider's bit for bit; docs/gpu.md states the tolerance each GPU test
 * holds them to.
 *
 * <h2>Resources and failures</h2>
 * Every device buffer, the staging buffers and the stream of a call are freed before {@link #execute} returns or
 * throws ({@link Allocations} counts them). A CUDA error throws {@link dev.quiver.gpu.cuda.kernel.CudaFailure},
 * which the planner turns into one warning and a CPU run of the plan.
 *
 * <p>Thread-safety: safe for concurrent {@link #execute} calls (each has its own stream and buffers; the context
 * and the loaded modules are shared).
 */
public final class CudaExecutor implements PlanExecutor {
    /** The executor's name. */
    public static final String NAME = "cuda";
    /**
     * The fewest panel rows for which {@code auto} picks the GPU: 1,000,000 (e.g. 4,000 symbols × 250 days).
     * Not yet measured; an estimate from PCIe bandwidth against the 2-core CPU path.
     */
    public static final int AUTO_MIN_ROWS = 1_000_000;

    private final Supplier<CudaStatus> status;
    private final Supplier<DeviceApi> devices;

    /** The executor (ServiceLoader calls this). */
    public CudaExecutor() {
        this(CudaRuntime::probe, JCudaDevice::new);
    }

    /** An executor over other devices and probe: tests run the orchestration on a host-side device. */
    CudaExecutor(Supplier<CudaStatus> status, Supplier<DeviceApi> devices) {
        this.status = status;
        this.devices = devices;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} Above the CPU's 0: {@code auto} prefers the GPU for every plan it takes. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "CUDA kernels over whole plans, data kept on the GPU (driver API through JCuda)";
    }

    @Override
    public Availability availability() {
        return status.get().availability();
    }

    @Override
    public String device() {
        return "gpu";
    }

    @Override
    public Optional<String> refusal(ExecutionPlan plan, Panel panel) {
        Optional<String> r = refusalWhenRequested(plan, panel);
        if (r.isPresent() || panel.rowCount() >= AUTO_MIN_ROWS) {
            return r;
        }
        return Optional.of(String.format(Locale.ROOT, "the panel's %,d rows are below the %,d at which the GPU is "
                + "expected to pay for its transfers (not yet measured; --device gpu runs it anyway)",
                panel.rowCount(), AUTO_MIN_ROWS));
    }

    @Override
    public Optional<String> refusalWhenRequested(ExecutionPlan plan, Panel panel) {
        CudaStatus s = status.get();
        if (!s.available()) {
            return Optional.of("no CUDA: " + s.reason());
        }
        for (ExecutionPlan.Step step : plan.steps()) {
            Optional<String> r = DeviceOps.refusal(step.kernel(), step.provider());
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if this executor refuses the plan even when asked for by name (no CUDA, an
     *     operator without a kernel): the planner then computes it on the CPU
     * @throws dev.quiver.gpu.cuda.kernel.CudaFailure if a CUDA call fails
     */
    @Override
    public void execute(ExecutionPlan plan, Panel panel, MemorySegment[] inputs, MemorySegment[] outputs,
                        ExecutionContext context) {
        plan.checkSegments(panel.rowCount(), inputs, outputs);
        Optional<String> refusal = refusalWhenRequested(plan, panel);
        if (refusal.isPresent()) {
            throw new IllegalStateException("the cuda executor cannot run this plan: " + refusal.get());
        }
        try (DeviceApi device = devices.get(); Allocations memory = new Allocations(device)) {
            DevicePlanRun.run(plan, panel, inputs, outputs, device, memory);
        }
    }

    /** The device buffers held now by every call in this process (0 between calls). */
    public static long liveDeviceBuffers() {
        return Allocations.live();
    }


    @Override
    public String toString() {
        return "CudaExecutor[" + NAME + "]";
    }
}
