package dev.quiver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheProvider;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.provider.ProviderInfo;
import dev.quiver.api.table.Table;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The provider is found by {@link java.util.ServiceLoader} through the SDK's discovery helper. */
@ExtendWith(NativeMemoryLeakCheck.class)
class ArrowCacheProviderTest {

    @TempDir
    Path dir;

    @Test
    void discoveryFindsAndSelectsTheArrowProvider() {
        ProviderDiscovery<CacheProvider> discovery = ProviderDiscovery.load("cache", CacheProvider.class);
        CacheProvider provider = discovery.select();

        assertThat(provider).isInstanceOf(ArrowCacheProvider.class);
        assertThat(discovery.get("arrow")).isInstanceOf(ArrowCacheProvider.class);
        assertThat(discovery.describe()).extracting(ProviderInfo::name, ProviderInfo::priority, ProviderInfo::available)
                .contains(org.assertj.core.groups.Tuple.tuple("arrow", 100, true));
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");

        try (Cache cache = provider.create(new CacheSettings(dir, 1 << 20, 1 << 20, Compression.LZ4));
             Table t = cache.getOrLoad(TestTables.key("spi/one", "1"), () -> TestTables.doubles(3, 1))) {
            assertThat(t.float64("x").get(2)).isEqualTo(3.0);
            assertThat(cache.stats().diskEntries()).isEqualTo(1);
        }
    }
}
