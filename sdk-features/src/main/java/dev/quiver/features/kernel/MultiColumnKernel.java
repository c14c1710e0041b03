package dev.quiver.features.kernel;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;

/**
 * The base of a time-series kernel with any number of input columns and output columns (OBV reads close and
 * volume; a correlation reads two series): holds the descriptor, parameters, inputs, output names and warm-up, and
 * checks the arguments of {@link #computeSeries} before handing the segments to {@link #computeRange}.
 *
 * <p>Thread-safety: subclasses must be immutable, so that series may be computed concurrently.
 */
public abstract class MultiColumnKernel implements FeatureKernel {
    private final OperatorDescriptor descriptor;
    private final Params params;
    private final List<String> inputs;
    private final List<String> outputs;
    private final int warmUp;

    /**
     * A kernel of an operator with {@code descriptor.inputs().size()} inputs and {@code descriptor.outputs().size()}
     * outputs.
     *
     * @param warmUp the number of leading output rows that are {@code NaN} in every series
     * @throws IllegalArgumentException if {@code inputs} does not name one column per input role, or the warm-up is
     *     negative
     */
    protected MultiColumnKernel(OperatorDescriptor descriptor, Params params, List<String> inputs, int warmUp) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.params = Objects.requireNonNull(params, "params");
        this.inputs = List.copyOf(inputs);
        if (this.inputs.size() != descriptor.inputs().size()) {
            throw new IllegalArgumentException("operator '" + descriptor.name() + "' takes "
                    + descriptor.inputs().size() + " input columns, " + this.inputs.size() + " given");
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("operator '" + descriptor.name() + "': warm-up " + warmUp + " < 0");
        }
        this.outputs = KernelNames.outputs(descriptor, params, this.inputs);
        this.warmUp = warmUp;
    }

    @Override
    public final OperatorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final List<String> inputs() {
        return inputs;
    }

    @Override
    public final List<String> outputs() {
        return outputs;
    }

    @Override
    public final int warmUp() {
        return warmUp;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if there is not one input segment per input and one output segment per output
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within every segment
     */
    @Override
    public final void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
        if (in.length != inputs.size() || out.length != outputs.size()) {
            throw new IllegalArgumentException(outputs.get(0) + ": " + in.length + " input and " + out.length
                    + " output segments given, " + inputs.size() + " and " + outputs.size() + " expected");
        }
        long rows = Long.MAX_VALUE;
        for (MemorySegment s : in) {
            rows = Math.min(rows, s.byteSize() / Double.BYTES);
        }
        for (MemorySegment s : out) {
            rows = Math.min(rows, s.byteSize() / Double.BYTES);
        }
        Objects.checkFromToIndex(from, to, rows);
        computeRange(in, out, from, to);
    }

    /**
     * Computes rows {@code [from, to)} of one series, which the caller has checked lie within every segment. Writes
     * every output row in the range.
     */
    protected abstract void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to);

    @Override
    public String toString() {
        return descriptor.singleOutput() ? outputs.get(0) : String.join(",", outputs);
    }
}
