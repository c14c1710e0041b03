package dev.quiver.api.store;

import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.provider.ProviderNotFoundException;
import java.net.URI;

/**
 * Opens a store by its location, through the {@link StoreProvider}s on the class or module path:
 * {@code Stores.open(StoreSettings.of("duckdb:prices.db"))}.
 *
 * <p>Thread-safety: stateless.
 */
public final class Stores {
    private Stores() {
    }

    /**
     * Opens the store at this location with the first provider, by priority, that accepts it.
     *
     * @throws StoreException if no provider accepts the location (the message lists the providers there are) or the
     *     store cannot be opened
     */
    public static Store open(StoreSettings settings) {
        return provider(settings).open(settings);
    }

    /** Opens the store at a location with no properties. */
    public static Store open(String location) {
        return open(StoreSettings.of(location));
    }

    /**
     * The provider that opens this location.
     *
     * @throws StoreException if none accepts it
     */
    public static StoreProvider provider(StoreSettings settings) {
        URI uri = settings.uri();
        try {
            return ProviderDiscovery.load("store", StoreProvider.class)
                    .select(p -> p.accepts(uri), "the location " + settings.redacted());
        } catch (ProviderNotFoundException e) {
            throw new StoreException("no store provider opens " + settings.redacted() + " (" + e.getMessage()
                    + "); sdk-duckdb opens duckdb:FILE and duckdb::memory:, sdk-heavydb heavydb://...", e);
        }
    }
}
