package dev.quiver.io.format;

import dev.quiver.io.DataFileException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns file-system trouble into plain sentences: a missing file, a directory given as a file, an unreadable file,
 * a full disk. No Java class name reaches the user.
 *
 * <p>Thread-safety: stateless.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Checks that {@code file} exists, is a regular file (or a readable device such as {@code /dev/stdin}) and can
     * be read.
     *
     * @throws DataFileException saying which of these it is not
     */
    public static void checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw DataFileException.of(file, "is a directory, not a file");
        }
        if (!Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            throw DataFileException.of(file, parent != null && !Files.isDirectory(parent)
                    ? "does not exist (nor does its directory " + parent + ")" : "does not exist");
        }
        if (!Files.isReadable(file)) {
            throw DataFileException.of(file, "cannot be read (permission denied)");
        }
    }

    /** A {@link DataFileException} for an I/O failure while reading {@code file}, in plain words. */
    public static DataFileException readFailure(Path file, IOException e) {
        return DataFileException.at(file).build(describe(e, "read"), e);
    }

    /** A {@link DataFileException} for an I/O failure while writing {@code file}, in plain words. */
    public static DataFileException writeFailure(Path file, IOException e) {
        return DataFileException.at(file).build(describe(e, "written"), e);
    }

    private static String describe(IOException e, String verb) {
        return switch (e) {
            case NoSuchFileException n -> "cannot be " + verb + ": " + (n.getFile() == null ? "a file"
                    : n.getFile()) + " does not exist";
            case AccessDeniedException a -> "cannot be " + verb + " (permission denied"
                    + (a.getFile() == null ? "" : " on " + a.getFile()) + ")";
            case NotDirectoryException n -> "cannot be " + verb + ": " + n.getFile() + " is not a directory";
            case FileSystemException f -> "cannot be " + verb + ": " + (f.getReason() != null ? f.getReason()
                    : "file system error") + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
            default -> "cannot be " + verb + ": " + (e.getMessage() != null ? e.getMessage()
                    : "input/output error");
        };
    }
}
