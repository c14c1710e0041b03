/** Benchmarks of the cross-sectional operators of {@code dev.quiver.features.crosssection}. */
package dev.quiver.bench.crosssection;
