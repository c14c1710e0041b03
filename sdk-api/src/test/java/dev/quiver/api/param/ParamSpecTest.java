package dev.quiver.api.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Declarations: defaults in canonical form, parsing, range checks and their messages. */
class ParamSpecTest {
    private static final ParamSpec WINDOW = ParamSpec.ofInt("window", 14, 1, 1000, "bars in the window");
    private static final ParamSpec K = ParamSpec.ofDouble("k", 2.0, 0.0, 10.0, "band width in standard deviations");
    private static final ParamSpec ADJUST = ParamSpec.ofBoolean("adjust", true, "adjust for splits");
    private static final ParamSpec METHOD = ParamSpec.ofChoice("method", "SMA", List.of("sma", "ema"), "smoothing");

    @Test
    void factoriesDeclareTypeDefaultAndRange() {
        assertThat(WINDOW.type()).isEqualTo(ParamType.INT);
        assertThat(WINDOW.defaultValue()).isEqualTo("14");
        assertThat(WINDOW.min()).isEqualTo(1);
        assertThat(WINDOW.max()).isEqualTo(1000);
        assertThat(WINDOW.hasDefault()).isTrue();
        assertThat(K.defaultValue()).isEqualTo("2.0");
        assertThat(ADJUST.defaultValue()).isEqualTo("true");
        // the default is stored in canonical form
        assertThat(METHOD.defaultValue()).isEqualTo("sma");
        assertThat(METHOD.choices()).containsExactly("sma", "ema");
    }

    @Test
    void intsParseWithinTheirRange() {
        assertThat(WINDOW.parse(" 20 ")).isEqualTo(20);
        assertThat(WINDOW.parse("1")).isEqualTo(1);
        assertThat(WINDOW.parse("1000")).isEqualTo(1000);
    }

    @Test
    void anIntOutOfRangeNamesTheParameterTheValueAndTheRange() {
        assertThatThrownBy(() -> WINDOW.parse("0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'window': '0' is not a whole number in [1, 1000]");
        assertThatThrownBy(() -> WINDOW.parse("1001"))
                .hasMessage("parameter 'window': '1001' is not a whole number in [1, 1000]");
    }

    @Test
    void anUnparsableIntNamesTheParameterAndTheValue() {
        assertThatThrownBy(() -> WINDOW.parse("fourteen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'window': 'fourteen' is not a whole number");
        assertThatThrownBy(() -> WINDOW.parse("2.5"))
                .hasMessage("parameter 'window': '2.5' is not a whole number");
    }

    @Test
    void anUnboundedIntStillRejectsValuesThatDoNotFitAnInt() {
        ParamSpec any = new ParamSpec("n", ParamType.INT, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                List.of(), "any whole number");

        assertThat(any.parse("-2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThatThrownBy(() -> any.parse("3000000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameter 'n': '3000000000' is not a whole number in [");
    }

    @Test
    void doublesParseWithinTheirRange() {
        assertThat(K.parse("2")).isEqualTo(2.0);
        assertThat(K.parse("0.5")).isEqualTo(0.5);
        assertThat(K.parse("10")).isEqualTo(10.0);
    }

    @Test
    void aDoubleOutOfRangeOrNaNIsRejected() {
        assertThatThrownBy(() -> K.parse("10.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'k': '10.5' is not a number in [0.0, 10.0]");
        assertThatThrownBy(() -> K.parse("NaN")).hasMessageContaining("'NaN' is not a number in");
        assertThatThrownBy(() -> K.parse("wide"))
                .hasMessage("parameter 'k': 'wide' is not a number");
    }

    @Test
    void anUnboundedRangeSaysSo() {
        ParamSpec any = new ParamSpec("x", ParamType.DOUBLE, null, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, List.of(), "any");

        assertThat(any.parse("-1e300")).isEqualTo(-1e300);
        assertThatThrownBy(() -> any.parse("NaN")).hasMessage("parameter 'x': 'NaN' is not a number in (-inf, +inf)");
    }

    @Test
    void booleansAreTrueOrFalseInAnyCase() {
        assertThat(ADJUST.parse("TRUE")).isEqualTo(true);
        assertThat(ADJUST.parse("false")).isEqualTo(false);
        assertThatThrownBy(() -> ADJUST.parse("yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'adjust': 'yes' is not true or false");
    }

    @Test
    void choicesAreOneOfTheWordsInAnyCase() {
        assertThat(METHOD.parse("EMA")).isEqualTo("ema");
        assertThatThrownBy(() -> METHOD.parse("wma"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'method': 'wma' is not one of sma, ema");
    }

    @Test
    void aDefaultOutsideTheDeclarationIsRejected() {
        assertThatThrownBy(() -> ParamSpec.ofInt("window", 0, 1, 10, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'window': '0'");
        assertThatThrownBy(() -> ParamSpec.ofChoice("method", "wma", List.of("sma"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'wma' is not one of sma");
    }

    @Test
    void invalidDeclarationsAreRejected() {
        assertThatThrownBy(() -> ParamSpec.ofInt(" ", 1, 1, 10, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a parameter name must not be blank");
        assertThatThrownBy(() -> ParamSpec.ofInt("window", 5, 10, 1, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'window': min 10.0 > max 1.0");
    }

    @Test
    void aParameterWithoutDefaultMustBeGiven() {
        ParamSpec period = new ParamSpec("period", ParamType.INT, null, 1, 10, List.of(), "required");

        assertThat(period.hasDefault()).isFalse();
        assertThat(period.defaultValue()).isNull();
    }
}
