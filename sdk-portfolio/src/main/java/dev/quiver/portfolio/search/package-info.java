/**
 * The search for the best portfolio: the {@link dev.quiver.portfolio.search.PortfolioProblem} (fitness, zones,
 * correlation cap), incremental {@link dev.quiver.portfolio.search.Candidate}s, the
 * {@link dev.quiver.portfolio.search.PortfolioOptimizer} SPI that the eight built-in algorithms and plugins implement,
 * and {@link dev.quiver.portfolio.search.PortfolioSearch}, which runs one.
 */
package dev.quiver.portfolio.search;
