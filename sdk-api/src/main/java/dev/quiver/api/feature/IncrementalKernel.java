package dev.quiver.api.feature;

/**
 * The bar-by-bar form of a time-series {@link FeatureKernel}: the state of one series, updated with each new bar.
 * Live feeds and the backtester use it; after the same bars it gives exactly what the batch form gives.
 *
 * <p>Thread-safety: not thread-safe; one instance serves one series on one thread at a time.
 */
public interface IncrementalKernel {

    /**
     * Consumes the next bar and writes this bar's outputs.
     *
     * @param in this bar's input values, one per {@link FeatureKernel#inputs() input}
     * @param out receives this bar's output values, one per {@link FeatureKernel#outputs() output}; {@code NaN}
     *     during warm-up
     */
    void update(double[] in, double[] out);

    /**
     * Convenience for one-input, one-output kernels: consumes one value and returns the output.
     *
     * @throws IllegalStateException if the kernel has several inputs or outputs
     */
    double update(double value);

    /** Forgets every bar seen, as if new. */
    void reset();

    /** The number of bars consumed since creation or the last {@link #reset()}. */
    long count();
}
