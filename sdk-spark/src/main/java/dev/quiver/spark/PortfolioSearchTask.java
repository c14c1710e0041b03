package dev.quiver.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One portfolio search of {@link QuiverSpark#portfolioSearches}: a universe (some strategies of the broadcast P&amp;L
 * matrix, or all of them), an algorithm and a seed.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the search's name in the result rows (e.g. {@code banks/genetic/42})
 * @param universe the strategies it may choose from, by name, in order; empty for every strategy of the matrix
 * @param algorithm the algorithm's name, as {@code quiver portfolio --algorithm} takes it ({@code genetic},
 *     {@code pso}, ...)
 * @param seed the seed: the same seed, the same portfolio
 */
public record PortfolioSearchTask(String name, List<String> universe, String algorithm, long seed)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @throws NullPointerException if a part is null */
    public PortfolioSearchTask {
        Objects.requireNonNull(name, "name");
        universe = List.copyOf(universe);
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** A search over every strategy of the matrix, named {@code algorithm/seed}. */
    public static PortfolioSearchTask ofAll(String algorithm, long seed) {
        return new PortfolioSearchTask(algorithm + "/" + seed, List.of(), algorithm, seed);
    }
}
