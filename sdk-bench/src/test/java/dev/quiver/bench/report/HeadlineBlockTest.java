package dev.quiver.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's headline block: created once before "Documentation", rewritten in place, the rest left alone. */
class HeadlineBlockTest {
    private static final MachineInfo MACHINE = new MachineInfo("Test CPU", 2, 256, "25.0.3", "Linux");
    private static List<GoalVerdict> goals;

    @TempDir
    Path dir;

    @BeforeAll
    static void judge() throws Exception {
        goals = GoalVerdict.evaluate(GoalTable.GOALS, JmhResultReader.read(GoalVerdictTest.fixture()));
    }

    @Test
    void theBlockIsCreatedBeforeDocumentationThenRewrittenInPlace() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Quiver\n\nIntro.\n\n## Documentation\n\n- docs\n");
        Path report = dir.resolve("docs/benchmarks/2026-12-03/report.md");

        HeadlineBlock.rewrite(readme, goals, MACHINE, report);
        String first = Files.readString(readme);
        assertThat(first).startsWith("# Quiver\n\nIntro.\n\n## Performance\n\n" + HeadlineBlock.BEGIN + "\n")
                .endsWith(HeadlineBlock.END + "\n\n## Documentation\n\n- docs\n")
                .contains("Test CPU (2 cores), JDK 25.0.3")
                .contains("[docs/benchmarks/2026-12-03/report.md](docs/benchmarks/2026-12-03/report.md)")
                .contains("| indicator vs TA-Lib (spec=sma) | Quiver vector 857 M values/s vs TA-Lib 403 M values/s"
                        + " | ≥ 2.00x TA-Lib | 2.13x | met |")
                .contains("| feature plan, 2 threads vs 1 | featureSet, 2 threads 3.63 M rows/s vs 1 thread"
                        + " 2.02 M rows/s | ≥ 1.70x 1 thread | 1.80x | met |")
                .contains("| backtest (vectorised) | vectorised 25.0 M bar-steps/s | ≥ 50.0 M bar-steps/s | 0.500x"
                        + " | **not met** |")
                .contains("| cross-sectional rank + z-score | plan, 2 threads 50.0 ms | ≤ 60.0 ms | 1.20x | met |")
                // only the headline goals
                .doesNotContain("spec=hma").doesNotContain("parameter sweep");

        // a second run replaces the block and nothing else
        List<GoalVerdict> none = GoalVerdict.evaluate(GoalTable.GOALS, List.of());
        HeadlineBlock.rewrite(readme, none, MACHINE, report);
        String second = Files.readString(readme);
        assertThat(second).startsWith("# Quiver\n\nIntro.\n\n## Performance\n\n" + HeadlineBlock.BEGIN)
                .endsWith(HeadlineBlock.END + "\n\n## Documentation\n\n- docs\n")
                .contains("| backtest | not in this run |  |  | not measured |")
                .doesNotContain("spec=sma");
        assertThat(second.split(HeadlineBlock.BEGIN, -1)).hasSize(2);
    }

    @Test
    void aLoneMarkerIsAnErrorNamingTheFile() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Q\n" + HeadlineBlock.BEGIN + "\nold\n");
        assertThatThrownBy(() -> HeadlineBlock.rewrite(readme, goals, MACHINE, dir.resolve("r.md")))
                .isInstanceOf(IOException.class).hasMessageStartingWith(readme + ": has " + HeadlineBlock.BEGIN
                        + " without " + HeadlineBlock.END);
        assertThat(Files.readString(readme)).isEqualTo("# Q\n" + HeadlineBlock.BEGIN + "\nold\n");
    }

    @Test
    void theMachineIsReadFromTheProcessorListAndRoundTrips() throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
                + "processor\t: 1\nmodel name\t: AMD EPYC 7B13\n");
        assertThat(MachineInfo.cpuModel(cpuinfo)).isEqualTo("AMD EPYC 7B13");
        assertThat(MachineInfo.cpuModel(dir.resolve("missing"))).isEqualTo("unknown");

        Path file = dir.resolve(MachineInfo.FILE_NAME);
        MACHINE.write(file);
        assertThat(MachineInfo.read(file)).isEqualTo(MACHINE);
        assertThat(MACHINE.vectorText()).isEqualTo("256 bits (4 doubles, DoubleVector.SPECIES_PREFERRED)");
        // the test JVM runs with the incubator module (the build's JVM flags)
        assertThat(MachineInfo.current().vectorBits()).isPositive();

        Files.writeString(file, "cpu=x\ncores=2\n");
        assertThatThrownBy(() -> MachineInfo.read(file)).hasMessage(file + ": missing \"vectorBits\"");
    }
}
