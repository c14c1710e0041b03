/**
 * The tiered table cache: {@link dev.quiver.cache.TieredCache} builds it, {@link dev.quiver.cache.ArrowCacheProvider}
 * offers it to {@link dev.quiver.api.provider.ProviderDiscovery}. Everything else is package-private.
 *
 * <p>Layout on disk: one Arrow IPC file ({@code .arrow}) per {@link dev.quiver.api.cache.CacheKey#id() key id} in the
 * cache directory, each written to a temporary file in that directory, forced to the device and renamed into place,
 * so a reader sees a whole file or none. The Arrow schema's custom metadata records the key, its fingerprint, the row
 * count and a CRC-32C of the column data; a file that disagrees with any of them is treated as damaged.
 */
package dev.quiver.cache;
