package dev.quiver.cli.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a crash never leaves a half-written one: the content goes to a temporary file in the same
 * directory, is flushed to disk, and is then renamed over the target in one step.
 *
 * <p>Thread-safety: stateless; concurrent writers of one target each write their own temporary file and the last
 * rename wins.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes text content produced by {@code body}. */
    @FunctionalInterface
    public interface TextBody {
        /** Writes the content. */
        void write(BufferedWriter out) throws IOException;
    }

    /**
     * Writes {@code target} atomically with UTF-8 text.
     *
     * @throws IOException if writing or renaming fails; the target is then unchanged and no temporary file is left
     */
    public static void writeText(Path target, TextBody body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream os = Channels.newOutputStream(ch);
                 BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                body.write(w);
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
