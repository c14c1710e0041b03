package dev.quiver.api.cache;

import dev.quiver.api.provider.QuiverProvider;

/**
 * Makes {@link Cache caches}; discovered through {@link dev.quiver.api.provider.ProviderDiscovery} under the SPI name
 * {@code cache} (choose one with {@code -Dquiver.cache.provider=NAME}).
 *
 * <p>Thread-safety: implementations must be safe to use from any thread.
 */
public interface CacheProvider extends QuiverProvider {

    /**
     * A new cache with these settings.
     *
     * @throws java.io.UncheckedIOException if the directory cannot be created or used
     */
    Cache create(CacheSettings settings);
}
