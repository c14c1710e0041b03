package dev.quiver.api.store;

import dev.quiver.api.provider.QuiverProvider;

/**
 * Opens {@link Store}s; discovered under the SPI name {@code store}.
 *
 * <p>Thread-safety: implementations must be safe to use from any thread.
 */
public interface StoreProvider extends QuiverProvider {

    /** What stores of this provider can do. */
    StoreCapabilities capabilities();

    /**
     * Opens a store.
     *
     * @throws StoreException if it cannot connect
     */
    Store open(StoreSettings settings);
}
