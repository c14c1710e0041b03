package dev.quiver.api.cache;

import java.util.Objects;

/**
 * Identifies a cache entry: a readable name (what the table is) and the {@link Fingerprint} of what it was computed
 * from. Two keys are equal when both are; a changed input gives a new key, and so a miss.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name what the table is, e.g. {@code prices/aapl} or {@code features/sp500}: letters, digits and
 *     {@code . _ - /}, at most 120 characters
 * @param fingerprint the digest of its inputs
 */
public record CacheKey(String name, Fingerprint fingerprint) {

    /** @throws IllegalArgumentException if the name is empty, too long or has other characters */
    public CacheKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (name.isEmpty() || name.length() > 120 || !name.matches("[A-Za-z0-9._/-]+") || name.contains("..")) {
            throw new IllegalArgumentException("a cache key name is 1 to 120 of [A-Za-z0-9._/-] without '..', not '"
                    + name + "'");
        }
    }

    /** A key of this name and fingerprint. */
    public static CacheKey of(String name, Fingerprint fingerprint) {
        return new CacheKey(name, fingerprint);
    }

    /** A stable identifier usable as a file name: the name with {@code /} replaced, a dash, 16 hex digits. */
    public String id() {
        return name.replace('/', '~') + "-" + fingerprint.prefix(16);
    }

    @Override
    public String toString() {
        return name + "@" + fingerprint.prefix(12);
    }
}
