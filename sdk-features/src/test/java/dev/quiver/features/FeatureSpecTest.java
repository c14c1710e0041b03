package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.features.FeatureSpec.Arg;
import dev.quiver.features.FeatureSpec.Call;
import dev.quiver.features.FeatureSpec.Number;
import dev.quiver.features.FeatureSpec.Word;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureSpecTest {

    @Test
    void parsesNamePositionalAndNamedArguments() {
        FeatureSpec s = FeatureSpec.parse("  EMA ( High , 10, n = 3 , 1e-4 ) ");
        assertThat(s.label()).isNull();
        assertThat(s.call().operator()).isEqualTo("ema");
        assertThat(s.call().index()).isEqualTo(2);
        assertThat(s.call().args()).containsExactly(
                new Arg(null, new Word("High", 8), 8),
                new Arg(null, new Number("10", 15), 15),
                new Arg("n", new Number("3", 23), 19),
                new Arg(null, new Number("1e-4", 27), 27));
    }

    @Test
    void aBareNameAndEmptyParenthesesHaveNoArguments() {
        assertThat(FeatureSpec.parse("rsi").call().args()).isEmpty();
        assertThat(FeatureSpec.parse("rsi()").call().args()).isEmpty();
        assertThat(FeatureSpec.parse("sma(adj_close.x,-2.5)").call().args()).extracting(Arg::text)
                .containsExactly("adj_close.x", "-2.5");
    }

    @Test
    void nestsCallsSelectsPartsAndLabels() {
        FeatureSpec s = FeatureSpec.parse(" z = xs_zscore( rsi (14) , ddof=1)");
        assertThat(s.label()).isEqualTo("z");
        assertThat(s.call().operator()).isEqualTo("xs_zscore");
        Arg inner = s.call().args().get(0);
        assertThat(inner.value()).isEqualTo(new Call("rsi", List.of(new Arg(null, new Number("14", 21), 21)), null,
                16, -1));
        assertThat(s.call().args().get(1)).isEqualTo(new Arg("ddof", new Number("1", 32), 27));

        FeatureSpec part = FeatureSpec.parse("xs_rank(MACD(12,26,9).Hist)");
        Call macd = (Call) part.call().args().get(0).value();
        assertThat(macd.operator()).isEqualTo("macd");
        assertThat(macd.part()).isEqualTo("hist");
        assertThat(macd.partIndex()).isEqualTo(22);
        assertThat(part.call().simple()).isFalse();

        FeatureSpec top = FeatureSpec.parse("bbands(20,2).upper");
        assertThat(top.call().part()).isEqualTo("upper");
        assertThat(FeatureSpec.parse("bbands.upper").call().part()).isEqualTo("upper");
        assertThat(FeatureSpec.parse("sma(x=ema(5))").call().args().get(0).value()).isInstanceOf(Call.class);
    }

    @ParameterizedTest(name = "''{0}'' fails at {1}")
    @CsvSource(delimiter = '|', value = {
        "''                  | 0  | expected an operator name",
        "20(sma)             | 0  | expected an operator name",
        "sma(20              | 6  | expected ',' or ')'",
        "sma(20,)            | 7  | expected a value (a number, a name or an operator call)",
        "sma(,20)            | 4  | expected a value (a number, a name or an operator call)",
        "'sma(20, '          | 8  | expected a value",
        "sma(20)x            | 7  | expected the end",
        "sma 20              | 4  | expected '(' or the end",
        "sma(#)              | 4  | expected a value (a number, a name or an operator call)",
        "sma(n=)             | 6  | expected a value (a number, a name or an operator call)",
        "xs_rank(sma(20)     | 15 | expected ',' or ')'",
        "xs_rank(sma(20) x)  | 16 | expected ',' or ')'",
        "macd(12,26,9).      | 14 | expected the name of an output part after '.'",
        "a=                  | 2  | expected an operator name",
        "=sma(20)            | 0  | expected an operator name",
    })
    void syntaxErrorsGiveTheIndexAndACaret(String spec, int index, String what) {
        String nl = System.lineSeparator();
        assertThatThrownBy(() -> FeatureSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feature spec '" + spec + "': " + what + " at index " + index + ", found ")
                .hasMessageEndingWith(nl + "  " + spec + nl + "  " + " ".repeat(index) + "^");
    }

    @Test
    void listsSplitAtTopLevelCommasOnly() {
        assertThat(FeatureSpec.splitList("sma(20), macd(12,26,9).signal ,xs_zscore(rsi(14), ddof=1),,"))
                .containsExactly("sma(20)", "macd(12,26,9).signal", "xs_zscore(rsi(14), ddof=1)");
        assertThat(FeatureSpec.splitList(" ")).isEmpty();
        assertThatThrownBy(() -> FeatureSpec.splitList("sma(20)),rsi"))
                .hasMessageStartingWith("feature list 'sma(20)),rsi': unbalanced ')' at index 7");
        assertThatThrownBy(() -> FeatureSpec.splitList("sma(20,rsi"))
                .hasMessageStartingWith("feature list 'sma(20,rsi': 1 unclosed '(' at the end");
    }
}
