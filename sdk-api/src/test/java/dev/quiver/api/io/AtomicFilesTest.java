package dev.quiver.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void writesTextAndBytesAndReplacesAnExistingFile() throws IOException {
        Path target = dir.resolve("sub/out.txt");
        AtomicFiles.writeText(target, w -> w.write("first"));
        assertThat(Files.readString(target)).isEqualTo("first");
        AtomicFiles.writeBytes(target, new byte[] {'o', 'k'});
        assertThat(Files.readString(target)).isEqualTo("ok");
        assertThat(filesIn(target.getParent())).as("no temporary file is left").isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFailingWriterLeavesTheTargetUnchangedAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFiles.writeText(target, w -> w.write("whole"));
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("half of it");
            w.flush();
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(Files.readString(target)).isEqualTo("whole");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aBodyMayCloseTheChannelItForced() throws IOException {
        Path target = dir.resolve("closed.bin");
        AtomicFiles.write(target, ch -> {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
            ch.force(true);
            ch.close();
        });
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    }

    @Test
    void aPendingFileAppearsOnlyWhenCommittedAndVanishesWhenClosedWithoutOne() throws IOException {
        Path target = dir.resolve("batches.bin");
        AtomicFiles.writeBytes(target, new byte[] {9});
        try (AtomicFiles.PendingFile pending = AtomicFiles.create(target)) {
            pending.channel().write(java.nio.ByteBuffer.wrap(new byte[] {1, 2}));
            assertThat(Files.readAllBytes(target)).as("the target is untouched while writing").containsExactly(9);
            assertThat(pending.temporary().getParent()).isEqualTo(target.getParent());
            // closed without commit: an interrupted writer
        }
        assertThat(Files.readAllBytes(target)).containsExactly(9);
        assertThat(filesIn(dir)).isEqualTo(1);

        try (AtomicFiles.PendingFile pending = AtomicFiles.create(target)) {
            pending.channel().write(java.nio.ByteBuffer.wrap(new byte[] {1, 2}));
            pending.commit();
            assertThatThrownBy(pending::commit).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2);
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aDirectoryIsReplacedWholeOrNotAtAll() throws IOException {
        Path target = dir.resolve("out");
        AtomicFiles.writeDirectory(target, d -> {
            Files.writeString(d.resolve("a.txt"), "first a");
            Files.writeString(d.resolve("b.txt"), "first b");
        });
        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("first a");

        assertThatThrownBy(() -> AtomicFiles.writeDirectory(target, d -> {
            Files.writeString(d.resolve("a.txt"), "second a");
            throw new IOException("interrupted half way");
        })).hasMessage("interrupted half way");
        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("first a");
        assertThat(Files.readString(target.resolve("b.txt"))).isEqualTo("first b");

        AtomicFiles.writeDirectory(target, d -> Files.writeString(d.resolve("c.txt"), "second c"));
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("c.txt");
        }
        assertThat(filesIn(dir)).as("no temporary or old directory is left").isEqualTo(1);
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAnError() throws IOException {
        Path target = dir.resolve("report");
        Files.writeString(target, "a file");
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(target, d -> { }))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class).hasMessageContaining("not a directory");
        assertThat(Files.readString(target)).isEqualTo("a file");
    }

    @Test
    void theSwapIsOneStepOnLinux() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Files.writeString(a.resolve("x"), "in a");
        assertThat(DirectoryExchange.exchange(a, b)).isTrue();
        assertThat(Files.readString(b.resolve("x"))).isEqualTo("in a");
        assertThat(Files.exists(a.resolve("x"))).isFalse();
    }
}
