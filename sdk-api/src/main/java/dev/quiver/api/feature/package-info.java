/**
 * The FeatureKernel SPI: operators (indicators and cross-sectional transforms) published by
 * {@link dev.quiver.api.feature.FeatureKernelProvider providers}, instantiated as
 * {@link dev.quiver.api.feature.FeatureKernel kernels} with bound parameters, computed in batch over a panel or
 * {@link dev.quiver.api.feature.IncrementalKernel incrementally} bar by bar.
 */
package dev.quiver.api.feature;
