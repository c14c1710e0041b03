package dev.quiver.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Cache settings: bounds are checked, withers copy. */
class CacheSettingsTest {
    private static final Path DIR = Path.of("cache-dir");

    @Test
    void negativeBoundsAreRejectedNamingBoth() {
        assertThatThrownBy(() -> new CacheSettings(DIR, -1, 10, Compression.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cache bounds must be >= 0, not memory -1, disk 10");
        assertThatThrownBy(() -> new CacheSettings(DIR, 10, -5, Compression.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disk -5");
    }

    @Test
    void zeroDisablesATierAndIsValid() {
        CacheSettings s = new CacheSettings(DIR, 0, 0, Compression.LZ4);

        assertThat(s.memoryBytes()).isZero();
        assertThat(s.diskBytes()).isZero();
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> new CacheSettings(null, 1, 1, Compression.NONE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CacheSettings(DIR, 1, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theDefaultsAreOneGibInMemoryTenOnDiskUncompressed() {
        CacheSettings d = CacheSettings.defaults();

        assertThat(d.memoryBytes()).isEqualTo(1L << 30).isEqualTo(CacheSettings.DEFAULT_MEMORY_BYTES);
        assertThat(d.diskBytes()).isEqualTo(10L << 30).isEqualTo(CacheSettings.DEFAULT_DISK_BYTES);
        assertThat(d.compression()).isEqualTo(Compression.NONE);
        assertThat(d.directory()).isEqualTo(CacheSettings.defaultDirectory());
    }

    @Test
    void withersChangeOneSettingAndCheckIt() {
        CacheSettings s = new CacheSettings(DIR, 1, 2, Compression.NONE);

        assertThat(s.withDirectory(Path.of("other"))).isEqualTo(new CacheSettings(Path.of("other"), 1, 2,
                Compression.NONE));
        assertThat(s.withMemoryBytes(7)).isEqualTo(new CacheSettings(DIR, 7, 2, Compression.NONE));
        assertThat(s.withDiskBytes(8)).isEqualTo(new CacheSettings(DIR, 1, 8, Compression.NONE));
        assertThat(s.withCompression(Compression.ZSTD)).isEqualTo(new CacheSettings(DIR, 1, 2, Compression.ZSTD));
        assertThatThrownBy(() -> s.withDiskBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
