package dev.quiver.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cache key names, identifiers and equality. */
class CacheKeyTest {
    private static final Fingerprint FP = Fingerprint.builder().spec("sma(20)").build();

    @ParameterizedTest
    @ValueSource(strings = {"prices/aapl", "features/sp500", "a", "v1.2_x-y", "A/B/C"})
    void namesOfLettersDigitsAndDotUnderscoreDashSlashAreValid(String name) {
        assertThat(CacheKey.of(name, FP).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "../etc/passwd", "prices/../x", "a\\b", "prix/é", "a:b", "a~b"})
    void otherNamesAreRejected(String name) {
        assertThatThrownBy(() -> CacheKey.of(name, FP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cache key name is 1 to 120 of [A-Za-z0-9._/-] without '..', not '" + name + "'");
    }

    @Test
    void namesAreAtMost120Characters() {
        assertThat(CacheKey.of("x".repeat(120), FP).name()).hasSize(120);
        assertThatThrownBy(() -> CacheKey.of("x".repeat(121), FP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> CacheKey.of(null, FP)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CacheKey.of("a", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theIdIsAFileNameOfTheNameAndSixteenHexDigits() {
        CacheKey key = CacheKey.of("prices/aapl", FP);

        assertThat(key.id()).isEqualTo("prices~aapl-" + FP.hex().substring(0, 16));
        assertThat(key.id()).doesNotContain("/");
        assertThat(key).hasToString("prices/aapl@" + FP.hex().substring(0, 12));
    }

    @Test
    void keysAreEqualWhenNameAndFingerprintAre() {
        Fingerprint other = Fingerprint.builder().spec("sma(21)").build();

        assertThat(CacheKey.of("p", FP)).isEqualTo(CacheKey.of("p", FP)).hasSameHashCodeAs(CacheKey.of("p", FP));
        assertThat(CacheKey.of("p", FP)).isNotEqualTo(CacheKey.of("p", other));
        assertThat(CacheKey.of("p", FP)).isNotEqualTo(CacheKey.of("q", FP));
        assertThat(CacheKey.of("p", FP).id()).isNotEqualTo(CacheKey.of("p", other).id());
    }
}
