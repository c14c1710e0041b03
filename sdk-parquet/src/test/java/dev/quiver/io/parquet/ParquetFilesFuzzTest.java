package dev.quiver.io.parquet;

import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.FileFuzzing;
import dev.quiver.io.TableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the Parquet reader with mutations of a file Quiver wrote (sdk-io's {@link FileFuzzing}): every read gives a
 * table or a sentence naming the file, within seconds, leaking no native memory. A longer run:
 * {@code ./mvnw -pl sdk-parquet test -Dtest=ParquetFilesFuzzTest -Djqwik.tries.default=30000}.
 */
class ParquetFilesFuzzTest {
    private static Path dir;
    private static byte[] parquet;

    @BeforeContainer
    static void writeSeed() throws IOException {
        dir = Files.createTempDirectory("quiver-fuzz");
        int rows = 40;
        String[] symbols = new String[rows];
        long[] times = new long[rows];
        double[] close = new double[rows];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < rows; i++) {
            symbols[i] = i < rows / 2 ? "AAPL" : "MSFT";
            times[i] = 1_600_000_000_000L + 86_400_000L * i;
            close[i] = i == 3 ? Double.NaN : 100 + r.nextDouble();
        }
        try (Table t = TableBuilder.onHeap().string("symbol", symbols).int64("time", times).float64("close", close)
                .build()) {
            Path p = dir.resolve("seed.parquet");
            TableFiles.write(t, p);
            parquet = Files.readAllBytes(p);
        }
    }

    @AfterContainer
    static void removeSeed() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Provide
    Arbitrary<List<FileFuzzing.Mutation>> mutations() {
        return FileFuzzing.mutations();
    }

    @Property
    void mutatedParquetFilesReadOrFailWithASentence(@ForAll("mutations") List<FileFuzzing.Mutation> mutations) {
        FileFuzzing.readOrFailClearly(dir, FileFuzzing.mutate(parquet, mutations), "parquet");
    }

    @Property
    void arbitraryBytesUnderAParquetNameFailWithASentence(@ForAll byte[] bytes) {
        FileFuzzing.readOrFailClearly(dir, bytes, "parquet");
    }
}
