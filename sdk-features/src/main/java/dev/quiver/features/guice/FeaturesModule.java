package dev.quiver.features.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.features.Device;
import dev.quiver.features.FeatureEngine;
import java.util.Set;

/**
 * Binds a singleton {@link FeatureEngine}, built by the same public builder that applications without Guice call,
 * over the providers {@link java.util.ServiceLoader} finds plus any plugin providers bound into the
 * {@code Set<FeatureKernelProvider>} multibinder:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new FeaturesModule(), new AbstractModule() {
 *     protected void configure() {
 *         Multibinder.newSetBinder(binder(), FeatureKernelProvider.class).addBinding().to(MyProvider.class);
 *     }
 * });
 * FeatureEngine engine = injector.getInstance(FeatureEngine.class);
 * }</pre>
 *
 * <p>The engine's {@link Device} is {@link Device#AUTO} unless an application sets it:
 * {@code OptionalBinder.newOptionalBinder(binder(), Device.class).setBinding().toInstance(Device.CPU)}.
 *
 * <p>Like every Quiver Guice module it is fast and side-effect free: {@link #configure()} only declares bindings;
 * providers are discovered when the engine is first injected.
 *
 * <p>Thread-safety: a module is used by one injector build at a time; the engine it binds is thread-safe.
 */
@SuppressWarnings("exports") // exposes Guice types, as it must; Guice is optional, so module-info cannot re-export it
public final class FeaturesModule extends AbstractModule {

    /** The module. */
    public FeaturesModule() {
    }

    @Override
    protected void configure() {
        // declares the (possibly empty) plugin set, so that the engine can be built without any plugin module
        Multibinder.newSetBinder(binder(), FeatureKernelProvider.class);
        OptionalBinder.newOptionalBinder(binder(), Device.class).setDefault().toInstance(Device.AUTO);
    }

    /**
     * The engine: {@code FeatureEngine.builder().plugins(plugins).device(device).build()}.
     *
     * @param plugins the providers bound into the multibinder, added to those discovered
     * @param device where plans run ({@link Device#AUTO} unless bound)
     */
    @Provides
    @Singleton
    public FeatureEngine featureEngine(Set<FeatureKernelProvider> plugins, Device device) {
        return FeatureEngine.builder().plugins(plugins).device(device).build();
    }

    // installing the module twice (say, by two libraries) binds the engine once: Guice skips equal modules
    @Override
    public boolean equals(Object o) {
        return o instanceof FeaturesModule;
    }

    @Override
    public int hashCode() {
        return FeaturesModule.class.hashCode();
    }
}
