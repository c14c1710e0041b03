package dev.quiver.cache;

/**
 * A disk entry failed verification: it is not a whole Arrow IPC file, or it does not describe the key it is filed
 * under, or its data does not match its checksum. The disk tier deletes such a file and the entry is recomputed.
 *
 * <p>Thread-safety: immutable once thrown.
 */
final class CorruptEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptEntryException(String what) {
        super(what);
    }

    CorruptEntryException(String what, Throwable cause) {
        super(what, cause);
    }
}
