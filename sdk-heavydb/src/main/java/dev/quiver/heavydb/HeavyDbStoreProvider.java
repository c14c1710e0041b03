package dev.quiver.heavydb;

import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreCapabilities;
import dev.quiver.api.store.StoreProvider;
import dev.quiver.api.store.StoreSettings;
import java.net.URI;

/**
 * The {@code heavydb} store provider: opens {@link HeavyDbStore}s for locations
 * {@code heavydb://USER@HOST:PORT/DATABASE}. Discovered through {@link java.util.ServiceLoader}.
 *
 * <p>Thread-safety: stateless.
 */
public final class HeavyDbStoreProvider implements StoreProvider {
    /** Public for {@link java.util.ServiceLoader}. */
    public HeavyDbStoreProvider() {
    }

    @Override
    public String name() {
        return "heavydb";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public String description() {
        return "HeavyDB (GPU SQL) over its Thrift API; Arrow batches in and out";
    }

    @Override
    public StoreCapabilities capabilities() {
        return HeavyDbStore.CAPABILITIES;
    }

    @Override
    public boolean accepts(URI location) {
        return "heavydb".equalsIgnoreCase(location.getScheme());
    }

    @Override
    public Store open(StoreSettings settings) {
        return HeavyDbStore.open(settings);
    }
}
