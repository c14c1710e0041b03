/**
 * Volatility: {@link dev.quiver.features.volatility.TrueRange true range}, {@link dev.quiver.features.volatility.Atr
 * ATR and NATR}, rolling {@link dev.quiver.features.volatility.StdDev standard deviation and variance}. Each
 * indicator class holds its descriptors, its batch kernel and its incremental state; {@link
 * dev.quiver.features.volatility.Wilder} is the running statistic they share with the {@code overlays} family, and
 * {@link dev.quiver.features.volatility.RollingMoments} the O(1) rolling mean and variance behind {@code stddev},
 * {@code var}, the {@code statistics} family's {@code zscore} and the {@code overlays} family's {@code bbands}.
 */
package dev.quiver.features.volatility;
