package dev.quiver.features.kernel;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Objects;

/**
 * The base of a time-series kernel with any number of input and output columns (high, low, close, volume in;
 * {@code macd}, {@code signal}, {@code hist} out): holds the descriptor, parameters, inputs, output names and
 * warm-up, and checks the arguments of {@link #computeSeries} before handing the segments to {@link #computeRange}.
 *
 * <p>By default the batch form runs a fresh {@link #incremental()} state over the rows, so batch and incremental
 * outputs agree bit for bit by construction; a subclass may override {@link #computeRange} with a dedicated loop,
 * which must then perform the same operations in the same order.
 *
 * <p>Thread-safety: subclasses must be immutable, so that series may be computed concurrently.
 */
public abstract class MultiSeriesKernel implements FeatureKernel {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final OperatorDescriptor descriptor;
    private final Params params;
    private final List<String> inputs;
    private final List<String> outputs;
    private final int warmUp;

    /**
     * A kernel of a time-series operator with {@code descriptor.inputs().size()} inputs and
     * {@code descriptor.outputs().size()} outputs.
     *
     * @param warmUp the number of leading rows of every series whose outputs (all of them) are {@code NaN}
     * @throws IllegalArgumentException if {@code inputs} does not name one column per input role, or {@code warmUp}
     *     is negative
     */
    protected MultiSeriesKernel(OperatorDescriptor descriptor, Params params, List<String> inputs, int warmUp) {
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
     * Computes rows {@code [from, to)} of one series, which the caller has checked lie within every segment, and
     * writes every output row in the range. The default steps a fresh {@link #incremental()} state through the rows.
     */
    protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
        MultiSeriesState state = incremental();
        double[] x = new double[in.length];
        double[] y = new double[out.length];
        for (int i = from; i < to; i++) {
            for (int k = 0; k < x.length; k++) {
                x[k] = in[k].getAtIndex(D, i);
            }
            state.update(x, y);
            for (int o = 0; o < y.length; o++) {
                out[o].setAtIndex(D, i, y[o]);
            }
        }
    }

    /** A fresh incremental state, equal in its outputs to the batch form. */
    @Override
    public abstract MultiSeriesState incremental();

    @Override
    public String toString() {
        return outputs.size() == 1 ? outputs.get(0) : outputs.toString();
    }
}
