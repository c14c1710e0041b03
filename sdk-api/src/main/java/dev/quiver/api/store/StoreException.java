package dev.quiver.api.store;

/**
 * A store operation failed: the table, statement or connection is named in the message; the driver's error is the
 * cause.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message and a cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception with a message. */
    public StoreException(String message) {
        super(message);
    }
}
