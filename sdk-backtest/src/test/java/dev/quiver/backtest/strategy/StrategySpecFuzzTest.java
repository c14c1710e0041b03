package dev.quiver.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.testing.TextFuzzing;
import dev.quiver.backtest.sweep.ParamGrid;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the two texts a backtest is configured by: strategy specs ({@code sma_cross(10,50,allow_short=true)}) and
 * sweep grids ({@code fast=5:50:5;slow=20,50}). Arbitrary text over their alphabets and valid specs with characters
 * inserted, deleted and replaced either parse or are refused with an {@link IllegalArgumentException} that quotes
 * the text, within two seconds; nothing else (another exception, a hang, an out-of-memory from a huge range or
 * exponent) is allowed.
 *
 * <p>Tries per property: {@code jqwik.tries.default} ({@code junit-platform.properties}, 1,000 in the build); a longer
 * run: {@code ./mvnw -pl sdk-backtest test -Dtest=StrategySpecFuzzTest -Djqwik.tries.default=100000}.
 */
class StrategySpecFuzzTest {
    private static final List<String> SPEC_SEEDS = seeds();
    private static final List<String> GRID_SEEDS = List.of("fast=5:50:5", "slow=20,50,100", "fast=5:15:5;slow=20,50",
            "low=0.1:0.5:0.1", "k=1e2:2e2:50", "allow_short=true,false", "a=1,2;b=3");

    /** Every built-in strategy with its defaults written out, positionally and by name. */
    private static List<String> seeds() {
        List<String> out = new java.util.ArrayList<>();
        for (String name : Strategies.names()) {
            List<String> positional = new java.util.ArrayList<>();
            List<String> named = new java.util.ArrayList<>();
            for (var p : Strategies.params(name)) {
                if (p.hasDefault()) {
                    positional.add(String.valueOf(p.defaultValue()));
                    named.add(p.name() + "=" + p.defaultValue());
                }
            }
            out.add(name + "(" + String.join(",", positional) + ")");
            out.add(name + "(" + String.join(", ", named) + ")");
            out.add(name);
        }
        return List.copyOf(out);
    }

    @Provide
    Arbitrary<String> specSoup() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_0123456789(),.= -+eE\t").ofMaxLength(50);
    }

    @Provide
    Arbitrary<String> mutatedSpecs() {
        return TextFuzzing.mutated(Arbitraries.of(SPEC_SEEDS), "(),.=_ 0123456789-eE'\u00e9\u0000");
    }

    @Provide
    Arbitrary<String> gridSoup() {
        return Arbitraries.strings().withChars("abcfst_=0123456789:,;.-+eE ").ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> mutatedGrids() {
        return TextFuzzing.mutated(Arbitraries.of(GRID_SEEDS), ":,;=.-+eE09 \u0000");
    }


    @Property
    void arbitrarySpecTextParsesOrIsRefusedWithASentence(@ForAll("specSoup") String text) {
        parseOrRefuse(text);
    }

    @Property
    void mutatedSpecsParseOrAreRefusedWithASentence(@ForAll("mutatedSpecs") String text) {
        parseOrRefuse(text);
    }

    @Property
    void arbitraryGridTextParsesOrIsRefusedWithASentence(@ForAll("gridSoup") String text) {
        gridOrRefuse(text);
    }

    @Property
    void mutatedGridsParseOrAreRefusedWithASentence(@ForAll("mutatedGrids") String text) {
        gridOrRefuse(text);
    }

    @Example
    void everySeedParses() {
        for (String s : SPEC_SEEDS) {
            assertThat(Strategies.parse(s).label()).as(s).isNotBlank();
        }
        for (String g : GRID_SEEDS) {
            assertThat(ParamGrid.parse(List.of(g)).size()).as(g).isPositive();
        }
    }

    /** Found by this fuzzer: ranges whose numbers are small text but enormous values or scales. */
    @Example
    void rangesWithHugeExponentsAreRefusedNotExpanded() {
        for (String g : List.of("x=1e999999999:1e999999999:1", "x=0:1:1e-99999999", "x=1:2:1e-9", "x=0:1e9:1",
                "x=1e-999999999:1:1")) {
            gridOrRefuse(g);
        }
    }

    static void parseOrRefuse(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                StrategyRun run = Strategies.parse(text);
                assertThat(run.label()).isNotBlank();
            } catch (IllegalArgumentException e) {
                // syntax errors quote the text; a strategy's own range checks quote the parsed run's label
                assertThat(e.getMessage()).as("the refusal quotes the spec")
                        .matches("(?s)(strategy spec '.*)|([a-z_0-9]+\\(.*\\): .*)");
                assertThat(e.getMessage()).doesNotContain("\tat ");
            }
        }, () -> "parsing " + text.length() + " characters hung: " + text);
    }

    static void gridOrRefuse(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                ParamGrid grid = ParamGrid.parse(List.of(text));
                assertThat(grid.size()).isPositive();
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("the refusal names the grid").contains("parameter grid");
                assertThat(e.getMessage()).doesNotContain("\tat ");
            }
        }, () -> "parsing the grid " + text + " hung");
    }
}
