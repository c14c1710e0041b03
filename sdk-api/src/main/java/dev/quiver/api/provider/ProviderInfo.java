package dev.quiver.api.provider;

/**
 * One row of a discovery listing: a provider that loaded (available or not) or one that failed to load.
 *
 * <p>Thread-safety: immutable.
 *
 * @param spi the SPI's short name, e.g. {@code features}
 * @param name the provider's name, or its class name if it failed to load
 * @param priority its priority ({@link Integer#MIN_VALUE} if it failed to load)
 * @param availability its probe's answer; a provider that failed to load is unavailable with the error as reason
 * @param description its one-line description
 * @param implementation the implementing class name, if known
 */
public record ProviderInfo(String spi, String name, int priority, Availability availability, String description,
                           String implementation) {

    /** Whether the provider can be used here. */
    public boolean available() {
        return availability.available();
    }
}
