/**
 * Correlations of strategies as a blocked matrix product: {@link dev.quiver.portfolio.correlation.Correlations}
 * (the N × N matrix of chosen strategies, the top pairs of a universe), {@link
 * dev.quiver.portfolio.correlation.StrategyRanking} (which strategies), {@link
 * dev.quiver.portfolio.correlation.CorrelationMatrix} and the standardised rows they are products of.
 */
package dev.quiver.portfolio.correlation;
