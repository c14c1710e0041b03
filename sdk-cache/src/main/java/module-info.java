/**
 * Quiver's tiered table cache: Arrow IPC files on disk under a byte-bounded Caffeine memory tier, handing out
 * reference-counted leases. Build one with {@link dev.quiver.cache.TieredCache#builder()}, discover it as the
 * {@code arrow} {@link dev.quiver.api.cache.CacheProvider}, or bind it with {@link dev.quiver.cache.guice.CacheModule}
 * (Guice is optional).
 */
module dev.quiver.cache {
    requires transitive dev.quiver.api;
    // the Table/Arrow bridge (ArrowStorage)
    requires dev.quiver.io;
    requires com.github.benmanes.caffeine;
    requires org.apache.arrow.vector;
    requires org.apache.arrow.memory.core;
    // Arrow looks its allocation manager up by name; on the module path it must be resolved by someone
    requires org.apache.arrow.memory.unsafe;
    requires org.apache.arrow.format;
    requires org.apache.arrow.compression;
    requires static com.google.guice;
    // Caffeine's class files are annotated with these; javac warns if it cannot see them
    requires static org.checkerframework.checker.qual;

    exports dev.quiver.cache;
    exports dev.quiver.cache.guice;
    // Guice calls the module's package-private @Provides method reflectively
    opens dev.quiver.cache.guice to com.google.guice;

    provides dev.quiver.api.cache.CacheProvider with dev.quiver.cache.ArrowCacheProvider;
}
