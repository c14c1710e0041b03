/**
 * Overlays, drawn over the price: {@link dev.quiver.features.overlays.Bbands Bollinger Bands}, {@link
 * dev.quiver.features.overlays.Keltner Keltner} and {@link dev.quiver.features.overlays.Donchian Donchian} channels
 * (each with {@code upper}, {@code middle} and {@code lower} outputs), and the {@link
 * dev.quiver.features.overlays.Sar parabolic SAR}. Each indicator class holds its descriptor, its batch kernel and
 * its incremental state.
 */
package dev.quiver.features.overlays;
