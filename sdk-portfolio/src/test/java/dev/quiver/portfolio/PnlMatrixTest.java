package dev.quiver.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.io.DataFileException;
import dev.quiver.io.TableFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wide P&amp;L files in every format, names that need quoting, and bad input named by line, column and value. */
class PnlMatrixTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsAWideCsvWithQuotedNamesStrategyMajor() throws Exception {
        Path f = csv("pnl.csv", """
                Date,"SENSEX 1426-1456 SL73%TP32%","NIFTY 0915-0945 SL10%TP20%, v2",plain
                2024-01-02,100.5,-20,0
                2024-01-03,-50.25,30,0
                2024-01-04,0,10.125,1
                """);
        PnlMatrix m = PnlMatrix.read(f);
        assertThat(m.names()).containsExactly("SENSEX 1426-1456 SL73%TP32%", "NIFTY 0915-0945 SL10%TP20%, v2",
                "plain");
        assertThat(m.days()).isEqualTo(3);
        assertThat(m.row(0)).containsExactly(100.5, -50.25, 0);
        assertThat(m.row(1)).containsExactly(-20, 30, 10.125);
        assertThat(m.get(2, 2)).isEqualTo(1);
        assertThat(m.date(0)).isEqualTo(LocalDate.of(2024, 1, 2).toEpochDay());
        assertThat(m.values()).hasSize(9);
    }

    @Test
    void roundTripsThroughEveryFormatBitForBit() {
        PnlMatrix m = PnlGenerator.generate(40, 30, 7, LocalDate.of(2024, 1, 1));
        for (String ext : List.of("csv", "parquet", "arrow", "arrows")) {
            Path f = dir.resolve("m." + ext);
            try (var t = m.toWide()) {
                TableFiles.write(t, f);
            }
            PnlMatrix back = PnlMatrix.read(f);
            assertThat(back.names()).as(ext).isEqualTo(m.names());
            assertThat(back.dates()).as(ext).isEqualTo(m.dates());
            assertThat(back.values()).as(ext).isEqualTo(m.values());
        }
    }

    @Test
    void aNonNumericCellIsNamedByLineColumnAndValue() throws Exception {
        Path f = csv("bad.csv", "Date,a,b\n2024-01-02,1,2\n2024-01-03,3,oops\n");
        assertThatThrownBy(() -> PnlMatrix.read(f)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("line 3").hasMessageContaining("'b'")
                .hasMessageContaining("oops");
    }

    @Test
    void aMissingCellIsAnErrorNotAZero() throws Exception {
        Path f = csv("gap.csv", "Date,a,b\n2024-01-02,1,2\n2024-01-03,,4\n");
        assertThatThrownBy(() -> PnlMatrix.read(f)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("line 3").hasMessageContaining("'a'").hasMessageContaining("finite number");
    }

    @Test
    void raggedRowsDuplicateNamesAndUnorderedDatesAreErrors() throws Exception {
        Path ragged = csv("ragged.csv", "Date,a,b\n2024-01-02,1,2\n2024-01-03,3\n");
        assertThatThrownBy(() -> PnlMatrix.read(ragged)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("ragged.csv").hasMessageContaining("line 3");
        Path dup = csv("dup.csv", "Date,a,a\n2024-01-02,1,2\n");
        assertThatThrownBy(() -> PnlMatrix.read(dup)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("'a'");
        Path order = csv("order.csv", "Date,a\n2024-01-03,1\n2024-01-02,2\n");
        assertThatThrownBy(() -> PnlMatrix.read(order)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("line 3").hasMessageContaining("earlier");
        Path noDays = csv("empty.csv", "Date,a\n");
        assertThatThrownBy(() -> PnlMatrix.read(noDays)).isInstanceOf(DataFileException.class);
    }

    @Test
    void selectAndNegateKeepNamesAndCopy() {
        PnlMatrix m = PnlMatrix.of(List.of("x", "y", "z"), new long[] {1, 2}, new double[] {1, 2, 3, 4, 5, 6});
        PnlMatrix s = m.select(new int[] {2, 0});
        assertThat(s.names()).containsExactly("z", "x");
        assertThat(s.values()).containsExactly(5, 6, 1, 2);
        PnlMatrix n = m.negate(new boolean[] {false, true, false});
        assertThat(n.row(1)).containsExactly(-3, -4);
        assertThat(m.row(1)).containsExactly(3, 4);
        assertThatThrownBy(() -> PnlMatrix.of(List.of("x", "x"), new long[] {1}, new double[] {1, 2}))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> PnlMatrix.of(List.of("x"), new long[] {1}, new double[] {Double.NaN}))
                .hasMessageContaining("not a finite");
    }
}
