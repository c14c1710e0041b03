package dev.quiver.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import dev.quiver.io.CsvFormat;
import dev.quiver.io.TableFiles;
import dev.quiver.io.WriteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * pandas reads what Quiver writes: the column names (commas, quotes, Unicode), the values bit for bit, missing
 * values as NaN. Runs {@code python3} with pandas (Debian's {@code python3-pandas}, which {@code .ci/run} installs);
 * skipped, visibly, where there is none.
 */
class PandasInteropIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @BeforeAll
    static void pandasIsThere() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pandas").redirectErrorStream(true).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                "pandas is not installed (apt-get install python3-pandas)");
    }

    private static JsonNode readWithPandas(Path csv) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("quiver.project.dir", "."), "sdk-io/src/test/python/read_with_pandas.py");
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), csv.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return JsonMapper.builder().build().readTree(out);
    }

    @Test
    void pandasReadsQuiversCsvWithItsNamesAndValues() throws Exception {
        double[] x = {0.1, -0.0, 1e-300, Double.MAX_VALUE, Double.NaN, 1 / 3.0};
        long day = Timestamps.ofDate(LocalDate.of(2020, 1, 2));
        for (CsvFormat format : List.of(CsvFormat.DEFAULT, CsvFormat.EXCEL)) {
            Path f = dir.resolve("quiver-" + format.lineSeparator().length() + ".csv");
            try (TableBuilder b = TableBuilder.onHeap()) {
                b.int64("Date", new long[] {day, day + 1, day + 2, day + 3, day + 4, day + 5});
                Table t = b.float64("macd(12,26,9).macd", x)
                        .string("name, \"quoted\" ✓", new String[] {"a,b", "x\ny", "plain", null, "日本", "z"})
                        .build();
                TableFiles.write(Table.of(t.column(0).withLogicalType(LogicalType.DATE), t.column(1), t.column(2)),
                        f, WriteOptions.builder().csv(format).build());
            }
            JsonNode columns = readWithPandas(f).get("columns");
            assertThat(columns.size()).isEqualTo(3);
            assertThat(columns.get(0).get("name").asString()).isEqualTo("Date");
            assertThat(columns.get(1).get("name").asString()).isEqualTo("macd(12,26,9).macd");
            assertThat(columns.get(1).get("dtype").asString()).isEqualTo("float64");
            assertThat(columns.get(2).get("name").asString()).isEqualTo("name, \"quoted\" ✓");
            JsonNode values = columns.get(1).get("values");
            for (int r = 0; r < x.length; r++) {
                if (Double.isNaN(x[r])) {
                    assertThat(values.get(r).isNull()).isTrue();
                } else {
                    assertThat(Double.doubleToRawLongBits(Double.parseDouble(values.get(r).asString())))
                            .as("row " + r).isEqualTo(Double.doubleToRawLongBits(x[r]));
                }
            }
            JsonNode names = columns.get(2).get("values");
            assertThat(names.get(0).asString()).isEqualTo("a,b");
            assertThat(names.get(1).asString()).isEqualTo("x\ny");
            assertThat(names.get(3).isNull()).isTrue();
            assertThat(names.get(4).asString()).isEqualTo("日本");
            assertThat(columns.get(0).get("values").get(0).asString()).isEqualTo("2020-01-02");
        }
    }
}
