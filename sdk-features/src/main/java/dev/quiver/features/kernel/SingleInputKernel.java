package dev.quiver.features.kernel;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;

/**
 * The base of a time-series kernel with one input column and one output column: holds the descriptor, parameters,
 * inputs, output name and warm-up, and checks the arguments of {@link #computeSeries} before handing the two
 * segments to {@link #computeRange}.
 *
 * <p>Thread-safety: subclasses must be immutable, so that series may be computed concurrently.
 */
public abstract class SingleInputKernel implements FeatureKernel {
    private final OperatorDescriptor descriptor;
    private final Params params;
    private final List<String> inputs;
    private final List<String> outputs;
    private final int warmUp;

    /**
     * A kernel of a one-input, single-output operator.
     *
     * @param warmUp the number of leading output rows that are {@code NaN} in every series
     * @throws IllegalArgumentException if the operator has several inputs or outputs, or {@code inputs} is not one
     *     column name
     */
    protected SingleInputKernel(OperatorDescriptor descriptor, Params params, List<String> inputs, int warmUp) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.params = Objects.requireNonNull(params, "params");
        this.inputs = List.copyOf(inputs);
        if (descriptor.inputs().size() != 1 || !descriptor.singleOutput() || this.inputs.size() != 1) {
            throw new IllegalArgumentException("operator '" + descriptor.name()
                    + "': a single-input kernel needs one input and one unnamed output");
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
     * @throws IllegalArgumentException if there is not exactly one input and one output segment
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within both segments
     */
    @Override
    public final void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
        if (in.length != 1 || out.length != 1) {
            throw new IllegalArgumentException(outputs.get(0) + ": " + in.length + " input and " + out.length
                    + " output segments given, 1 and 1 expected");
        }
        long rows = Math.min(in[0].byteSize(), out[0].byteSize()) / Double.BYTES;
        Objects.checkFromToIndex(from, to, rows);
        computeRange(in[0], out[0], from, to);
    }

    /**
     * Computes rows {@code [from, to)} of one series, which the caller has checked lie within both segments. Writes
     * every output row in the range.
     */
    protected abstract void computeRange(MemorySegment in, MemorySegment out, int from, int to);

    @Override
    public String toString() {
        return outputs.get(0);
    }
}
