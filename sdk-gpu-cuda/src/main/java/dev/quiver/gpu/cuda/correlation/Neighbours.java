package dev.quiver.gpu.cuda.correlation;

import java.util.Objects;

/**
 * Each strategy's {@code k} most correlated others: row {@code r}'s entries, best first, are at
 * {@code [r × k, r × k + count(r))} of {@link #others()} and {@link #correlations()}; a strategy with fewer than
 * {@code k} others has {@code strategies − 1} entries, and the rest of its slots hold −1 and {@code NaN}.
 *
 * <p>Thread-safety: immutable by convention: the arrays are not copied; do not write them.
 *
 * @param strategies the number of strategies (rows)
 * @param k the entries kept per row
 * @param others the other strategy of each entry, row-major
 * @param correlations Pearson's correlation of each entry, clamped to [−1, 1], row-major
 * @param device where they were computed: {@code gpu} or {@code cpu}
 * @param reason why the CPU computed them when the GPU was asked for or could have been chosen; empty otherwise
 */
public record Neighbours(int strategies, int k, int[] others, double[] correlations, String device,
                         String reason) {

    /** Checks the shapes. */
    public Neighbours {
        Objects.requireNonNull(others, "others");
        Objects.requireNonNull(correlations, "correlations");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(reason, "reason");
        if ((long) strategies * k != others.length || others.length != correlations.length) {
            throw new IllegalArgumentException(strategies + " rows of " + k + " entries need " + (long) strategies * k
                    + " slots, not " + others.length + " and " + correlations.length);
        }
    }

    /** The entries of row {@code r}: {@code min(k, strategies − 1)}. */
    public int count(int r) {
        Objects.checkIndex(r, strategies);
        return Math.min(k, strategies - 1);
    }

    /** The other strategy of row {@code r}'s {@code rank}-th entry (0 = best). */
    public int other(int r, int rank) {
        Objects.checkIndex(rank, count(r));
        return others[r * k + rank];
    }

    /** The correlation of row {@code r}'s {@code rank}-th entry (0 = best). */
    public double correlation(int r, int rank) {
        Objects.checkIndex(rank, count(r));
        return correlations[r * k + rank];
    }
}
