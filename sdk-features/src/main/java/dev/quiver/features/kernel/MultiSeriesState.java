package dev.quiver.features.kernel;

import dev.quiver.api.feature.IncrementalKernel;

/**
 * The base of the incremental form of a kernel with any number of inputs and outputs: checks the array lengths,
 * counts bars, and adapts {@link #update(double)} for the one-input, one-output case.
 *
 * <p>Thread-safety: not thread-safe; one instance serves one series on one thread at a time.
 */
public abstract class MultiSeriesState implements IncrementalKernel {
    private final int inputs;
    private final int outputs;
    private final double[] oneIn;
    private final double[] oneOut;
    private long count;

    /**
     * A fresh state.
     *
     * @param inputs the number of input values per bar, at least 1
     * @param outputs the number of output values per bar, at least 1
     * @throws IllegalArgumentException if either is below 1
     */
    protected MultiSeriesState(int inputs, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a state needs at least one input and one output, " + inputs
                    + " and " + outputs + " given");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.oneIn = new double[1];
        this.oneOut = new double[1];
    }

    /**
     * Consumes one bar and writes every output value of it; {@code NaN} during warm-up or on a missing value.
     * {@code in} and {@code out} have the lengths given to the constructor.
     */
    protected abstract void step(double[] in, double[] out);

    /** Forgets every bar seen. */
    protected abstract void clear();

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code in} or {@code out} does not have one element per input or output
     */
    @Override
    public final void update(double[] in, double[] out) {
        if (in.length != inputs || out.length != outputs) {
            throw new IllegalArgumentException(inputs + " input and " + outputs + " output values expected, "
                    + in.length + " and " + out.length + " given");
        }
        count++;
        step(in, out);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the kernel has several inputs or outputs
     */
    @Override
    public final double update(double value) {
        if (inputs != 1 || outputs != 1) {
            throw new IllegalStateException("this kernel takes " + inputs + " inputs and gives " + outputs
                    + " outputs per bar; use update(double[], double[])");
        }
        oneIn[0] = value;
        count++;
        step(oneIn, oneOut);
        return oneOut[0];
    }

    @Override
    public final void reset() {
        count = 0;
        clear();
    }

    @Override
    public final long count() {
        return count;
    }
}
