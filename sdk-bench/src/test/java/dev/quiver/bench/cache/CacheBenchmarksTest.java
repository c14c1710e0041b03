package dev.quiver.bench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.cache.Compression;
import dev.quiver.api.table.NativeMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs each cache benchmark method once on a tiny table: every read path sees the same values, nothing is left. */
class CacheBenchmarksTest {

    @Test
    void everyReadPathOfTableCacheBenchmarkSeesTheSameValues() throws Exception {
        long bytes = NativeMemory.bytesInUse();
        TableCacheBenchmark b = new TableCacheBenchmark();
        b.rows = 3_003; // more than one period of the repeated walk
        b.columns = 3;
        b.setUp();
        Path dir = b.dir;
        try {
            double first = b.mappedColumnScan();
            assertThat(first).isPositive();
            assertThat(b.memoryHit()).isEqualTo(3_003);
            assertThat(b.diskOpen()).isEqualTo(3_003);
            assertThat(b.diskFirstOpen()).isEqualTo(3_003);
            assertThat(b.diskOpenScanFirstColumn()).isEqualTo(first);
            assertThat(b.arrowCopyRead()).isEqualTo(first);
            assertThat(b.csvParse()).isEqualTo(first);
            assertThat(b.diskOpenScanAllColumns()).isGreaterThan(first);
            double[][] parsed = CacheFixture.parseCsv(b.csv, 3_003, 3);
            try (var t = CacheFixture.table(3_003, 3)) {
                for (int c = 0; c < 3; c++) {
                    assertThat(parsed[c]).as("column %d parsed from CSV", c)
                            .containsExactly(t.float64(CacheFixture.columnName(c)).toArray());
                }
            }
        } finally {
            b.tearDown();
        }
        assertThat(Files.exists(dir)).as("fixtures deleted").isFalse();
        assertThat(NativeMemory.bytesInUse()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void compressedDiskReadBenchmarkReadsItsTable(Compression compression) {
        CompressedDiskReadBenchmark b = new CompressedDiskReadBenchmark();
        b.compression = compression;
        b.rows = 2_000;
        b.columns = 2;
        b.setUp();
        try {
            assertThat(b.fileBytes).isPositive();
            assertThat(b.diskHitScanAllColumns()).isPositive();
        } finally {
            b.tearDown();
        }
    }
}
