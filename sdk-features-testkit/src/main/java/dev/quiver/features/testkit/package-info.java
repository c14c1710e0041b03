/**
 * The feature-kernel conformance kit: {@link dev.quiver.features.testkit.FeatureKernelConformance} makes the JUnit 5
 * dynamic tests, {@link dev.quiver.features.testkit.SyntheticBars} the realistic daily bars they run on.
 *
 * <pre>{@code
 * class MyProviderConformanceTest {
 *     @TestFactory
 *     Stream<DynamicNode> conformance() {
 *         return FeatureKernelConformance.forProvider(new MyProvider()).build().tests();
 *     }
 * }
 * }</pre>
 */
package dev.quiver.features.testkit;
