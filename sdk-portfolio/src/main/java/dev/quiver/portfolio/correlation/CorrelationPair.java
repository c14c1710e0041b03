package dev.quiver.portfolio.correlation;

/**
 * Two strategies and their Pearson correlation; {@code a < b}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param a the first strategy's index in the matrix
 * @param b the second strategy's index, greater than {@code a}
 * @param correlation their correlation over the days, in [−1, 1]
 */
public record CorrelationPair(int a, int b, double correlation) {
}
