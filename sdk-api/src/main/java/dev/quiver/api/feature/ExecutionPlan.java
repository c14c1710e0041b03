package dev.quiver.api.feature;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole feature plan as a {@link PlanExecutor} receives it: the panel columns it reads, the kernels it runs (each
 * reading panel columns or earlier kernels' outputs), and the outputs the caller asked for. An executor runs it as one
 * unit, so it can keep intermediate columns where it computes them (in a CPU's caches, on a GPU's memory) and hand
 * back only the requested outputs.
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link #inputColumns()}: the panel columns the plan reads, in the order of the executor's {@code inputs}
 *       segments.</li>
 *   <li>{@link #steps()}: one per distinct computation, in an order where every step comes after the steps it reads.
 *       A step's {@link Step#stage() stage} is 1 + the highest stage it reads (panel columns are stage 0), so the
 *       steps of one stage are independent of each other.</li>
 *   <li>{@link #outputs()}: the requested columns, in the order of the executor's {@code outputs} segments. Two
 *       outputs may name the same part of the same step (one computation under two labels).</li>
 * </ul>
 * Kernels are the plugin author's {@link FeatureKernel}s: an executor that computes an operator its own way (a CUDA
 * kernel) recognises it by {@link FeatureKernel#descriptor()} and {@link FeatureKernel#params()}, and must give the
 * values the kernel's own {@code compute} gives, within the tolerance it documents.
 *
 * <p>Thread-safety: immutable.
 */
public final class ExecutionPlan {
    private final List<String> inputColumns;
    private final List<Step> steps;
    private final List<Output> outputs;
    private final int stages;

    /**
     * What a step reads: a panel column or a part of an earlier step's output.
     *
     * <p>Thread-safety: immutable.
     */
    public sealed interface Source {
    }

    /**
     * Panel column {@code index} of {@link #inputColumns()}.
     *
     * @param index the position in {@link #inputColumns()}
     */
    public record Column(int index) implements Source {
    }

    /**
     * Output {@code part} of step {@code step}.
     *
     * @param step the step's position in {@link #steps()}
     * @param part the position in that kernel's {@link FeatureKernel#outputs()}
     */
    public record Part(int step, int part) implements Source {
    }

    /**
     * One computation.
     *
     * @param kernel the kernel
     * @param provider the name of the provider that made the kernel
     * @param inputs one source per kernel input, in the order of {@link FeatureKernel#inputs()}
     * @param stage 1 + the highest stage of the steps it reads (panel columns are stage 0)
     */
    public record Step(FeatureKernel kernel, String provider, List<Source> inputs, int stage) {
        /** Checks the fields and copies the list. */
        public Step {
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(provider, "provider");
            inputs = List.copyOf(inputs);
            if (stage < 1) {
                throw new IllegalArgumentException("a step's stage is at least 1, not " + stage);
            }
        }

        /** Whether the kernel is cross-sectional (it needs every symbol of a date at once). */
        public boolean crossSectional() {
            return kernel.descriptor().kind() == OperatorKind.CROSS_SECTIONAL;
        }
    }

    /**
     * A requested column.
     *
     * @param name the column's name in the result
     * @param step the step whose output fills it
     * @param part the part of that step's outputs
     */
    public record Output(String name, int step, int part) {
        /** Checks the name. */
        public Output {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A plan.
     *
     * @throws IllegalArgumentException if a source refers to a missing column, a later step or a missing part, a
     *     step's stage is not 1 + the highest stage it reads, or an output refers to a missing step or part
     */
    public ExecutionPlan(List<String> inputColumns, List<Step> steps, List<Output> outputs) {
        this.inputColumns = List.copyOf(inputColumns);
        this.steps = List.copyOf(steps);
        this.outputs = List.copyOf(outputs);
        int highest = 0;
        for (int s = 0; s < this.steps.size(); s++) {
            Step step = this.steps.get(s);
            if (step.inputs().size() != step.kernel().inputs().size()) {
                throw new IllegalArgumentException("step " + s + " (" + step.kernel().outputs().get(0) + ") has "
                        + step.inputs().size() + " sources for " + step.kernel().inputs().size() + " inputs");
            }
            int expected = 1;
            for (Source source : step.inputs()) {
                switch (source) {
                    case Column c -> Objects.checkIndex(c.index(), this.inputColumns.size());
                    case Part p -> {
                        if (p.step() < 0 || p.step() >= s) {
                            throw new IllegalArgumentException("step " + s + " reads step " + p.step()
                                    + ", which does not come before it");
                        }
                        Objects.checkIndex(p.part(), this.steps.get(p.step()).kernel().outputs().size());
                        expected = Math.max(expected, this.steps.get(p.step()).stage() + 1);
                    }
                }
            }
            if (step.stage() != expected) {
                throw new IllegalArgumentException("step " + s + " (" + step.kernel().outputs().get(0) + ") is at "
                        + "stage " + step.stage() + "; what it reads puts it at stage " + expected);
            }
            highest = Math.max(highest, step.stage());
        }
        for (Output o : this.outputs) {
            Objects.checkIndex(o.step(), this.steps.size());
            Objects.checkIndex(o.part(), this.steps.get(o.step()).kernel().outputs().size());
        }
        this.stages = highest;
    }

    /** The panel columns the plan reads, in the order of an executor's input segments. */
    public List<String> inputColumns() {
        return inputColumns;
    }

    /** The computations, every step after those it reads. */
    public List<Step> steps() {
        return steps;
    }

    /** The requested columns, in the order of an executor's output segments. */
    public List<Output> outputs() {
        return outputs;
    }

    /** The number of stages: the highest {@link Step#stage()}, 0 for a plan without steps. */
    public int stages() {
        return stages;
    }

    /** The positions in {@link #steps()} of the steps of one stage, in order. */
    public List<Integer> stage(int stage) {
        List<Integer> result = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s).stage() == stage) {
                result.add(s);
            }
        }
        return List.copyOf(result);
    }

    /**
     * For each step, the highest stage that reads one of its outputs, or its own stage when none does: after that
     * stage an executor may free the step's intermediate columns.
     */
    public int[] lastReadStage() {
        int[] last = new int[steps.size()];
        for (int s = 0; s < steps.size(); s++) {
            last[s] = Math.max(last[s], steps.get(s).stage());
            for (Source source : steps.get(s).inputs()) {
                if (source instanceof Part p) {
                    last[p.step()] = Math.max(last[p.step()], steps.get(s).stage());
                }
            }
        }
        return last;
    }

    /**
     * Checks the segments handed to {@link PlanExecutor#execute}: one input per {@link #inputColumns()} and one output
     * per {@link #outputs()}, each exactly {@code rows} doubles long. Every executor calls it first, so a caller's
     * mistake is reported the same way whichever executor runs the plan.
     *
     * @throws IllegalArgumentException naming the side (input or output), the segment's position and its size
     */
    public void checkSegments(int rows, MemorySegment[] inputs, MemorySegment[] outputs) {
        long bytes = (long) rows * Double.BYTES;
        checkSegments("input", inputs, inputColumns.size(), bytes);
        checkSegments("output", outputs, this.outputs.size(), bytes);
    }

    private static void checkSegments(String what, MemorySegment[] segments, int expected, long bytes) {
        if (segments.length != expected) {
            throw new IllegalArgumentException(segments.length + " " + what + " segments given, the plan has "
                    + expected);
        }
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].byteSize() != bytes) {
                throw new IllegalArgumentException(what + " " + i + " holds " + segments[i].byteSize()
                        + " bytes, the panel's rows need " + bytes);
            }
        }
    }

    @Override
    public String toString() {
        return "ExecutionPlan[" + inputColumns.size() + " inputs, " + steps.size() + " steps in " + stages
                + " stages, " + outputs.size() + " outputs]";
    }
}
