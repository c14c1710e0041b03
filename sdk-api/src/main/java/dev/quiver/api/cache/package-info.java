/**
 * The Cache SPI: get-or-load {@link dev.quiver.api.table.Table tables} by a {@link dev.quiver.api.cache.CacheKey key}
 * that carries a {@link dev.quiver.api.cache.Fingerprint fingerprint} of everything the table was computed from.
 */
package dev.quiver.api.cache;
