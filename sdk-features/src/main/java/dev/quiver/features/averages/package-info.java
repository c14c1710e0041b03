/**
 * Moving averages: {@link dev.quiver.features.averages.Sma SMA}, {@link dev.quiver.features.averages.Ema EMA},
 * {@link dev.quiver.features.averages.Wma WMA}, {@link dev.quiver.features.averages.Dema DEMA}, {@link
 * dev.quiver.features.averages.Tema TEMA}, {@link dev.quiver.features.averages.Trima TRIMA}, {@link
 * dev.quiver.features.averages.Kama KAMA}, {@link dev.quiver.features.averages.Hma HMA}.
 * Each indicator class holds its descriptor, its batch kernel and its incremental state.
 */
package dev.quiver.features.averages;
