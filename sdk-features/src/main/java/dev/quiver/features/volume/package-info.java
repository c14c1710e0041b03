/**
 * Volume indicators: {@link dev.quiver.features.volume.Obv OBV}, the Chaikin
 * {@link dev.quiver.features.volume.ChaikinAd A/D line} and {@link dev.quiver.features.volume.ChaikinOscillator
 * oscillator}, {@link dev.quiver.features.volume.Cmf Chaikin money flow} and the rolling
 * {@link dev.quiver.features.volume.Vwap VWAP}. Each indicator class holds its descriptor, its batch kernel and its
 * incremental state.
 */
package dev.quiver.features.volume;
