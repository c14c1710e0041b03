package dev.quiver.report;

import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An output directory written whole: the files go into a new sibling directory that then replaces the target in one
 * step ({@link AtomicFiles#writeDirectory}), so a failed or interrupted run leaves the previous outputs exactly as
 * they were. Because the target is replaced, it must be new, empty, or an earlier Quiver output's (it holds the
 * {@link #MARKER} file): a directory of other files is refused rather than deleted.
 *
 * <p>Thread-safety: stateless; safe from any thread (two writers of one directory race, and the last one wins).
 */
public final class OutputDirectory {
    /** The file that marks a directory as a Quiver output's, which a later run may replace whole. */
    public static final String MARKER = ".quiver-output";

    private OutputDirectory() {
    }

    /**
     * Writes {@code dir} whole with {@code body}, which fills the temporary directory it is given.
     *
     * @param what what writes the directory ("backtest report"), said in the marker file
     * @throws IOException if the body fails or the directory cannot be put in place; {@code dir} is then unchanged
     * @throws IllegalArgumentException if {@code dir} holds files that are not a Quiver output's
     */
    public static void write(Path dir, String what, AtomicFiles.DirectoryBody body) throws IOException {
        checkReplaceable(dir);
        AtomicFiles.writeDirectory(dir, tmp -> {
            Files.writeString(tmp.resolve(MARKER), "written by Quiver's " + what + "; the directory is replaced "
                    + "whole by the next run into it\n");
            body.write(tmp);
        });
    }

    /**
     * Checks that {@code dir} may be replaced whole: it does not exist, is empty, or holds {@link #MARKER}.
     *
     * @throws IllegalArgumentException if it holds other files
     */
    public static void checkReplaceable(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(MARKER))) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.findAny().isPresent()) {
                throw new IllegalArgumentException(dir + " holds files that are not a Quiver output's; the output "
                        + "directory is replaced whole, so name a new directory (or an earlier output's)");
            }
        }
    }
}
