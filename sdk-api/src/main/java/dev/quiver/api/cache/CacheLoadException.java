package dev.quiver.api.cache;

/**
 * A cache could not produce a table because its loader failed; the loader's exception is the cause.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class CacheLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception for a key whose loader failed. */
    public CacheLoadException(CacheKey key, Throwable cause) {
        super("loading " + key + " failed: " + cause, cause);
    }

    /** An exception with this message. */
    public CacheLoadException(String message) {
        super(message);
    }
}
