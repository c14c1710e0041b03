package dev.quiver.portfolio.search;

import java.util.List;
import java.util.Objects;

/**
 * What a search found: the best valid portfolio it met, its fitness, how many evaluations it took, how long, and the
 * best fitness against the evaluations (the convergence curve a chart draws).
 *
 * <p>Thread-safety: immutable.
 *
 * @param algorithm the algorithm's name
 * @param seed the seed the search ran with
 * @param members the best portfolio's strategies (indices into the matrix), in ascending order
 * @param fitness its fitness, as the search computed it
 * @param evaluations the fitness evaluations made (full and incremental alike)
 * @param seconds the wall-clock time
 * @param history the best fitness after each improvement, in order of evaluations
 */
public record SearchResult(String algorithm, long seed, int[] members, double fitness, long evaluations,
        double seconds, List<Point> history) {

    /** @throws NullPointerException if a part is null */
    public SearchResult {
        Objects.requireNonNull(algorithm, "algorithm");
        members = members.clone();
        history = List.copyOf(history);
    }

    @Override
    public int[] members() {
        return members.clone();
    }

    /**
     * A point of the convergence curve.
     *
     * <p>Thread-safety: immutable.
     *
     * @param evaluations the evaluations made when the best improved
     * @param best the best fitness from then on
     */
    public record Point(long evaluations, double best) {
    }
}
