package dev.quiver.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.cache.guice.CacheModule;
import dev.quiver.features.Device;
import dev.quiver.features.guice.FeaturesModule;
import java.util.Objects;

/**
 * The application's wiring: the provider modules' Guice modules, with the settings the command line chose bound
 * over their defaults.
 *
 * <p>Thread-safety: stateless.
 */
final class QuiverApplication {
    private QuiverApplication() {
    }

    /** An injector for these cache settings, its feature engine choosing the device itself. */
    static Injector injector(CacheSettings cacheSettings) {
        return injector(cacheSettings, Device.AUTO);
    }

    /** An injector for these cache settings whose feature engine runs plans on {@code device}. */
    static Injector injector(CacheSettings cacheSettings, Device device) {
        Objects.requireNonNull(cacheSettings, "cacheSettings");
        Objects.requireNonNull(device, "device");
        return Guice.createInjector(new CacheModule(), new FeaturesModule(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), CacheSettings.class).setBinding()
                        .toInstance(cacheSettings);
                OptionalBinder.newOptionalBinder(binder(), Device.class).setBinding().toInstance(device);
            }
        });
    }
}
