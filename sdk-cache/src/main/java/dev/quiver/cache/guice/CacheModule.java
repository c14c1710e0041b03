package dev.quiver.cache.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.cache.TieredCache;

/**
 * Binds {@link Cache} to one tiered cache per injector, built by {@link TieredCache#builder()} exactly as an
 * application without Guice would.
 *
 * <p>{@link CacheSettings} defaults to {@link CacheSettings#defaults()}; override it in an application module with
 * <pre>{@code
 * OptionalBinder.newOptionalBinder(binder(), CacheSettings.class)
 *         .setBinding().toInstance(CacheSettings.defaults().withDirectory(dir));
 * }</pre>
 *
 * <p>Installing the module does no I/O; the cache (and its directory) is created on first injection. The application
 * owns the cache and closes it at shutdown.
 *
 * <p>Thread-safety: a module is configured once by Guice; the bound cache is safe for concurrent use.
 */
@SuppressWarnings("exports") // Guice is optional, so it cannot be a transitive requirement
public final class CacheModule extends AbstractModule {

    /** A module with the default settings unless the application binds its own. */
    public CacheModule() {
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), CacheSettings.class)
                .setDefault()
                .toInstance(CacheSettings.defaults());
    }

    /**
     * The cache: Guice calls this once per injector.
     *
     * @throws java.io.UncheckedIOException if the disk tier's directory cannot be created or listed
     * @throws UnsupportedOperationException if the configured compression does not work on this platform
     */
    @Provides
    @Singleton
    Cache cache(CacheSettings settings) {
        return TieredCache.builder().settings(settings).build();
    }

    @Override
    public boolean equals(Object o) {
        // installing the module twice (from two libraries) must not bind Cache twice
        return o instanceof CacheModule;
    }

    @Override
    public int hashCode() {
        return CacheModule.class.hashCode();
    }
}
