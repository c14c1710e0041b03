package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class QuiverCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = QuiverCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheCommands() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("demo").contains("providers");
    }

    @Test
    void unknownCommandIsAUsageError() {
        String[] r = run("frobnicate");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("frobnicate");
    }

    @Test
    void providersListsEverySpiAndMarksTheChosenOne() {
        String[] r = run("providers");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("cache (choose with -Dquiver.cache.provider=NAME")
                .contains("features (choose with -Dquiver.features.provider=NAME")
                .contains("backtest").contains("store")
                .containsPattern("\\* arrow +priority +100")
                .containsPattern("\\* vector +priority +100") // the build's tests run with jdk.incubator.vector
                .containsPattern(" scalar +priority +0")
                .contains("CUDA unavailable");
    }
}
