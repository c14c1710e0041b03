package dev.quiver.io;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the CSV and Arrow IPC readers with mutations of real files Quiver wrote (bytes flipped, inserted and
 * deleted, files cut short, lines repeated): every read either returns a table or throws a {@link DataFileException}
 * whose message names the file, within a few seconds, and releases its native memory. Anything else (another
 * exception, an error, a hang) fails with the mutated file's bytes in the report, ready to become a regression test.
 *
 * <p>Tries per property: jqwik's default ({@code jqwik.tries.default} in {@code junit-platform.properties}, 1,000 in
 * the build, about a second each); a longer run: {@code ./mvnw -pl sdk-io test -Dtest=TableFilesFuzzTest
 * -Djqwik.tries.default=100000}.
 */
class TableFilesFuzzTest {
    private static Path dir;
    private static byte[] csv;
    private static byte[] arrow;

    @BeforeContainer
    static void writeSeeds() throws IOException {
        dir = Files.createTempDirectory("quiver-fuzz");
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
        try (Table t = TableBuilder.onHeap().string("symbol", symbols).int64("time", times).float64("close", close)
                .int32("volume", volume).build()) {
            Path c = dir.resolve("seed.csv");
            Path a = dir.resolve("seed.arrow");
            TableFiles.write(t, c);
            TableFiles.write(t, a);
            csv = Files.readAllBytes(c);
            arrow = Files.readAllBytes(a);
        }
    }

    @AfterContainer
    static void removeSeeds() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** A mutation: what to do, where (a fraction of the file's length) and with which byte. */
    record Mutation(int kind, double where, int value, int length) {
        byte[] apply(byte[] seed) {
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

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(1, 16)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property
    void mutatedCsvFilesReadOrFailWithASentence(@ForAll("mutations") List<Mutation> mutations) {
        readOrFailClearly(mutate(csv, mutations), "csv");
    }

    @Property
    void mutatedArrowFilesReadOrFailWithASentence(@ForAll("mutations") List<Mutation> mutations) {
        readOrFailClearly(mutate(arrow, mutations), "arrow");
    }

    @Property
    void arbitraryBytesUnderACsvOrArrowNameFailWithASentence(@ForAll byte[] bytes) {
        readOrFailClearly(bytes, "csv");
        readOrFailClearly(bytes, "arrow");
    }

    private static byte[] mutate(byte[] seed, List<Mutation> mutations) {
        byte[] b = seed;
        for (Mutation m : mutations) {
            if (b.length == 0) {
                break;
            }
            b = m.apply(b);
        }
        return b;
    }

    private static void readOrFailClearly(byte[] content, String extension) {
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
