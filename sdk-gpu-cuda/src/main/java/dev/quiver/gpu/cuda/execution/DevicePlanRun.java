package dev.quiver.gpu.cuda.execution;

import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.table.Panel;
import dev.quiver.gpu.cuda.kernel.DeviceApi;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One plan on one device: the panel's indexes and the plan's input columns are uploaded once; each stage's kernels
 * are launched on the device's stream, reading inputs and earlier steps' outputs where they already are; a
 * requested output is copied back as soon as its stage has run, and a step's buffers are freed after the last stage
 * that reads them. Nothing else comes back to the host.
 *
 * <p>Thread-safety: stateless; a run uses the calling thread and the given device only.
 */
final class DevicePlanRun {

    private DevicePlanRun() {
    }

    /**
     * Runs the plan; the caller closes {@code memory} (which frees whatever this left on an error).
     *
     * @param inputs one segment per input column, {@code rowCount} doubles each
     * @param outputs one segment per requested output, written in full
     */
    static void run(ExecutionPlan plan, Panel panel, MemorySegment[] inputs, MemorySegment[] outputs,
                    DeviceApi device, Allocations memory) {
        int rows = panel.rowCount();
        if (rows == 0) {
            return; // every output is empty
        }
        long bytes = (long) rows * Double.BYTES;
        List<ExecutionPlan.Step> steps = plan.steps();
        boolean byDate = steps.stream().anyMatch(ExecutionPlan.Step::crossSectional);
        DeviceIndex index = new DeviceIndex(memory, device, panel, byDate);
        long[] columns = new long[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            columns[i] = memory.alloc(bytes);
            device.upload(inputs[i], columns[i]);
        }
        // which outputs each (step, part) fills
        List<List<List<Integer>>> requested = new ArrayList<>();
        for (ExecutionPlan.Step step : steps) {
            List<List<Integer>> parts = new ArrayList<>();
            for (int p = 0; p < step.kernel().outputs().size(); p++) {
                parts.add(new ArrayList<>());
            }
            requested.add(parts);
        }
        for (int j = 0; j < outputs.length; j++) {
            ExecutionPlan.Output o = plan.outputs().get(j);
            requested.get(o.step()).get(o.part()).add(j);
        }
        int[] lastRead = plan.lastReadStage();
        long[][] results = new long[steps.size()][];
        for (int stage = 1; stage <= plan.stages(); stage++) {
            List<Integer> members = plan.stage(stage);
            for (int s : members) {
                ExecutionPlan.Step step = steps.get(s);
                long[] in = new long[step.inputs().size()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = switch (step.inputs().get(i)) {
                        case ExecutionPlan.Column c -> columns[c.index()];
                        case ExecutionPlan.Part p -> results[p.step()][p.part()];
                    };
                }
                long[] out = new long[step.kernel().outputs().size()];
                for (int p = 0; p < out.length; p++) {
                    out[p] = memory.alloc(bytes);
                }
                results[s] = out;
                DeviceOps.launch(device, step.kernel(), in, out, index);
            }
            for (int s : members) {
                for (int p = 0; p < results[s].length; p++) {
                    List<Integer> into = requested.get(s).get(p);
                    if (!into.isEmpty()) {
                        device.download(results[s][p], outputs[into.get(0)]);
                        for (int k = 1; k < into.size(); k++) {
                            MemorySegment.copy(outputs[into.get(0)], 0, outputs[into.get(k)], 0, bytes);
                        }
                    }
                }
            }
            // the buffers no later stage reads; the stream is drained first, so no queued kernel reads them
            device.synchronize();
            for (int s = 0; s < steps.size(); s++) {
                if (results[s] != null && lastRead[s] == stage) {
                    for (long handle : results[s]) {
                        memory.free(handle);
                    }
                    results[s] = null;
                }
            }
        }
        device.synchronize();
    }
}
