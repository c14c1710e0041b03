/**
 * Strategy P&amp;L matrices: {@link dev.quiver.portfolio.PnlMatrix}, read from wide CSV, Parquet or Arrow files.
 */
package dev.quiver.portfolio;
