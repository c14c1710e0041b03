package dev.quiver.api.param;

/**
 * The type of a parameter.
 *
 * <p>Thread-safety: immutable.
 */
public enum ParamType {
    /** A whole number, e.g. a window length. */
    INT,
    /** A real number, e.g. a band width in standard deviations. */
    DOUBLE,
    /** A yes/no switch. */
    BOOLEAN,
    /** A word from a fixed set, e.g. a smoothing method. */
    CHOICE
}
