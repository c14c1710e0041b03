package dev.quiver.features.execution;

/**
 * How a plan splits a panel's symbols into the contiguous groups that are its units of work for time-series
 * kernels: one task per (kernel, group), each a call of
 * {@link dev.quiver.api.feature.FeatureKernel#computeSymbols}.
 *
 * <p>Groups hold a multiple of {@value #ALIGN} symbols (except the last), so that kernels computing one symbol per
 * SIMD lane (2, 4, 8 or 16 lanes) fill every lane; at most {@value #MAX_SIZE}, so that a group's rows of a few input
 * columns stay in a core's cache while the stage's kernels run over them in turn; and, where the panel allows,
 * about {@value #GROUPS_PER_THREAD} groups per thread of the pool (at least half that after rounding), so that
 * threads finishing early find work.
 * The grouping depends on the pool's parallelism, the values do not: a kernel's {@code computeSymbols} gives each
 * symbol the values its {@code computeSeries} gives.
 *
 * <p>Thread-safety: stateless.
 */
final class SymbolGroups {
    /** Group sizes are multiples of this: the lane counts of SIMD kernels divide it. */
    static final int ALIGN = 16;
    /** The largest group: 64 series of 1,260 days are 645 KB per column. */
    static final int MAX_SIZE = 64;
    /** Groups per thread, for balance. */
    static final int GROUPS_PER_THREAD = 4;

    private SymbolGroups() {
    }

    /**
     * The group boundaries: group {@code g} holds symbols {@code [bounds[g], bounds[g + 1])}; {@code bounds[0]} is 0
     * and the last bound is {@code symbols} (an empty panel has no group).
     *
     * @param symbols the panel's symbol count, at least 0
     * @param parallelism the pool's parallelism, at least 1
     */
    static int[] bounds(int symbols, int parallelism) {
        int wanted = Math.max(1, parallelism) * GROUPS_PER_THREAD;
        int size = (symbols + wanted - 1) / wanted;
        size = Math.max(ALIGN, (size + ALIGN - 1) / ALIGN * ALIGN);
        size = Math.min(size, MAX_SIZE);
        int groups = (symbols + size - 1) / size;
        int[] bounds = new int[groups + 1];
        for (int g = 0; g <= groups; g++) {
            bounds[g] = Math.min(symbols, g * size);
        }
        return bounds;
    }
}
