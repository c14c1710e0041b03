package dev.quiver.cache.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CacheModule} with a real injector: default settings, an application's override, one cache per injector. */
class CacheModuleTest {

    @TempDir
    Path dir;

    @Test
    void settingsDefaultToTheSdkDefaultsWithoutCreatingAnything() {
        Injector injector = Guice.createInjector(new CacheModule());
        assertThat(injector.getInstance(CacheSettings.class)).isEqualTo(CacheSettings.defaults());
    }

    @Test
    void anApplicationOverridesTheSettingsAndGetsOneCache() {
        long bytes = NativeMemory.bytesInUse();
        CacheSettings mine = new CacheSettings(dir.resolve("app-cache"), 1 << 20, 1 << 20, Compression.NONE);
        Injector injector = Guice.createInjector(new CacheModule(), new CacheModule(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), CacheSettings.class).setBinding().toInstance(mine);
            }
        });
        assertThat(Files.exists(dir.resolve("app-cache"))).as("no I/O before the cache is injected").isFalse();

        try (Cache cache = injector.getInstance(Cache.class)) {
            assertThat(injector.getInstance(Cache.class)).isSameAs(cache);
            assertThat(injector.getInstance(CacheSettings.class)).isSameAs(mine);
            CacheKey key = CacheKey.of("guice/x", Fingerprint.builder().spec("1").build());
            try (Table t = cache.getOrLoad(key, () -> {
                try (TableBuilder b = TableBuilder.offHeap()) {
                    return b.float64("x", new double[] {1, 2}).build();
                }
            })) {
                assertThat(t.float64("x").get(1)).isEqualTo(2.0);
            }
            assertThat(dir.resolve("app-cache").resolve(key.id() + ".arrow")).exists();
        }
        assertThat(NativeMemory.bytesInUse()).isEqualTo(bytes);
    }
}
