package dev.quiver.features.kernel;

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
public abstract class SingleInputKernel extends AbstractKernel {

    /**
     * A kernel of a one-input, single-output operator.
     *
     * @param warmUp the number of leading output rows that are {@code NaN} in every series
     * @throws IllegalArgumentException if the operator has several inputs or outputs, or {@code inputs} is not one
     *     column name
     */
    protected SingleInputKernel(OperatorDescriptor descriptor, Params params, List<String> inputs, int warmUp) {
        if (descriptor.inputs().size() != 1 || !descriptor.singleOutput() || inputs.size() != 1) {
            throw new IllegalArgumentException("operator '" + descriptor.name()
                    + "': a single-input kernel needs one input and one unnamed output");
        }
        super(descriptor, params, inputs, KernelNames.outputs(descriptor, params, List.copyOf(inputs)), warmUp);
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
            throw new IllegalArgumentException(outputs().get(0) + ": " + in.length + " input and " + out.length
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

}
