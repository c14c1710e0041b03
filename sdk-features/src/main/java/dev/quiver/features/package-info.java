/**
 * Quiver's features: the {@link dev.quiver.features.FeatureEngine} facade that resolves operator specs
 * ({@code sma(20)}, {@code ema(high,10)}, {@code rsi(14)}) to kernels and computes them over a panel, the
 * {@link dev.quiver.features.FeaturePlan feature plan} that compiles composable specs ({@code xs_rank(roc(5))},
 * {@code z=xs_zscore(rsi(14), ddof=1)}) into shared, staged, parallel computations, and the
 * {@link dev.quiver.features.ScalarKernelProvider scalar} reference provider.
 *
 * <p>Indicators live in family packages ({@code averages}, {@code momentum}, {@code crosssection}); each indicator class holds its
 * descriptor, its batch kernel and its incremental state, and documents its seeding, warm-up, output scale and
 * handling of missing values. Guice users install {@link dev.quiver.features.guice.FeaturesModule}.
 */
package dev.quiver.features;
