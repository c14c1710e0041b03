package dev.quiver.features.kernel;

import dev.quiver.api.feature.IncrementalKernel;

/**
 * The base of the incremental form of a one-input, one-output kernel: counts bars and adapts the array form of
 * {@link #update(double[], double[])} to {@link #step(double)}.
 *
 * <p>Thread-safety: not thread-safe; one instance serves one series on one thread at a time.
 */
public abstract class SingleInputState implements IncrementalKernel {
    private long count;

    /** A fresh state. */
    protected SingleInputState() {
    }

    /** Consumes one value and returns this bar's output; {@code NaN} during warm-up or on a missing value. */
    protected abstract double step(double value);

    /** Forgets every value seen. */
    protected abstract void clear();

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code in} or {@code out} does not have exactly one element
     */
    @Override
    public final void update(double[] in, double[] out) {
        if (in.length != 1 || out.length != 1) {
            throw new IllegalArgumentException("one input and one output value expected, " + in.length + " and "
                    + out.length + " given");
        }
        out[0] = update(in[0]);
    }

    @Override
    public final double update(double value) {
        count++;
        return step(value);
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
