package dev.quiver.api.store;

import dev.quiver.api.provider.QuiverProvider;
import java.net.URI;

/**
 * Opens {@link Store}s; discovered under the SPI name {@code store}. {@link Stores#open} picks the provider whose
 * {@link #accepts} takes the location; applications may also construct a provider's store directly or bind it with
 * Guice.
 *
 * <p>Thread-safety: implementations must be safe to use from any thread.
 */
public interface StoreProvider extends QuiverProvider {

    /** What stores of this provider can do. */
    StoreCapabilities capabilities();

    /**
     * Whether this provider opens stores at this location (by its scheme: {@code duckdb:...}, {@code heavydb://...}).
     * Must not connect or throw.
     */
    boolean accepts(URI location);

    /**
     * Opens a store.
     *
     * @throws StoreException if it cannot connect; the message shows the location without its credentials
     */
    Store open(StoreSettings settings);
}
