package dev.quiver.io.fuzzing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import dev.quiver.io.DataFileException;
import dev.quiver.io.TableFiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What the file fuzz tests share (sdk-io's {@code TableFilesFuzzTest}, sdk-parquet's {@code ParquetFilesFuzzTest},
 * sdk-cache's {@code CacheFilesFuzzTest}): mutations of a seed file, and the check every mutated file must pass.
 * Published in sdk-io's test jar, in a package of its own so that modular test code (sdk-cache's) can read it.
 *
 * <p>Thread-safety: stateless.
 */
public final class FileFuzzing {
    private FileFuzzing() {
    }

    /**
     * A small table Quiver writes as the fuzzers' seed: 40 rows of a string column (one value with a comma and a
     * space, so CSV quotes it), an int64 time, a float64 close with one missing value and an int32 volume.
     */
    public static Table seedTable() {
        int rows = 40;
        String[] symbols = new String[rows];
        long[] times = new long[rows];
        double[] close = new double[rows];
        int[] volume = new int[rows];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < rows; i++) {
            symbols[i] = i < rows / 2 ? "AAPL" : "MSFT, Inc.";
            times[i] = 1_600_000_000_000L + 86_400_000L * i;
            close[i] = i == 5 ? Double.NaN : 100 + r.nextDouble();
            volume[i] = r.nextInt(1_000_000);
        }
        return TableBuilder.onHeap().string("symbol", symbols).int64("time", times).float64("close", close)
                .int32("volume", volume).build();
    }

    /** The bytes of {@link #seedTable()} written by {@link TableFiles#write} as {@code dir/seed.<extension>}. */
    public static byte[] seedFile(Path dir, String extension) throws IOException {
        Path file = dir.resolve("seed." + extension);
        try (Table t = seedTable()) {
            TableFiles.write(t, file);
        }
        return Files.readAllBytes(file);
    }

    /** Deletes a fuzzer's working folder and the files in it. */
    public static void deleteFolder(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** A mutation: what to do, where (a fraction of the file's length) and with which byte. */
    public record Mutation(int kind, double where, int value, int length) {
        /** The seed, mutated. */
        public byte[] apply(byte[] seed) {
            int at = (int) (where * seed.length);
            return switch (kind) {
                case 0 -> { // flip one byte
                    byte[] b = seed.clone();
                    b[Math.min(at, b.length - 1)] = (byte) value;
                    yield b;
                }
                case 1 -> Arrays.copyOf(seed, at); // cut short
                case 2 -> { // insert bytes
                    byte[] b = new byte[seed.length + length];
                    System.arraycopy(seed, 0, b, 0, at);
                    Arrays.fill(b, at, at + length, (byte) value);
                    System.arraycopy(seed, at, b, at + length, seed.length - at);
                    yield b;
                }
                case 3 -> { // delete bytes
                    int end = Math.min(seed.length, at + length);
                    byte[] b = new byte[seed.length - (end - at)];
                    System.arraycopy(seed, 0, b, 0, at);
                    System.arraycopy(seed, end, b, at, seed.length - end);
                    yield b;
                }
                default -> { // repeat a stretch (for CSV: lines and fields again)
                    int end = Math.min(seed.length, at + 8 * length);
                    byte[] b = new byte[seed.length + (end - at)];
                    System.arraycopy(seed, 0, b, 0, end);
                    System.arraycopy(seed, at, b, end, seed.length - at);
                    yield b;
                }
            };
        }
    }

    /** One to four mutations: bytes flipped, inserted and deleted, the file cut short, stretches repeated. */
    public static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(1, 16)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** The seed after each mutation in turn (an empty file stays empty). */
    public static byte[] mutate(byte[] seed, List<Mutation> mutations) {
        byte[] b = seed;
        for (Mutation m : mutations) {
            if (b.length == 0) {
                break;
            }
            b = m.apply(b);
        }
        return b;
    }

    /**
     * Writes {@code content} to {@code dir/fuzz.<extension>} and reads it with {@link TableFiles#read}: it must give
     * a table or a {@link DataFileException} whose message names the file and is a sentence, within 10 s, and leave
     * native memory as it was. Anything else fails, with the content in the message.
     */
    public static void readOrFailClearly(Path dir, byte[] content, String extension) {
        Path file = dir.resolve("fuzz." + extension);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long before = NativeMemory.bytesInUse();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (Table t = TableFiles.read(file)) {
                assertThat(t.rowCount()).isNotNegative();
            } catch (DataFileException e) {
                assertThat(e.getMessage()).as("the message names the file").contains(file.getFileName().toString());
                assertThat(e.getMessage()).as("a sentence, not a stack trace").doesNotContain("\tat ");
            }
        }, () -> "reading " + file + " hung: " + Arrays.toString(content));
        assertThat(NativeMemory.bytesInUse()).as("native memory after reading").isEqualTo(before);
    }
}
