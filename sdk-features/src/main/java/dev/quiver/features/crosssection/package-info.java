/**
 * Cross-sectional operators: per date, across the symbols of a panel (ranks, z-scores, demeaning, quantile bounds,
 * group neutralization). Each date's finite values are gathered in symbol order into per-chunk scratch arrays,
 * sorted with a primitive sort where order matters, and written back to their rows; dates are computed in parallel.
 *
 * <p>This package is not exported from the module: applications reach its operators through the feature engine.
 */
package dev.quiver.features.crosssection;
