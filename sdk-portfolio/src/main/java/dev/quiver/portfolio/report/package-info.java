/**
 * A portfolio search's outputs: {@link dev.quiver.portfolio.report.PortfolioReport} writes {@code portfolio.json}
 * (or {@code summary.json} for several algorithms), {@code equity.csv}, plots and {@code report.html}.
 */
package dev.quiver.portfolio.report;
