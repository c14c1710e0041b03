package dev.quiver.io.arrow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quiver.io.DataFileException;
import dev.quiver.io.TableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression inputs the fuzz test found (src/test/resources/arrow/README.md): each fails fast with a sentence. */
class ArrowDamagedFilesTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = ArrowDamagedFilesTest.class.getResourceAsStream("/arrow/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void aDamagedRowCountFailsAtOnceInsteadOfAllocatingGigabytes() throws IOException {
        Path f = resource("damaged-row-count.arrow");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> TableFiles.read(f))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ": is damaged after row 0: a record batch needs more memory than a file of its size "
                        + "can hold (more than 256 MiB; if the file is sound, raise -Dquiver.io.arrow.limit.mib)"));
    }

    @Test
    void theLimitGrowsWithTheFileAndCanBeSet() throws IOException {
        Path small = Files.write(dir.resolve("s.arrow"), new byte[10]);
        org.assertj.core.api.Assertions.assertThat(ArrowIpcReader.memoryLimit(small)).isEqualTo(256L << 20);
        Path big = dir.resolve("b.arrow");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[1]), 10L << 20); // a sparse 10 MiB file
        }
        org.assertj.core.api.Assertions.assertThat(ArrowIpcReader.memoryLimit(big)).isEqualTo(64 * ((10L << 20) + 1));
    }
}
