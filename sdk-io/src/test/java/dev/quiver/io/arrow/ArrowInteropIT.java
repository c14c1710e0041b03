package dev.quiver.io.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Table;
import dev.quiver.io.TableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Arrow's own JavaScript implementation (npm {@code apache-arrow}, installed by {@code bin/install-test-tools.sh})
 * reads the Arrow files and streams Quiver writes, and Quiver reads what it writes. Skipped, visibly, without node
 * or the package.
 */
class ArrowInteropIT {
    private static final Path NODE_DIR = Path.of(System.getProperty("quiver.project.dir", "."),
            "sdk-io/src/test/node");

    @TempDir
    Path dir;

    @BeforeAll
    static void nodeAndArrowAreThere() throws Exception {
        assumeTrue(Files.isDirectory(NODE_DIR.resolve("node_modules/apache-arrow")),
                "apache-arrow is not installed (bin/install-test-tools.sh)");
        Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "node is not installed");
    }

    private static String node(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "node";
        command[1] = NODE_DIR.resolve("arrow_roundtrip.mjs").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).directory(NODE_DIR.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return out;
    }

    @Test
    void arrowJsReadsEveryTypeQuiverWrites() throws Exception {
        for (String name : new String[] {"q.arrow", "q.arrows"}) {
            Path f = dir.resolve(name);
            TableFiles.write(ArrowIpcTest.everyType(), f);
            JsonNode read = JsonMapper.builder().build().readTree(node(f.toString()));
            assertThat(read.get("rows").asInt()).isEqualTo(4);
            JsonNode columns = read.get("columns");
            assertThat(columns.get(0).get("name").asString()).isEqualTo("macd(12,26,9).macd");
            assertThat(columns.get(0).get("type").asString()).isEqualTo("Float64");
            assertThat(columns.get(0).get("values").toString()).isEqualTo("[\"0.1\",null,\"-0\",\"1e-300\"]");
            assertThat(columns.get(1).get("type").asString()).isEqualTo("Float32");
            assertThat(columns.get(2).get("values").toString()).isEqualTo("[\"1\",null,\"9223372036854775807\","
                    + "\"-5\"]");
            assertThat(columns.get(4).get("type").asString()).isEqualTo("Int16");
            assertThat(columns.get(5).get("type").asString()).isEqualTo("Int8");
            assertThat(columns.get(6).get("values").toString()).isEqualTo("[\"true\",null,\"false\",\"true\"]");
            assertThat(columns.get(7).get("name").asString()).isEqualTo("name, \"quoted\" ✓");
            assertThat(columns.get(7).get("values").toString()).isEqualTo("[\"a,b\",null,\"日本\",\"a,b\"]");
            assertThat(columns.get(8).get("type").asString()).isEqualTo("Date32<DAY>");
            assertThat(columns.get(9).get("type").asString()).startsWith("Timestamp<MILLISECOND");
            assertThat(columns.get(9).get("values").get(0).asString()).isEqualTo("1577923201234");
        }
    }

    @Test
    void quiverReadsWhatArrowJsWrites() throws Exception {
        Path f = dir.resolve("js.arrow");
        node("--write", f.toString());
        try (Table t = TableFiles.read(f)) {
            assertThat(t.schema().fields()).containsExactly(Field.float64("price, \"adj\""), Field.int32("n"),
                    Field.string("sym"));
            assertThat(t.float64("price, \"adj\"").get(2)).isEqualTo(-0.25);
            assertThat(t.float64("price, \"adj\"").isMissing(1)).isTrue();
            assertThat(t.int32("n").isMissing(2)).isTrue();
            assertThat(t.string("sym").get(2)).isEqualTo("日本");
            assertThat(t.schema().field(0).logical()).isEqualTo(LogicalType.FLOAT64);
        }
    }
}
