/**
 * How a portfolio is scored: {@link dev.quiver.portfolio.objective.PnlStatistics} (ROI, maximum drawdown, Sharpe,
 * Sortino and the others, with their exact formulas) and the {@link dev.quiver.portfolio.objective.Objective} a search
 * maximises.
 */
package dev.quiver.portfolio.objective;
