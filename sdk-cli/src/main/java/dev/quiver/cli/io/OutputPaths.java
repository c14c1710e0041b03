package dev.quiver.cli.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Checks, before anything is written, that a command's output cannot destroy its input: an output file that is an
 * input (by path or as the same file through a link), or an output directory that holds an input, is refused.
 *
 * <p>Thread-safety: stateless.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * @param option the option that named the output ({@code --output}), for the message
     * @throws IllegalArgumentException saying which input the output would overwrite
     */
    public static void checkFile(Path output, Collection<Path> inputs, String option) {
        Path out = output.toAbsolutePath().normalize();
        for (Path input : inputs) {
            Path in = input.toAbsolutePath().normalize();
            if (out.equals(in) || sameFile(out, in)) {
                throw new IllegalArgumentException(option + " " + output + " is the input file " + input
                        + "; writing it would destroy the input: choose another output");
            }
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(option + " " + output + " is a directory; name a file");
        }
    }

    /**
     * @param option the option that named the output directory, for the message
     * @throws IllegalArgumentException saying which input the output directory holds
     */
    public static void checkDirectory(Path output, Collection<Path> inputs, String option) {
        Path out = output.toAbsolutePath().normalize();
        for (Path input : inputs) {
            Path in = input.toAbsolutePath().normalize();
            if (in.startsWith(out) || out.equals(in) || sameFile(out, in)) {
                throw new IllegalArgumentException(option + " " + output + " holds the input file " + input
                        + "; its contents are replaced by the outputs: choose another directory");
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(option + " " + output + " is a file, not a directory");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
