/**
 * The eight built-in portfolio search algorithms, registered as {@link dev.quiver.portfolio.search.PortfolioOptimizer}
 * providers and found by name through {@link dev.quiver.portfolio.search.Optimizers}: {@code genetic}, {@code pso},
 * {@code annealing}, {@code differential_evolution}, {@code ant_colony}, {@code hill_climbing}, {@code bayesian} and
 * {@code random_search}. Each class documents its encoding, its parameters with their defaults and the choices it
 * makes where the textbook algorithm leaves one open; {@code docs/portfolio-algorithms.md} gathers them.
 *
 * <p>Every algorithm builds portfolios only through {@link dev.quiver.portfolio.search.PortfolioProblem#decode}, {@link
 * dev.quiver.portfolio.search.PortfolioProblem#random} and {@link dev.quiver.portfolio.search.Candidate#canSwap}, so it
 * never meets an invalid one; draws its randomness from streams numbered by task, so a seed gives the same result
 * whatever the thread count; and checks the budget between its steps. The package is not exported: use the algorithms
 * through the SPI.
 */
package dev.quiver.portfolio.search.algorithms;
