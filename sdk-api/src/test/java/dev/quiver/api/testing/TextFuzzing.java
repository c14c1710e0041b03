package dev.quiver.api.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What the text fuzzers share (the feature spec, strategy spec and sweep grid fuzz tests): valid texts with one
 * character inserted, deleted or replaced. Published in sdk-api's test jar.
 *
 * <p>Thread-safety: stateless.
 */
public final class TextFuzzing {
    private TextFuzzing() {
    }

    /**
     * Each seed with one character of {@code characters} inserted at, or put in place of, a random position, or the
     * character at a random position deleted.
     */
    public static Arbitrary<String> mutated(Arbitrary<String> seeds, String characters) {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Character> with = Arbitraries.chars().with(characters);
        return Combinators.combine(seeds, kind, where, with).as((s, k, w, c) -> {
            int at = (int) (w * s.length());
            return switch (k) {
                case 0 -> s.substring(0, at) + c + s.substring(at);
                case 1 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
                default -> at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c;
            };
        });
    }
}
