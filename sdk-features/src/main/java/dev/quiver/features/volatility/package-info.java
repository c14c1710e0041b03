/**
 * Volatility: {@link dev.quiver.features.volatility.TrueRange true range}, {@link dev.quiver.features.volatility.Atr
 * ATR and NATR}, rolling {@link dev.quiver.features.volatility.StdDev standard deviation and variance}. Each
 * indicator class holds its descriptors, its batch kernel and its incremental state; {@link
 * dev.quiver.features.volatility.Wilder} and {@link dev.quiver.features.volatility.RollingVariance} are the running
 * statistics they share with the {@code overlays} family, and {@link dev.quiver.features.volatility.RollingMoments}
 * the O(1) rolling mean and variance behind {@code stddev}, {@code var} and the {@code statistics} family's
 * {@code zscore}.
 */
package dev.quiver.features.volatility;
