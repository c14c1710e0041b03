package dev.quiver.features.kernel;

import dev.quiver.api.feature.IncrementalKernel;

/**
 * The base of the incremental form of a kernel with any number of inputs and outputs: counts bars, checks the
 * array sizes, and serves {@link #update(double)} for the one-input, one-output case.
 *
 * <p>Thread-safety: not thread-safe; one instance serves one series on one thread at a time.
 */
public abstract class MultiInputState implements IncrementalKernel {
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
     * @throws IllegalArgumentException if either is below 1
     */
    protected MultiInputState(int inputs, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException(inputs + " inputs and " + outputs + " outputs: at least 1 of each");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.oneIn = new double[1];
        this.oneOut = new double[1];
    }

    /**
     * Consumes one bar and writes every output value of that bar ({@code NaN} during warm-up or on missing input).
     *
     * @param in the bar's input values; not to be modified or kept
     * @param out receives one value per output
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
