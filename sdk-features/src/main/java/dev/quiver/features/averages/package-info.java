/**
 * Moving averages: {@link dev.quiver.features.averages.Sma SMA}, {@link dev.quiver.features.averages.Ema EMA}.
 * Each indicator class holds its descriptor, its batch kernel and its incremental state.
 */
package dev.quiver.features.averages;
