/**
 * Correlations of strategies as a blocked matrix product.
 */
package dev.quiver.portfolio.correlation;
