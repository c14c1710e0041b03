package dev.quiver.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The file formats Quiver reads and writes tables in. A file's format follows its extension ({@link #of(Path)}); a
 * command's {@code --format} option, or {@link ReadOptions.Builder#format}/{@link WriteOptions.Builder#format},
 * overrides it.
 *
 * <table>
 *   <caption>Formats and their extensions</caption>
 *   <tr><th>format</th><th>extensions</th><th>names for {@code --format}</th></tr>
 *   <tr><td>{@link #CSV}</td><td>{@code .csv}, {@code .tsv} (tab-separated), {@code .txt}</td><td>{@code csv},
 *       {@code tsv}</td></tr>
 *   <tr><td>{@link #PARQUET}</td><td>{@code .parquet}, {@code .pq}</td><td>{@code parquet}</td></tr>
 *   <tr><td>{@link #ARROW_FILE}</td><td>{@code .arrow}, {@code .feather}, {@code .ipc}</td><td>{@code arrow},
 *       {@code feather}</td></tr>
 *   <tr><td>{@link #ARROW_STREAM}</td><td>{@code .arrows}</td><td>{@code arrows}, {@code arrow-stream}</td></tr>
 * </table>
 *
 * <p>Thread-safety: immutable.
 */
public enum TableFormat {
    /** Comma-separated values, RFC 4180: a header row, quoted fields, UTF-8 ({@link CsvFormat}). */
    CSV(List.of(".csv", ".tsv", ".txt"), List.of("csv", "tsv")),
    /** Apache Parquet, compressed with snappy (the default) or zstd. */
    PARQUET(List.of(".parquet", ".pq"), List.of("parquet")),
    /** The Arrow IPC file format (random access; Feather version 2 is this format). */
    ARROW_FILE(List.of(".arrow", ".feather", ".ipc"), List.of("arrow", "feather", "ipc")),
    /** The Arrow IPC streaming format (sequential record batches). */
    ARROW_STREAM(List.of(".arrows"), List.of("arrows", "arrow-stream", "arrow_stream"));

    private final List<String> extensions;
    private final List<String> names;

    TableFormat(List<String> extensions, List<String> names) {
        this.extensions = extensions;
        this.names = names;
    }

    /** The file name extensions of this format, lower case with the dot, the preferred one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The preferred file name extension ({@code .csv}, {@code .parquet}, {@code .arrow}, {@code .arrows}). */
    public String extension() {
        return extensions.getFirst();
    }

    /**
     * The format of a file by its extension, in any case.
     *
     * @throws IllegalArgumentException naming the file and listing the known extensions if its extension is none
     *     of them
     */
    public static TableFormat of(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (TableFormat f : values()) {
            for (String e : f.extensions) {
                if (n.endsWith(e) && n.length() > e.length()) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException(file + ": cannot tell the format from the file name; the known extensions "
                + "are " + String.join(", ", allExtensions()) + " (or name the format with --format)");
    }

    /** Whether the file's extension is one of a known format. */
    public static boolean isKnown(Path file) {
        try {
            of(file);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The format of a name, in any case: {@code csv}, {@code tsv}, {@code parquet}, {@code arrow}, {@code feather},
     * {@code arrows}; with or without a leading dot.
     *
     * @throws IllegalArgumentException naming the text and listing the names
     */
    public static TableFormat named(String name) {
        String n = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
        if (n.startsWith(".")) {
            n = n.substring(1);
        }
        for (TableFormat f : values()) {
            if (f.names.contains(n) || f.extensions.contains("." + n)) {
                return f;
            }
        }
        List<String> all = new ArrayList<>();
        for (TableFormat f : values()) {
            all.addAll(f.names);
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; the formats are " + String.join(", ", all));
    }

    private static List<String> allExtensions() {
        List<String> all = new ArrayList<>();
        for (TableFormat f : values()) {
            all.addAll(f.extensions);
        }
        return all;
    }

    /** The lower-case name ({@code csv}, {@code parquet}, {@code arrow}, {@code arrows}). */
    @Override
    public String toString() {
        return names.getFirst();
    }
}
