package dev.quiver.portfolio.search;

import dev.quiver.api.provider.ProviderDiscovery;
import java.util.List;

/**
 * The portfolio search algorithms this process has: the eight built in ({@code genetic, pso, annealing,
 * differential_evolution, ant_colony, hill_climbing, bayesian, random_search}) and any a plugin jar registers,
 * found with {@link ProviderDiscovery} like every Quiver SPI.
 *
 * <p>Thread-safety: thread-safe; the discovery runs once.
 */
public final class Optimizers {
    private static final class Holder {
        static final ProviderDiscovery<PortfolioOptimizer> DISCOVERY =
                ProviderDiscovery.load("optimizer", PortfolioOptimizer.class);
    }

    private Optimizers() {
    }

    /** Every available algorithm, ordered by name. */
    public static List<PortfolioOptimizer> all() {
        return Holder.DISCOVERY.available();
    }

    /**
     * The algorithm called {@code name}.
     *
     * @throws dev.quiver.api.provider.ProviderNotFoundException if there is none, listing those there are
     */
    public static PortfolioOptimizer get(String name) {
        return Holder.DISCOVERY.get(name);
    }

    /** The discovery itself (what {@code quiver providers} lists). */
    public static ProviderDiscovery<PortfolioOptimizer> discovery() {
        return Holder.DISCOVERY;
    }
}
