package dev.quiver.cache;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheProvider;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.provider.Availability;
import java.nio.ByteOrder;

/**
 * The {@code arrow} cache provider: {@link TieredCache}, found by
 * {@code ProviderDiscovery.load("cache", CacheProvider.class)}.
 *
 * <p>Thread-safety: stateless; safe to use from any thread.
 */
public final class ArrowCacheProvider implements CacheProvider {

    /** The provider's name, by which {@code -Dquiver.cache.provider=arrow} chooses it. */
    public static final String NAME = "arrow";

    /** Does no work: {@link java.util.ServiceLoader} instantiates providers eagerly. */
    public ArrowCacheProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Arrow IPC files on disk under a byte-bounded Caffeine memory tier";
    }

    /** Unavailable on big-endian platforms: columns are copied byte for byte into little-endian Arrow buffers. */
    @Override
    public Availability availability() {
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                ? Availability.AVAILABLE
                : Availability.unavailable("the Arrow disk format is little-endian and this platform is not");
    }

    /**
     * A new tiered cache.
     *
     * @throws java.io.UncheckedIOException if the disk tier is enabled and its directory cannot be created or listed
     * @throws UnsupportedOperationException if the compression's codec does not work on this platform
     */
    @Override
    public Cache create(CacheSettings settings) {
        return TieredCache.create(settings);
    }
}
