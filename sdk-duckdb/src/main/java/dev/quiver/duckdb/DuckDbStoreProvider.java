package dev.quiver.duckdb;

import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreCapabilities;
import dev.quiver.api.store.StoreProvider;
import dev.quiver.api.store.StoreSettings;
import java.net.URI;

/**
 * The {@code duckdb} store provider: opens {@link DuckDbStore}s for locations {@code duckdb:PATH} and
 * {@code duckdb::memory:}. Discovered through {@link java.util.ServiceLoader} under {@link StoreProvider}.
 *
 * <p>Thread-safety: stateless.
 */
public final class DuckDbStoreProvider implements StoreProvider {
    /** What a DuckDB store can do. */
    static final StoreCapabilities CAPABILITIES = new StoreCapabilities(true, true, false, false, "duckdb");

    /** Public for {@link java.util.ServiceLoader}. */
    public DuckDbStoreProvider() {
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "DuckDB, embedded (a file or in memory); Arrow batches in and out";
    }

    @Override
    public StoreCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public boolean accepts(URI location) {
        return "duckdb".equalsIgnoreCase(location.getScheme());
    }

    @Override
    public Store open(StoreSettings settings) {
        return DuckDbStore.open(settings);
    }
}
