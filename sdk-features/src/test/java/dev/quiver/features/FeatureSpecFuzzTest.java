package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quiver.api.testing.TextFuzzing;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the feature specification language: arbitrary text over its alphabet, and valid feature lists with
 * characters inserted, deleted and replaced. Every spec either compiles to a plan or is refused with an
 * {@link IllegalArgumentException} that quotes it, within a second; nothing else (another exception, a stack overflow
 * from deep nesting, a hang) is allowed. Valid generated expressions always compile.
 *
 * <p>Tries per property: {@code jqwik.tries.default} ({@code junit-platform.properties}, 1,000 in the build); a longer
 * run: {@code ./mvnw -pl sdk-features test -Dtest=FeatureSpecFuzzTest -Djqwik.tries.default=100000}.
 */
class FeatureSpecFuzzTest {
    private static final FeatureEngine ENGINE = FeatureEngine.builder().costs(KernelCosts.priorities()).build();
    private static final List<String> SEEDS = List.of("sma(20)", "ema(high, 10)", "xs_rank(roc(5))",
            "xs_zscore(rsi(14), ddof=1)", "macd(12,26,9).signal", "mom=roc(10)", "bbands(20, 2).upper",
            "xs_rank(atr(14), ties=min)", "stoch(14,3,3).d", "sma(close,20), rsi, ema(rsi(14),3)");

    @Provide
    Arbitrary<String> alphabetSoup() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_0123456789(),.= '\"-+eE\t")
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> mutatedSpecs() {
        return TextFuzzing.mutated(Arbitraries.of(SEEDS), "(),.=_ 0123456789abcxyz-'\u00e9\u0000");
    }

    @Provide
    Arbitrary<String> validExpressions() {
        Arbitrary<String> leaf = Arbitraries.of("sma(5)", "ema(10)", "rsi(14)", "roc(3)", "atr(7)", "close",
                "macd(12,26,9).signal", "bbands(20,2).lower");
        Arbitrary<String> wrapper = Arbitraries.of("sma(%s,3)", "ema(%s,4)", "xs_rank(%s)", "xs_zscore(%s)",
                "xs_demean(%s)", "zscore(%s,10)");
        return Combinators.combine(leaf, wrapper.list().ofMaxSize(4)).as((l, ws) -> {
            String e = l;
            for (String w : ws) {
                e = String.format(w, e);
            }
            return e.equals("close") ? "sma(close,2)" : e;
        });
    }

    @Property
    void arbitraryTextCompilesOrIsRefusedWithASentence(@ForAll("alphabetSoup") String text) {
        compileOrRefuse(text);
    }

    @Property
    void mutatedSpecsCompileOrAreRefusedWithASentence(@ForAll("mutatedSpecs") String text) {
        compileOrRefuse(text);
    }

    @Property
    void deepNestingIsRefusedOrCompiledWithoutOverflowingTheStack(@ForAll("depth") int depth) {
        compileOrRefuse("sma(".repeat(depth) + "close" + ",2)".repeat(depth));
        compileOrRefuse("(".repeat(depth));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(1, 5_000);
    }

    @net.jqwik.api.Example
    void nestingStopsAt64CallsWithAMessage() {
        // a top-level call with 64 levels of calls inside it
        String deep = "sma(".repeat(65) + "close" + ",2)".repeat(65);
        assertThat(ENGINE.plan(List.of(deep)).kernelCount()).isEqualTo(65);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENGINE.plan(List.of("sma(" + deep + ",2)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calls nested more than 64 deep");
    }

    @Property
    void validExpressionsAlwaysCompile(@ForAll("validExpressions") String spec) {
        FeaturePlan plan = ENGINE.plan(List.of(spec));
        assertThat(plan.specs()).containsExactly(spec);
        assertThat(plan.explain()).isNotBlank();
    }

    static void compileOrRefuse(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                ENGINE.plan(FeatureEngine.splitSpecs(text));
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("the refusal names the spec or list").containsAnyOf("feature spec '",
                        "feature list '", "no feature", "give at least one", "same output column",
                        "is requested twice");
                assertThat(e.getMessage()).doesNotContain("\tat ");
            }
        }, () -> "compiling " + text.length() + " characters hung: " + text);
    }
}
