package dev.quiver.api.provider;

/**
 * No provider fits a request: an unknown name, an explicitly chosen provider that is unavailable, or no available
 * provider with the required capability. The message lists what is available.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class ProviderNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public ProviderNotFoundException(String message) {
        super(message);
    }
}
