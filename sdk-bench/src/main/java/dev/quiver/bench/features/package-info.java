/** Benchmarks of the feature kernels ({@code sdk-features}) against TA-Lib's Java port. */
package dev.quiver.bench.features;
