package dev.quiver.backtest.strategy;

import java.util.Arrays;

/**
 * Grows per-symbol state arrays as symbols appear (a live session meets them one by one).
 *
 * <p>Thread-safety: stateless.
 */
final class PerSymbol {
    private PerSymbol() {
    }

    /** A capacity that holds index {@code s}. */
    static int capacityFor(int s, int current) {
        return Math.max(s + 1, Math.max(4, current * 2));
    }

    static <T> T[] grow(T[] a, int s) {
        return s < a.length ? a : Arrays.copyOf(a, capacityFor(s, a.length));
    }

    static int[] grow(int[] a, int s) {
        return s < a.length ? a : Arrays.copyOf(a, capacityFor(s, a.length));
    }

    static long[] grow(long[] a, int s) {
        return s < a.length ? a : Arrays.copyOf(a, capacityFor(s, a.length));
    }
}
