/** Benchmarks of the feature kernels ({@code sdk-features}, scalar and Vector API) against TA-Lib Java and ta4j. */
package dev.quiver.bench.features;
