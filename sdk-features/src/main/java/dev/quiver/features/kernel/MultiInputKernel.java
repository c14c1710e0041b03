package dev.quiver.features.kernel;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Objects;

/**
 * The base of a time-series kernel with any number of input and output columns ({@code high, low, close} in,
 * {@code upper, middle, lower} out): holds the descriptor, parameters, inputs, output names and warm-up, and checks
 * the arguments of {@link #computeSeries} before handing the segments to {@link #computeRange}.
 *
 * <p>One-input, one-output operators may use it too, but {@link SingleInputKernel} saves them the array indexing.
 *
 * <p>Thread-safety: subclasses must be immutable, so that series may be computed concurrently.
 */
public abstract class MultiInputKernel extends AbstractKernel {

    /**
     * A kernel with one input column per input role of the descriptor and one output column per output part.
     *
     * @param warmUp the number of leading rows of each series whose outputs are all {@code NaN}; from that row on a
     *     series of finite inputs gives finite values in every output
     * @throws IllegalArgumentException if {@code inputs} does not name one column per input role, or the warm-up is
     *     negative
     */
    protected MultiInputKernel(OperatorDescriptor descriptor, Params params, List<String> inputs, int warmUp) {
        if (inputs.size() != descriptor.inputs().size()) {
            throw new IllegalArgumentException("operator '" + descriptor.name() + "' takes "
                    + descriptor.inputs().size() + " input columns (" + String.join(", ", descriptor.inputs())
                    + "), " + inputs.size() + " given");
        }
        super(descriptor, params, inputs, KernelNames.outputs(descriptor, params, List.copyOf(inputs)), warmUp);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if there is not one input segment per input and one output segment per output
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within every segment
     */
    @Override
    public final void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
        if (in.length != inputs().size() || out.length != outputs().size()) {
            throw new IllegalArgumentException(outputs().get(0) + ": " + in.length + " input and " + out.length
                    + " output segments given, " + inputs().size() + " and " + outputs().size() + " expected");
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
     * every output row in the range of every output segment. The default steps a fresh {@link #incremental()} state
     * through the rows, which makes batch and incremental agree bit for bit by construction; kernels with a faster
     * loop of the same arithmetic override it.
     *
     * @param in one segment per input, in the order of {@link #inputs()}
     * @param out one segment per output, in the order of {@link #outputs()}
     */
    protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
        if (!(incremental() instanceof MultiInputState state)) {
            throw new IllegalStateException(this + ": the default batch loop needs a MultiInputState; override "
                    + "computeRange");
        }
        stepThrough(state, in, out, from, to);
    }

    /**
     * Computes rows {@code [from, to)} by feeding them one by one to a fresh incremental state: for operators whose
     * batch form is their incremental form run over the rows, which makes the two agree bit for bit by construction.
     * Reuses two small arrays for the whole range; no object per row.
     */
    protected static void stepThrough(MultiInputState state, MemorySegment[] in, MemorySegment[] out, int from,
                                      int to) {
        double[] bar = new double[in.length];
        double[] values = new double[out.length];
        for (int i = from; i < to; i++) {
            for (int k = 0; k < bar.length; k++) {
                bar[k] = in[k].getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            }
            state.step(bar, values);
            for (int o = 0; o < values.length; o++) {
                out[o].setAtIndex(ValueLayout.JAVA_DOUBLE, i, values[o]);
            }
        }
    }

}
