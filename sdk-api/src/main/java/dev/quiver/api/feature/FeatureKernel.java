package dev.quiver.api.feature;

import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;

/**
 * One operator with bound parameters and input columns: computes its output columns over a panel in batch, and
 * (for time-series operators) one bar at a time through {@link #incremental()}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Columns.</b> Inputs and outputs are {@code FLOAT64} segments of {@link Panel#rowCount()} doubles in
 *       native order, in the order of {@link #inputs()} and {@link #outputs()}. The kernel writes every output row
 *       it is given, and reads nothing outside its inputs.</li>
 *   <li><b>Series.</b> A time-series kernel computes each symbol's rows independently: no value of one symbol
 *       influences another's.</li>
 *   <li><b>Warm-up.</b> The first {@link #warmUp()} output rows of each series are {@code NaN}; a series shorter
 *       than that is {@code NaN} throughout. Empty and one-row series are valid.</li>
 *   <li><b>Missing values.</b> {@code NaN} inputs never throw; how they propagate is documented per operator.</li>
 *   <li><b>Batch equals incremental.</b> Feeding a series' rows one by one to a fresh {@link #incremental()} gives
 *       the same outputs as the batch form, bit for bit unless the operator documents a tolerance.</li>
 *   <li><b>Determinism.</b> The same inputs give the same outputs, whatever the thread count or provider order.</li>
 * </ul>
 *
 * <p>Thread-safety: a kernel is immutable; {@link #compute}, {@link #computeSymbols} and {@link #computeSeries}
 * may run concurrently on disjoint outputs. {@link #incremental()} returns a new, single-threaded state object each
 * call.
 */
public interface FeatureKernel {

    /** The operator this kernel instantiates. */
    OperatorDescriptor descriptor();

    /** The bound parameter values. */
    Params params();

    /** The input column names, one per {@link OperatorDescriptor#inputs() input role}. */
    List<String> inputs();

    /**
     * The output column names: the canonical spec text ({@code sma(20)}, {@code ema(high,10)}) for a single output,
     * with {@code .part} appended per part otherwise ({@code macd(12,26,9).signal}).
     */
    List<String> outputs();

    /** The number of leading rows of each series whose outputs are {@code NaN}. */
    int warmUp();

    /**
     * Computes rows {@code [from, to)} of one series.
     *
     * @param in the input segments (whole columns; only rows {@code [from, to)} are read)
     * @param out the output segments (whole columns; only rows {@code [from, to)} are written)
     * @throws UnsupportedOperationException for a cross-sectional kernel, which needs the whole panel
     */
    void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to);

    /**
     * Computes every output row of the panel. The default is {@link #computeSymbols} over every symbol;
     * cross-sectional kernels override it. An engine may instead call {@link #computeSymbols} (or
     * {@link #computeSeries}) for groups of a time-series kernel's symbols itself (concurrently, on disjoint rows), so
     * an override must give the same values as the per-series form.
     *
     * @throws IllegalArgumentException if the number or size of segments does not match
     */
    default void compute(Panel panel, MemorySegment[] in, MemorySegment[] out) {
        computeSymbols(panel, 0, panel.symbolCount(), in, out);
    }

    /**
     * Computes the rows of symbols {@code [firstSymbol, endSymbol)} of a time-series kernel: the unit of work an
     * engine hands to one thread, a contiguous group of the panel's series. The default runs {@link #computeSeries}
     * for each of them in turn; kernels that compute several series at once (one per SIMD lane) override it, and
     * {@link #compute} then need not be overridden.
     *
     * <p>Contract: the outputs of each symbol are those {@link #computeSeries} gives for its rows, bit for bit
     * (or within the tolerance the kernel documents for its batch form), however the symbols are grouped; only the
     * group's rows are read and written, so disjoint groups may be computed concurrently.
     *
     * @throws IndexOutOfBoundsException if {@code [firstSymbol, endSymbol)} is not within the panel's symbols
     * @throws IllegalArgumentException if the number or size of segments does not match
     * @throws UnsupportedOperationException for a cross-sectional kernel, which needs the whole panel
     */
    default void computeSymbols(Panel panel, int firstSymbol, int endSymbol, MemorySegment[] in,
                                MemorySegment[] out) {
        Objects.checkFromToIndex(firstSymbol, endSymbol, panel.symbolCount());
        FeatureKernels.checkShapes(this, panel.rowCount(), in, out);
        for (int s = firstSymbol; s < endSymbol; s++) {
            computeSeries(in, out, panel.seriesStart(s), panel.seriesEnd(s));
        }
    }

    /**
     * A fresh incremental state for one series, equal in its outputs to the batch form.
     *
     * @throws UnsupportedOperationException for a cross-sectional kernel
     */
    IncrementalKernel incremental();
}
