package dev.quiver.api.provider;

import java.util.Objects;

/**
 * The answer of a provider's availability probe.
 *
 * <p>Thread-safety: immutable.
 *
 * @param available whether the provider can work here
 * @param reason why it cannot (empty when available)
 * @param howToEnable what a user can do to make it available (empty when nothing can be done or when available)
 */
public record Availability(boolean available, String reason, String howToEnable) {

    /** The provider can work here. */
    public static final Availability AVAILABLE = new Availability(true, "", "");

    /** @throws NullPointerException if a text is null */
    public Availability {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(howToEnable, "howToEnable");
    }

    /** The provider cannot work here, for this reason, and this is how to enable it. */
    public static Availability unavailable(String reason, String howToEnable) {
        return new Availability(false, reason, howToEnable);
    }

    /** The provider cannot work here, for this reason, and nothing a user can do changes that. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason, "");
    }
}
