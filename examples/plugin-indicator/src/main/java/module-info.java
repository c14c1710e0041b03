/**
 * An example Quiver plugin: Elder's force index, served by the {@code example} feature provider. It depends on
 * {@code dev.quiver.api} alone.
 *
 * @provides dev.quiver.api.feature.FeatureKernelProvider the {@code example} provider
 */
module com.example.quiver {
    // transitive: the exported provider and descriptor are typed with the SPI's classes
    requires transitive dev.quiver.api;

    exports com.example.quiver;

    provides dev.quiver.api.feature.FeatureKernelProvider with com.example.quiver.ExampleKernelProvider;
}
