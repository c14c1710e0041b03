/**
 * Statistics and returns: {@link dev.quiver.features.statistics.SimpleReturn simple} and
 * {@link dev.quiver.features.statistics.LogReturn log} returns over {@code n} bars, the rolling
 * {@link dev.quiver.features.statistics.ZScore z-score}, {@link dev.quiver.features.statistics.RollingMin minimum},
 * {@link dev.quiver.features.statistics.RollingMax maximum} and {@link dev.quiver.features.statistics.RollingMedian
 * median}, the rolling {@link dev.quiver.features.statistics.Correlation correlation} and
 * {@link dev.quiver.features.statistics.Beta beta} of two columns, and the rolling
 * {@link dev.quiver.features.statistics.LinearRegSlope linear-regression slope}. Each indicator class holds its
 * descriptor, its batch kernel and its incremental state; the windows they share live in package-private engines
 * ({@code RollingExtreme}, {@code RollingComoments}, {@code SortedWindow}, {@code RollingWindow}) whose one loop both
 * forms run (the incremental state over one row), so the two agree bit for bit by construction.
 */
package dev.quiver.features.statistics;
