/**
 * Momentum oscillators: {@link dev.quiver.features.momentum.Rsi RSI}. Each indicator class holds its descriptor,
 * its batch kernel and its incremental state.
 */
package dev.quiver.features.momentum;
