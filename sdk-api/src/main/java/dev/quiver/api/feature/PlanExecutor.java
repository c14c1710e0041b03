package dev.quiver.api.feature;

import dev.quiver.api.provider.QuiverProvider;
import dev.quiver.api.table.Panel;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Runs whole feature plans on one kind of device: the level at which a device is chosen, above the
 * {@link FeatureKernel}s that plugin authors write. The planner ({@code FeaturePlan} in sdk-features) resolves a
 * plan's inputs to {@code FLOAT64} columns, allocates the requested outputs and hands both, with the
 * {@link ExecutionPlan}, to one executor; where the executor keeps intermediate columns, and how it schedules the
 * steps, is its own business. sdk-features' {@code cpu} executor runs every plan; a GPU provider (sdk-gpu-cuda)
 * keeps inputs and intermediates on the device and copies back only the outputs.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Refusal first.</b> {@link #refusal} says, in one plain sentence, why this executor would not run a plan
 *       over a panel (no device, an operator it lacks, a plan too small to pay for the transfers), or nothing when it
 *       would. It is cheap and never throws.</li>
 *   <li><b>Inputs.</b> {@code inputs[i]} is the panel's column {@link ExecutionPlan#inputColumns()}{@code .get(i)}
 *       as {@link Panel#rowCount()} native-order doubles, read-only.</li>
 *   <li><b>Outputs.</b> {@code outputs[j]} receives {@link ExecutionPlan#outputs()}{@code .get(j)}:
 *       {@code rowCount} doubles, writable, <b>not</b> zeroed beforehand (they may hold an earlier result). The
 *       executor writes every row of every output.</li>
 *   <li><b>Values.</b> Each output equals, bit for bit, what the step's kernel computes through its own
 *       {@link FeatureKernel#compute}, unless the executor documents a tolerance per operator; the result does not
 *       depend on the thread count.</li>
 *   <li><b>Resources.</b> Everything the executor allocates for a call (host scratch, device memory, streams) is freed
 *       before {@link #execute} returns or throws.</li>
 *   <li><b>Failure.</b> A kernel's {@link IllegalArgumentException} (bad input) propagates. Any other exception
 *       from an executor other than the CPU's makes the planner warn and run the plan on the CPU instead: a device
 *       error never loses a result.</li>
 * </ul>
 *
 * <p>Registered for {@link java.util.ServiceLoader} like every provider; the planner prefers, among the available
 * executors that do not refuse a plan, the one of highest {@link #priority()}, unless the caller fixes the device.
 *
 * <p>Thread-safety: implementations must be safe for concurrent {@link #execute} calls.
 */
public interface PlanExecutor extends QuiverProvider {

    /** The device family, as {@code --device} names it: {@code cpu} or {@code gpu}. */
    String device();

    /**
     * Why this executor would not run the plan over the panel, or empty when it would.
     *
     * @return a sentence naming the reason ("no CUDA driver", "operator kama has no CUDA kernel", "the plan's
     *     5,000 rows are below the 2,000,000 at which the GPU pays for its transfers")
     */
    Optional<String> refusal(ExecutionPlan plan, Panel panel);

    /**
     * Why this executor would not run the plan when the caller asked for its device by name ({@code --device gpu}),
     * or empty when it would: what {@link #refusal} says, less the refusals that only serve {@code auto}'s choice
     * (a plan too small to pay for the transfers is still run when the device was asked for). The default is
     * {@link #refusal}.
     */
    default Optional<String> refusalWhenRequested(ExecutionPlan plan, Panel panel) {
        return refusal(plan, panel);
    }

    /**
     * Runs the plan.
     *
     * @param inputs one read-only segment per {@link ExecutionPlan#inputColumns()}
     * @param outputs one writable segment per {@link ExecutionPlan#outputs()}, each to be written in full
     * @param context the threads and scratch memory the caller lends
     * @throws IllegalArgumentException if the segments do not match the plan and panel, or a kernel rejects its
     *     input
     */
    void execute(ExecutionPlan plan, Panel panel, MemorySegment[] inputs, MemorySegment[] outputs,
                 ExecutionContext context);
}
