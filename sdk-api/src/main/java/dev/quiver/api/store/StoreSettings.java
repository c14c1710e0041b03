package dev.quiver.api.store;

import java.util.Map;
import java.util.Objects;

/**
 * Where and how to connect to a store.
 *
 * <p>Thread-safety: immutable.
 *
 * @param location a URL or path the provider understands (e.g. {@code heavydb://localhost:6274/heavyai})
 * @param properties credentials and options (user, password, timeouts ...)
 */
public record StoreSettings(String location, Map<String, String> properties) {

    /** @throws NullPointerException if an argument is null */
    public StoreSettings {
        Objects.requireNonNull(location, "location");
        properties = Map.copyOf(properties);
    }

    /** Settings with a location and no properties. */
    public static StoreSettings of(String location) {
        return new StoreSettings(location, Map.of());
    }
}
