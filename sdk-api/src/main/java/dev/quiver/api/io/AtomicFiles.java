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

    /** Writes the files of a directory. */
    @FunctionalInterface
    public interface DirectoryBody {
        /** Writes the content into {@code directory}, a new empty directory. */
        void write(Path directory) throws IOException;
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
        try (PendingFile pending = create(target)) {
            body.write(pending.channel());
            pending.commit();
        }
    }

    /**
     * Starts writing {@code target}: the returned file's {@linkplain PendingFile#channel() channel} writes a
     * temporary file beside it, which {@link PendingFile#commit()} renames into place and
     * {@link PendingFile#close()} without a commit deletes. For writers that produce a file in several steps (one
     * record batch at a time); {@link #write} is the one-call form.
     *
     * @throws IOException if the directory cannot be created or the temporary file cannot be opened
     */
    public static PendingFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            return new PendingFile(absolute, tmp, FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * A file being written: a temporary sibling of its target until {@link #commit()} forces it to disk and renames
     * it over the target in one step. Closing it without a commit (a failure, an interrupted run) deletes the
     * temporary file and leaves the target exactly as it was.
     *
     * <p>Thread-safety: not thread-safe; one writer at a time.
     */
    public static final class PendingFile implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private final FileChannel channel;
        private boolean done;

        private PendingFile(Path target, Path temporary, FileChannel channel) {
            this.target = target;
            this.temporary = temporary;
            this.channel = channel;
        }

        /** The file this will become. */
        public Path target() {
            return target;
        }

        /** The temporary file being written. */
        public Path temporary() {
            return temporary;
        }

        /**
         * The channel that writes the temporary file. A writer that closes it (Arrow's writers do) must force it
         * to disk first ({@link FileChannel#force(boolean)}).
         */
        public FileChannel channel() {
            return channel;
        }

        /**
         * Forces the content to disk and renames the temporary file over the target.
         *
         * @throws IOException if forcing or renaming fails; the target is then unchanged and the temporary file is
         *     deleted
         * @throws IllegalStateException if already committed or closed
         */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("the write of " + target + " has already ended");
            }
            try {
                if (channel.isOpen()) { // a writer may close the channel (Arrow's do); it then forces it itself
                    channel.force(true);
                    channel.close();
                }
                try {
                    // a temporary file is private (rw-------); the result is an ordinary file others may read
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: keep its default permissions
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
                done = true;
            } finally {
                if (!done) {
                    close();
                }
            }
        }

        /** Deletes the temporary file unless {@link #commit()} renamed it; harmless after a commit. */
        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Writes a whole directory so that it is never a mix of old and new files: the body writes into a new temporary
     * sibling directory, which then replaces {@code target} in one step where the system allows it (Linux's
     * {@code renameat2} with {@code RENAME_EXCHANGE}, through the JDK's foreign function interface), else by two
     * renames (the old directory aside, the new one in place) with the old one deleted after. If the body fails, the
     * temporary directory is deleted and {@code target} is exactly as it was.
     *
     * @throws IOException if the body fails (its exception), or the directory cannot be created or put in place; the
     *     target is then unchanged and no temporary directory is left
     * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists and is not a directory
     */
    public static void writeDirectory(Path target, DirectoryBody body) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new java.nio.file.FileAlreadyExistsException(absolute.toString(), null,
                    "it is a file, not a directory");
        }
        Files.createDirectories(parent);
        Path fresh = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp");
        try {
            body.write(fresh);
            if (!Files.exists(absolute)) {
                Files.move(fresh, absolute, StandardCopyOption.ATOMIC_MOVE);
            } else if (DirectoryExchange.exchange(fresh, absolute)) {
                deleteTree(fresh); // now the old content
            } else {
                Path old = parent.resolve("." + absolute.getFileName() + ".old-" + System.nanoTime());
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(fresh, absolute, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.move(old, absolute, StandardCopyOption.ATOMIC_MOVE); // put the old one back
                    throw e;
                }
                deleteTree(old);
            }
        } finally {
            if (Files.exists(fresh)) {
                deleteTree(fresh);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
