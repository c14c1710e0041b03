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
}
