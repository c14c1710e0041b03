/**
 * Quiver's feature engine: technical indicators as {@link dev.quiver.api.feature.FeatureKernel kernels}, the scalar
 * reference provider that computes them, and the {@link dev.quiver.features.FeatureEngine} facade that applications
 * call. Guice is optional: only {@code dev.quiver.features.guice} needs it.
 *
 * <p>Indicator families ({@code averages}, {@code momentum}, ...) and the kernel building blocks
 * ({@code dev.quiver.features.kernel}) are not exported: applications reach them through the engine or the
 * {@code FeatureKernelProvider} SPI, so their shapes can change while the Vector API kernels are added.
 *
 * @provides dev.quiver.api.feature.FeatureKernelProvider the {@code scalar} reference provider and the {@code vector}
 *     (Vector API) provider
 * @uses dev.quiver.api.feature.FeatureKernelProvider to combine discovered providers with plugin providers
 */
module dev.quiver.features {
    requires transitive dev.quiver.api;
    // optional, and not transitive: a transitive static dependency would have to be present whenever an
    // application compiles against this module, Guice user or not
    requires static com.google.guice;
    // optional: the vector provider probes for it (--add-modules=jdk.incubator.vector) before linking its kernels
    requires static jdk.incubator.vector;

    exports dev.quiver.features;
    exports dev.quiver.features.guice;
    exports dev.quiver.features.vector;
    exports dev.quiver.features.execution;

    // Guice calls FeaturesModule's @Provides methods reflectively
    opens dev.quiver.features.guice to com.google.guice;

    uses dev.quiver.api.feature.FeatureKernelProvider;
    uses dev.quiver.api.feature.PlanExecutor;

    provides dev.quiver.api.feature.FeatureKernelProvider with dev.quiver.features.ScalarKernelProvider,
            dev.quiver.features.vector.VectorKernelProvider;
    provides dev.quiver.api.feature.PlanExecutor with dev.quiver.features.execution.CpuExecutor;
}
