/**
 * The conformance kit for {@link dev.quiver.api.feature.FeatureKernel feature kernels}: JUnit 5 dynamic tests that
 * hold any provider's kernels to the SPI's contract. Depends on sdk-api, JUnit Jupiter's API and AssertJ only.
 */
module dev.quiver.features.testkit {
    requires transitive dev.quiver.api;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;

    exports dev.quiver.features.testkit;
}
