package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureSpecTest {

    @Test
    void parsesNamePositionalAndNamedArguments() {
        FeatureSpec s = FeatureSpec.parse("  EMA ( High , 10, n = 3 , 1e-4 ) ");
        assertThat(s.operator()).isEqualTo("ema");
        assertThat(s.args()).containsExactly(
                new FeatureSpec.Arg(null, "High", true, 8),
                new FeatureSpec.Arg(null, "10", false, 15),
                new FeatureSpec.Arg("n", "3", false, 19),
                new FeatureSpec.Arg(null, "1e-4", false, 27));
    }

    @Test
    void aBareNameAndEmptyParenthesesHaveNoArguments() {
        assertThat(FeatureSpec.parse("rsi").args()).isEmpty();
        assertThat(FeatureSpec.parse("rsi()").args()).isEmpty();
        assertThat(FeatureSpec.parse("sma(adj_close.x,-2.5)").args()).extracting(FeatureSpec.Arg::value)
                .containsExactly("adj_close.x", "-2.5");
    }

    @ParameterizedTest(name = "''{0}'' fails at {1}")
    @CsvSource(delimiter = '|', value = {
        "''            | 0  | expected an operator name",
        "20(sma)       | 0  | expected an operator name",
        "sma(20        | 6  | expected ',' or ')'",
        "sma(20,)      | 7  | expected a value (a number or a name)",
        "sma(,20)      | 4  | expected a value (a number or a name)",
        "'sma(20, '    | 8  | expected a value",
        "sma(20)x      | 7  | expected the end",
        "sma 20        | 4  | expected '(' or the end",
        "sma(#)        | 4  | expected a value (a number or a name)",
        "sma(n=)       | 6  | expected a value (a number or a name)",
    })
    void syntaxErrorsGiveTheIndex(String spec, int index, String what) {
        assertThatThrownBy(() -> FeatureSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feature spec '" + spec + "': " + what + " at index " + index + ", found ");
    }
}
