package dev.quiver.cli;

import static dev.quiver.cli.CliRun.quiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Table;
import dev.quiver.cache.TieredCache;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code quiver cache stats|clear} and the cache flags, through the command line. */
class CacheCommandTest {
    private static final Path DATA = Path.of(System.getProperty("quiver.data.dir", "../data"), "market");

    @TempDir
    Path tmp;

    private void fill(Path dir, int entries) {
        try (Cache cache = TieredCache.builder().directory(dir).memoryBytes(1 << 20).diskBytes(1 << 24).build()) {
            for (int i = 0; i < entries; i++) {
                CacheKey key = CacheKey.of("cli/k" + i, Fingerprint.builder().spec("1").build());
                cache.getOrLoad(key, () -> Table.of(Float64Column.wrap("x", new double[] {1, 2, 3}))).close();
                cache.getOrLoad(key, () -> Table.of(Float64Column.wrap("x", new double[] {1, 2, 3}))).close();
            }
        }
    }

    @Test
    void statsPrintsTheDirectorysCountersAndEntries() {
        Path dir = tmp.resolve("cache");
        fill(dir, 3);
        CliRun run = quiver("cache", "stats", "--dir", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("cache " + dir).containsPattern("entries on disk +3 \\(")
                .containsPattern("requests +6 \\(hit rate 50.0 %\\)").containsPattern("memory hits +3")
                .containsPattern("misses \\(loads\\) +3").containsPattern("damaged entries +0");
    }

    @Test
    void clearDeletesEveryEntryAndResetsTheCounters() {
        Path dir = tmp.resolve("cache");
        fill(dir, 4);
        CliRun run = quiver("cache", "clear", "--cache-dir", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualToIgnoringNewLines("cache " + dir + ": deleted 4 entries");
        CliRun stats = quiver("cache", "stats", "--dir", dir.toString());
        assertThat(stats.out()).containsPattern("entries on disk +0 ").containsPattern("requests +0 ");
    }

    @Test
    void statsOfAMissingDirectorySaysSo() {
        CliRun run = quiver("cache", "stats", "--dir", tmp.resolve("nowhere").toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("no such directory");
    }

    @Test
    void cacheFlagsBecomeSettings() {
        CacheOptions options = new CacheOptions();
        new CommandLine(options).parseArgs("--cache-dir", tmp.toString(), "--cache-memory", "512m",
                "--cache-disk", "2g", "--cache-compression", "ZSTD");
        assertThat(options.settings()).isEqualTo(new CacheSettings(tmp, 512L << 20, 2L << 30, Compression.ZSTD));
        CacheOptions none = new CacheOptions();
        new CommandLine(none).parseArgs();
        assertThat(none.settings()).isEqualTo(CacheSettings.defaults());
    }

    @Test
    void byteSizesParseWithBinarySuffixes() {
        assertThat(CacheOptions.parseBytes("0")).isZero();
        assertThat(CacheOptions.parseBytes("4096")).isEqualTo(4096);
        assertThat(CacheOptions.parseBytes("64k")).isEqualTo(64L << 10);
        assertThat(CacheOptions.parseBytes("512M")).isEqualTo(512L << 20);
        assertThat(CacheOptions.parseBytes("2gb")).isEqualTo(2L << 30);
        assertThat(CacheOptions.parseBytes("1t")).isEqualTo(1L << 40);
        for (String bad : new String[] {"", "m", "-1", "1.5g", "12x", "99999999999999t"}) {
            assertThatThrownBy(() -> CacheOptions.parseBytes(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void aBadFlagIsAUsageErrorNamingTheValue() {
        CliRun run = quiver("cache", "stats", "--cache-memory", "lots");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("'lots' is not a byte size");
        CliRun codec = quiver("demo", "--cache-compression", "gzip");
        assertThat(codec.status()).isEqualTo(2);
        assertThat(codec.err()).contains("'gzip' is not a compression");
    }

    @Test
    void theDemoHonoursTheCacheFlagsAndStatsSeeItsRuns() {
        Path dir = tmp.resolve("cache");
        String[] demo = {"demo", "--data", DATA.toString(), "--output", tmp.resolve("out").toString(),
            "--cache-dir", dir.toString(), "--cache-memory", "64m", "--cache-disk", "1g",
            "--cache-compression", "zstd"};
        CliRun first = quiver(demo);
        assertThat(first.status()).as(first.err()).isZero();
        CliRun second = quiver(demo);
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).contains("2 disk hits, 0 loads");
        assertThat(Files.exists(dir)).isTrue();
        CliRun stats = quiver("cache", "stats", "--dir", dir.toString());
        assertThat(stats.out()).containsPattern("entries on disk +2 ").containsPattern("disk hits +2")
                .containsPattern("misses \\(loads\\) +2");
    }
}
