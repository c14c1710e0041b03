package dev.quiver.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFiles;
import dev.quiver.io.TableReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of several megabytes, cut into parts read in parallel: whatever the thread count and wherever the cuts fall
 * (inside quoted fields with line breaks too), the table is the one a single thread reads, and every line number
 * is right.
 */
class CsvParallelReadTest {
    @TempDir
    Path dir;

    /** Rows of a number, a quoted text with line breaks and commas, and a date; lines of every row recorded. */
    private Path generate(int rows, List<Long> lines) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder b = new StringBuilder("x,note,day\n");
        long line = 2;
        for (int i = 0; i < rows; i++) {
            lines.add(line);
            b.append(r.nextDouble() * 200 - 100).append(',');
            int breaks = r.nextInt(3);
            b.append('"').append("n").append(i);
            for (int k = 0; k < breaks; k++) {
                b.append(",\n\"\"q\"\"");
            }
            b.append('"').append(',').append(2000 + i % 20).append("-0").append(1 + i % 9).append("-1")
                    .append(i % 9).append('\n');
            line += 1 + breaks;
        }
        Path f = dir.resolve("big.csv");
        Files.writeString(f, b, StandardCharsets.UTF_8);
        return f;
    }

    private static void assertSame(Table a, Table b) {
        assertThat(b.schema()).isEqualTo(a.schema());
        assertThat(b.rowCount()).isEqualTo(a.rowCount());
        for (int c = 0; c < a.columnCount(); c++) {
            Column x = a.column(c);
            Column y = b.column(c);
            for (int r = 0; r < a.rowCount(); r++) {
                if (!x.format(r).equals(y.format(r))) {
                    throw new AssertionError("column " + x.name() + " row " + r + ": " + x.format(r) + " vs "
                            + y.format(r));
                }
            }
        }
    }

    @Test
    void anyThreadCountReadsTheSameTableWithTheRightLines() throws IOException {
        List<Long> lines = new ArrayList<>();
        Path f = generate(80_000, lines);
        assertThat(Files.size(f)).isGreaterThan(3 << 20);
        long before = NativeMemory.bytesInUse();
        try (Table one = TableFiles.read(f, ReadOptions.builder().threads(1).lineColumn("line").build())) {
            assertThat(one.rowCount()).isEqualTo(80_000);
            assertThat(one.int64("line").toArray()).containsExactly(lines.stream().mapToLong(Long::longValue)
                    .toArray());
            assertThat(one.string("note").get(1)).startsWith("n1");
            for (int threads : new int[] {2, 3, 4, 7}) {
                try (Table many = TableFiles.read(f, ReadOptions.builder().threads(threads).lineColumn("line")
                        .build())) {
                    assertSame(one, many);
                }
            }
            try (TableReader reader = TableFiles.openReader(f, ReadOptions.builder().threads(3).batchRows(7_000)
                    .lineColumn("line").build())) {
                int at = 0;
                int batches = 0;
                for (Table next; (next = reader.next()) != null; batches++) {
                    try (Table batch = next) {
                        assertSame(one.slice(at, at + batch.rowCount()), batch);
                        at += batch.rowCount();
                    }
                }
                assertThat(at).isEqualTo(80_000);
                assertThat(batches).isGreaterThan(5);
            }
        }
        assertThat(NativeMemory.bytesInUse()).isEqualTo(before);
    }

    @Test
    void anErrorDeepInAPartNamesItsLine() throws IOException {
        List<Long> lines = new ArrayList<>();
        Path f = generate(80_000, lines);
        String text = Files.readString(f);
        // break the number of row 70,000
        int at = 0;
        for (long l = 1; l < lines.get(70_000); l++) {
            at = text.indexOf('\n', at) + 1;
        }
        Files.writeString(f, text.substring(0, at) + "1,2,3,4" + text.substring(text.indexOf(',', at + 1)));
        for (int threads : new int[] {1, 4}) {
            assertThatThrownBy(() -> TableFiles.read(f, ReadOptions.builder().threads(threads).build()))
                    .hasMessageContaining("line " + lines.get(70_000) + ":");
        }
    }

    @Test
    void aNumberThatIsTextFarIntoTheFileWidensTheColumn() throws IOException {
        List<Long> lines = new ArrayList<>();
        Path f = generate(80_000, lines);
        long appendedLine = Files.readString(f).chars().filter(ch -> ch == '\n').count() + 1;
        Files.writeString(f, "oops,\"x\",2020-01-01\n", java.nio.file.StandardOpenOption.APPEND);
        try (Table t = TableFiles.read(f, ReadOptions.builder().threads(2).build())) {
            assertThat(t.string("x").get(80_000)).isEqualTo("oops");
            assertThat(t.string("x").get(0)).isNotNull();
        }
        assertThatThrownBy(() -> {
            try (TableReader reader = TableFiles.openReader(f, ReadOptions.defaults())) {
                while (true) {
                    Table b = reader.next();
                    if (b == null) {
                        break;
                    }
                    b.close();
                }
            }
        }).hasMessageContaining("line " + appendedLine + ", column 'x': 'oops' is not a number")
                .hasMessageContaining("--column-type");
    }
}
