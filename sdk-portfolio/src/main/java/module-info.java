/**
 * Quiver's strategy portfolios: daily P&amp;L matrices of many strategies ({@link dev.quiver.portfolio.PnlMatrix}),
 * their correlations as a blocked matrix product ({@code dev.quiver.portfolio.correlation}), the objectives a
 * portfolio is scored by ({@code dev.quiver.portfolio.objective}) and the search for the best portfolio behind one
 * SPI ({@code dev.quiver.portfolio.search}).
 *
 * @uses dev.quiver.portfolio.search.PortfolioOptimizer the search algorithms, built in and from plugin jars
 * @provides dev.quiver.portfolio.search.PortfolioOptimizer the eight built-in algorithms: {@code genetic},
 *     {@code pso}, {@code annealing}, {@code differential_evolution}, {@code ant_colony}, {@code hill_climbing},
 *     {@code bayesian}, {@code random_search}
 */
module dev.quiver.portfolio {
    requires transitive dev.quiver.api;
    // transitive: PnlMatrix reads with sdk-io's ReadOptions
    requires transitive dev.quiver.io;
    requires dev.quiver.report;
    requires xchart;
    // optional: the SIMD correlation kernel probes for it (--add-modules=jdk.incubator.vector) before linking
    requires static jdk.incubator.vector;

    exports dev.quiver.portfolio;
    exports dev.quiver.portfolio.correlation;
    exports dev.quiver.portfolio.objective;
    exports dev.quiver.portfolio.search;
    exports dev.quiver.portfolio.report;

    uses dev.quiver.portfolio.search.PortfolioOptimizer;
    provides dev.quiver.portfolio.search.PortfolioOptimizer with
            dev.quiver.portfolio.search.algorithms.GeneticAlgorithm,
            dev.quiver.portfolio.search.algorithms.ParticleSwarm,
            dev.quiver.portfolio.search.algorithms.SimulatedAnnealing,
            dev.quiver.portfolio.search.algorithms.DifferentialEvolution,
            dev.quiver.portfolio.search.algorithms.AntColony,
            dev.quiver.portfolio.search.algorithms.HillClimbing,
            dev.quiver.portfolio.search.algorithms.BayesianOptimization,
            dev.quiver.portfolio.search.algorithms.RandomSearch;
}
