package dev.quiver.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.api.table.Timestamps;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the small texts users configure Quiver with: store locations ({@code duckdb:FILE},
 * {@code heavydb://user@host:6274/db}), parameter values of every type, and timestamps. Each either parses or is
 * refused with the exception its method documents, naming what was given, within a second; nothing else.
 *
 * <p>Tries per property: {@code jqwik.tries.default} ({@code junit-platform.properties}, 1,000 in the build).
 */
class SettingsTextFuzzTest {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.ofInt("period", 14, 1, 10_000, "a window"),
            ParamSpec.ofDouble("k", 2.0, 0, 10, "a width"),
            ParamSpec.ofBoolean("allow_short", false, "shorts"),
            ParamSpec.ofChoice("ties", "average", List.of("average", "min", "max", "dense", "ordinal"), "ties"));

    @Provide
    Arbitrary<String> locations() {
        Arbitrary<String> prefix = Arbitraries.of("duckdb:", "duckdb::memory:", "heavydb://", "heavydb://admin@",
                "heavydb://u:p@", "", ":", "file:/");
        Arbitrary<String> rest = Arbitraries.strings().withChars("abc/:@.%?#[]0123456789 -_\\\u00e9").ofMaxLength(40);
        return net.jqwik.api.Combinators.combine(prefix, rest).as(String::concat);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789-+.eEinfatyNIrsuldxmv ").ofMaxLength(30),
                Arbitraries.of("1e400", "-0", "NaN", "Infinity", "9223372036854775808", "2147483648", " 14 ", ""));
    }

    @Provide
    Arbitrary<String> timestamps() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789-:TZ. +").ofMaxLength(30),
                Arbitraries.of("2024-02-30", "+999999999-12-31", "2024-01-02T25:00", "2024-01-02 10:00:00Z", ""));
    }

    @Property
    void storeLocationsParseOrAreRefusedWithoutTheirPassword(@ForAll("locations") String location) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                StoreSettings s = StoreSettings.of(location);
                assertThat(s.location()).isEqualTo(location);
            } catch (StoreException e) {
                assertThat(e.getMessage()).contains("store location");
                if (location.startsWith("heavydb://u:p@")) {
                    assertThat(e.getMessage()).doesNotContain("u:p@");
                }
            }
        });
    }

    @Property
    void parameterValuesParseOrAreRefusedNamingTheParameter(@ForAll("values") String value) {
        for (ParamSpec p : PARAMS) {
            try {
                Object v = p.parse(value);
                assertThat(v).isNotNull();
                assertThat(p.parse(String.valueOf(v))).isEqualTo(v); // what parses prints back to itself
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).contains(p.name());
            }
        }
    }

    @Property
    void timestampsParseOrAreRefusedAsDateTimeParseErrors(@ForAll("timestamps") String text) {
        try {
            long millis = Timestamps.parse(text);
            assertThat(Timestamps.format(millis)).isNotBlank();
        } catch (DateTimeParseException e) {
            assertThat(e.getParsedString()).isNotNull();
        }
    }
}
