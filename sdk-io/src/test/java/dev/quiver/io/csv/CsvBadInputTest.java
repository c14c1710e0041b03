package dev.quiver.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.DataFileException;
import dev.quiver.io.TableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad CSV input gets a sentence naming the file and line, or a documented result; nothing leaks. */
class CsvBadInputTest {
    @TempDir
    Path dir;
    private long nativeBefore;

    @BeforeEach
    void remember() {
        nativeBefore = NativeMemory.bytesInUse();
    }

    @AfterEach
    void nothingLeaks() throws IOException {
        assertThat(NativeMemory.bytesInUse()).as("native memory after the test").isEqualTo(nativeBefore);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList())
                    .as("no temporary file is left").isEmpty();
        }
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void unbalancedQuotesNameTheLineTheFieldOpensOn() throws IOException {
        Path f = file("q.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
        assertThatThrownBy(() -> TableFiles.read(f)).isInstanceOf(DataFileException.class)
                .hasMessage(f + ", line 3: a quoted field starting here is never closed (a \" is missing)");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() throws IOException {
        Path f = file("q.csv", "a,b\n1,\"x\"y\n");
        assertThatThrownBy(() -> TableFiles.read(f)).hasMessageStartingWith(f + ", line 2: a quoted field is "
                + "followed by other characters");
    }

    @Test
    void raggedRowsNameTheLineAndTheCounts() throws IOException {
        Path fewer = file("r.csv", "a,b,c\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> TableFiles.read(fewer)).hasMessageStartingWith(fewer + ", line 3: the record has "
                + "2 fields but the header has 3");
        Path more = file("m.csv", "a,b\n1,2\n3,4\n5,6,7\n");
        assertThatThrownBy(() -> TableFiles.read(more)).hasMessageStartingWith(more + ", line 4: the record has "
                + "3 fields but the header has 2");
    }

    @Test
    void aRaggedRowAfterAQuotedLineBreakIsCountedInLines() throws IOException {
        Path f = file("r.csv", "a,b\n\"x\ny\",2\n4\n");
        assertThatThrownBy(() -> TableFiles.read(f)).hasMessageStartingWith(f + ", line 4:");
    }

    @Test
    void duplicateHeadersAreAnError() throws IOException {
        Path f = file("d.csv", "Date,Close,close,Close\n2020-01-01,1,2,3\n");
        assertThatThrownBy(() -> TableFiles.read(f)).hasMessage(f + ", line 1: columns 2 and 4 are both named "
                + "'Close'; column names must be unique");
    }

    @Test
    void aHeaderOnlyFileIsATableWithoutRows() throws IOException {
        try (Table t = TableFiles.read(file("h.csv", "Date,Close\n"))) {
            assertThat(t.rowCount()).isZero();
            assertThat(t.schema().names()).containsExactly("Date", "Close");
            assertThat(t.schema().field(1).type()).isEqualTo(ColumnType.FLOAT64);
        }
        try (Table t = TableFiles.read(file("h2.csv", "Date,Close"))) {
            assertThat(t.rowCount()).isZero();
        }
    }

    @Test
    void emptyAndBlankFilesAreErrors() throws IOException {
        Path empty = file("e.csv", "");
        assertThatThrownBy(() -> TableFiles.read(empty)).hasMessage(empty + ": is empty; a CSV file starts with a "
                + "header line");
        Path blank = file("b.csv", "\n\r\n\n");
        assertThatThrownBy(() -> TableFiles.read(blank)).hasMessage(blank + ": holds only blank lines; a CSV file "
                + "starts with a header line");
        Path devNull = Path.of("/dev/null");
        assertThatThrownBy(() -> TableFiles.read(devNull, dev.quiver.io.ReadOptions.builder()
                .format(dev.quiver.io.TableFormat.CSV).build())).hasMessage("/dev/null: is empty; a CSV file "
                + "starts with a header line");
    }

    @Test
    void aByteOrderMarkIsSkippedAndBlankLinesToo() throws IOException {
        Path f = dir.resolve("bom.csv");
        Files.write(f, "\uFEFFDate,Close\r\n\r\n2020-01-02,1\r\n\r\n2020-01-03,2\r\n\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        try (Table t = TableFiles.read(f)) {
            assertThat(t.schema().names()).containsExactly("Date", "Close");
            assertThat(t.int64("Close").toArray()).containsExactly(1, 2);
        }
    }

    @Test
    void aOneColumnFileKeepsItsBlankLinesAsMissingValues() throws IOException {
        try (Table t = TableFiles.read(file("one.csv", "x\n1\n\n3\n\n\n"))) {
            assertThat(t.rowCount()).isEqualTo(3);
            assertThat(t.int64("x").isMissing(1)).isTrue();
        }
    }

    @Test
    void invalidUtf8NamesTheLineAndTheByte() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "name,n\ncafe,1\ncaf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TableFiles.read(f)).hasMessage(f + ", line 3: the byte 0xE9 at offset 17 is not "
                + "valid UTF-8; save the file as UTF-8 (in Excel: \"CSV UTF-8\")");
        Path header = dir.resolve("h.csv");
        Files.write(header, "caf\u00e9\n1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TableFiles.read(header)).hasMessageContaining("line 1: the byte 0xE9");
    }

    @Test
    void aDirectoryAMissingFileAndAnUnknownExtensionEachHaveTheirSentence() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("prices.csv"));
        assertThatThrownBy(() -> TableFiles.read(sub)).hasMessage(sub + ": is a directory, not a file");
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> TableFiles.read(missing)).hasMessage(missing + ": does not exist");
        Path odd = file("prices.xlsx", "x");
        assertThatThrownBy(() -> TableFiles.read(odd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot tell the format").hasMessageContaining(".csv")
                .hasMessageContaining(".parquet").hasMessageContaining(".arrow");
    }

    @Test
    void aWriteThatFailsLeavesThePreviousFileAsItWas() throws IOException {
        Path f = file("out.csv", "old content\n");
        try (TableBuilder b = TableBuilder.onHeap()) {
            Table t = b.float64("x", new double[] {1}).build();
            try (var writer = TableFiles.openWriter(f, t.schema(), dev.quiver.io.WriteOptions.defaults())) {
                writer.write(t);
                // no commit: an interrupted run
            }
        }
        assertThat(Files.readString(f)).isEqualTo("old content\n");
    }
}
