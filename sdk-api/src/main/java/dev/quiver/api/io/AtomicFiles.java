package dev.quiver.api.io;

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
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a crash never leaves a half-written one: the content goes to a temporary file in the target's
 * directory, is forced to disk, and is renamed over the target in one step. Every Quiver module that writes a result
 * file (reports, tables, plots, summaries) writes it through this class.
 *
 * <p>Thread-safety: stateless; concurrent writers of one target each write their own temporary file and the last
 * rename wins.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes content to a channel. */
    @FunctionalInterface
    public interface ChannelBody {
        /** Writes the content. */
        void write(FileChannel channel) throws IOException;
    }

    /** Writes text content. */
    @FunctionalInterface
    public interface TextBody {
        /** Writes the content. */
        void write(BufferedWriter out) throws IOException;
    }

    /**
     * Writes {@code target} atomically through a file channel. A body that closes the channel must force it to disk
     * first ({@link FileChannel#force(boolean)}).
     *
     * @throws IOException if writing or renaming fails; the target is then unchanged and no temporary file is left
     */
    public static void write(Path target, ChannelBody body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                body.write(ch);
                if (ch.isOpen()) { // a body may close the channel (Arrow's writers do); it then forces it itself
                    ch.force(true);
                }
            }
            try {
                // a temporary file is private (rw-------); the result is an ordinary file others may read
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its default permissions
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

    /**
     * Writes {@code target} atomically as UTF-8 text.
     *
     * @throws IOException if writing or renaming fails; the target is then unchanged and no temporary file is left
     */
    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, ch -> {
            OutputStream os = Channels.newOutputStream(ch);
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            body.write(w);
            w.flush();
        });
    }

    /**
     * Writes {@code target} atomically from bytes.
     *
     * @throws IOException if writing or renaming fails
     */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, ch -> {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
        });
    }
}
