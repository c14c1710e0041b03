package dev.quiver.features.kernel;

import dev.quiver.api.feature.IncrementalKernel;

/**
 * The base of the incremental form of a kernel with any number of inputs and outputs: counts bars, checks the
 * array lengths and adapts {@link #update(double)} for the one-input, one-output case.
 *
 * <p>Thread-safety: not thread-safe; one instance serves one series on one thread at a time.
 */
public abstract class MultiColumnState implements IncrementalKernel {
    private final int inputs;
    private final int outputs;
    private final double[] oneIn;
    private final double[] oneOut;
    private long count;

    /**
     * A fresh state.
     *
     * @param inputs the number of input values per bar
     * @param outputs the number of output values per bar
     * @throws IllegalArgumentException if either is less than one
     */
    protected MultiColumnState(int inputs, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("at least one input and one output needed, " + inputs + " and "
                    + outputs + " given");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.oneIn = new double[1];
        this.oneOut = new double[1];
    }

    /**
     * Consumes one bar and writes its outputs ({@code NaN} during warm-up or on a missing value). {@code in} and
     * {@code out} have the lengths given to the constructor; {@code in} must not be kept.
     */
    protected abstract void step(double[] in, double[] out);

    /** Forgets every bar seen. */
    protected abstract void clear();

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code in} or {@code out} does not have the kernel's number of values
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
                    + " outputs per bar; call update(double[], double[])");
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
