package dev.quiver.api.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding values to declarations: by position, by name, defaults, errors, canonical text. */
class ParamsTest {
    private static final List<ParamSpec> MACD = List.of(
            ParamSpec.ofInt("fast", 12, 1, 1000, "fast EMA"),
            ParamSpec.ofInt("slow", 26, 1, 1000, "slow EMA"),
            ParamSpec.ofInt("signal", 9, 1, 1000, "signal EMA"));

    private static final List<ParamSpec> BANDS = List.of(
            ParamSpec.ofInt("window", 20, 1, 1000, "window"),
            ParamSpec.ofDouble("k", 2.0, 0.0, 10.0, "width"),
            ParamSpec.ofBoolean("adjust", false, "adjust"),
            ParamSpec.ofChoice("method", "sma", List.of("sma", "ema"), "smoothing"));

    @Test
    void positionalValuesBindInDeclarationOrder() {
        Params p = Params.bind(MACD, List.of("5", "35", "5"), Map.of());

        assertThat(p.canonical()).isEqualTo("5,35,5");
        assertThat(p.getInt("slow")).isEqualTo(35);
    }

    @Test
    void namedValuesBindInAnyOrder() {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("signal", "7");
        named.put("fast", "3");

        Params p = Params.bind(MACD, named);

        assertThat(p.canonical()).isEqualTo("3,26,7");
        assertThat(p.asMap().keySet()).containsExactly("fast", "slow", "signal");
    }

    @Test
    void missingValuesTakeTheirDefaults() {
        assertThat(Params.bind(MACD, Map.of()).canonical()).isEqualTo("12,26,9");
        assertThat(Params.bind(MACD, List.of("10"), Map.of("signal", "5")).canonical()).isEqualTo("10,26,5");
    }

    @Test
    void positionalAndNamedBindingsOfTheSameValuesAreEqual() {
        Params byPosition = Params.bind(MACD, List.of("12", "26", "9"), Map.of());
        Params byName = Params.bind(MACD, Map.of("slow", "26"));

        assertThat(byPosition).isEqualTo(byName).hasSameHashCodeAs(byName);
        assertThat(byPosition).isNotEqualTo(Params.bind(MACD, Map.of("slow", "27")));
    }

    @Test
    void canonicalTextPrintsWholeDoublesWithoutAFraction() {
        assertThat(Params.bind(BANDS, Map.of()).canonical()).isEqualTo("20,2,false,sma");
        assertThat(Params.bind(BANDS, List.of("10", "2.5", "TRUE", "EMA"), Map.of()).canonical())
                .isEqualTo("10,2.5,true,ema");
        assertThat(Params.bind(BANDS, Map.of("k", "0")).canonical()).isEqualTo("20,0,false,sma");
    }

    @Test
    void typedGettersReturnTheBoundValues() {
        Params p = Params.bind(BANDS, List.of("10", "1.5", "true", "ema"), Map.of());

        assertThat(p.getInt("window")).isEqualTo(10);
        assertThat(p.getDouble("k")).isEqualTo(1.5);
        assertThat(p.getDouble("window")).isEqualTo(10.0);
        assertThat(p.getBoolean("adjust")).isTrue();
        assertThat(p.getChoice("method")).isEqualTo("ema");
        assertThat(p.specs()).isEqualTo(BANDS);
        assertThat(p).hasToString("{window=10, k=1.5, adjust=true, method=ema}");
    }

    @Test
    void aGetterOfTheWrongTypeOrAnUnknownNameIsAnError() {
        Params p = Params.bind(BANDS, Map.of());

        assertThatThrownBy(() -> p.getInt("k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'k' is not of type Integer");
        assertThatThrownBy(() -> p.getDouble("method")).hasMessage("parameter 'method' is not numeric");
        assertThatThrownBy(() -> p.getBoolean("nope"))
                .hasMessage("no parameter 'nope'; the parameters are [window, k, adjust, method]");
    }

    @Test
    void anOutOfRangeValueNamesTheParameterAndTheValue() {
        assertThatThrownBy(() -> Params.bind(MACD, List.of("12", "0"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'slow': '0' is not a whole number in [1, 1000]");
    }

    @Test
    void anUnparsableValueNamesTheParameterAndTheValue() {
        assertThatThrownBy(() -> Params.bind(BANDS, Map.of("k", "two")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'k': 'two' is not a number");
    }

    @Test
    void anUnknownParameterListsTheKnownOnes() {
        assertThatThrownBy(() -> Params.bind(MACD, Map.of("fsat", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'fsat'; the parameters are fast, slow, signal");
        assertThatThrownBy(() -> Params.bind(List.of(), Map.of("x", "1")))
                .hasMessage("unknown parameter 'x'; the parameters are none");
    }

    @Test
    void aParameterGivenTwiceIsAnError() {
        assertThatThrownBy(() -> Params.bind(MACD, List.of("5"), Map.of("fast", "6")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'fast' is given twice");
    }

    @Test
    void tooManyPositionalValuesIsAnError() {
        assertThatThrownBy(() -> Params.bind(MACD, List.of("1", "2", "3", "4"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("too many parameters: 4 given, at most 3 expected");
    }

    @Test
    void aRequiredParameterWithoutValueIsAnError() {
        List<ParamSpec> specs = List.of(new ParamSpec("period", ParamType.INT, null, 1, 100, List.of(), "period"));

        assertThatThrownBy(() -> Params.bind(specs, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'period' is required");
        assertThat(Params.bind(specs, List.of("7"), Map.of()).getInt("period")).isEqualTo(7);
    }

    @Test
    void noneHasNoValues() {
        assertThat(Params.none().canonical()).isEmpty();
        assertThat(Params.none().asMap()).isEmpty();
        assertThat(Params.bind(List.of(), Map.of())).isEqualTo(Params.none());
    }

    @Test
    void theValuesCannotBeChanged() {
        Params p = Params.bind(MACD, Map.of());

        assertThatThrownBy(() -> p.asMap().put("fast", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
