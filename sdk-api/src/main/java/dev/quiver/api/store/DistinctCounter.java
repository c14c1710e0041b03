package dev.quiver.api.store;

/**
 * Counts distinct 64-bit hashes in bounded memory: exactly up to {@link #EXACT_LIMIT} values (an open-addressing set
 * of at most 2<sup>17</sup> longs, 1 MiB), then by a HyperLogLog estimate of 2<sup>14</sup> one-byte registers
 * (16 KiB, standard error about 0.81%), which is fed from the first value on so it can take over at any point.
 *
 * <p>Thread-safety: not thread-safe; one profiler feeds it.
 */
final class DistinctCounter {
    /** Distinct values counted exactly; above DICT(16)'s 65,535 codes so the dictionary widths are decided exactly. */
    static final int EXACT_LIMIT = 70_000;
    private static final int P = 14;
    private static final int M = 1 << P;

    private final byte[] registers = new byte[M];
    private long[] set = new long[1024];
    private int size;

    void add(long hash) {
        long h = hash == 0 ? 1 : hash;
        int index = (int) (h >>> (64 - P));
        int rank = Long.numberOfLeadingZeros((h << P) | (1L << (P - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
        if (set == null) {
            return;
        }
        int mask = set.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (set[i] == h) {
                return;
            }
            if (set[i] == 0) {
                set[i] = h;
                if (++size > EXACT_LIMIT) {
                    set = null;   // from here on the estimate answers
                } else if (size > set.length * 0.6) {
                    grow();
                }
                return;
            }
        }
    }

    private void grow() {
        long[] old = set;
        set = new long[old.length * 2];
        int mask = set.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (set[i] != 0) {
                    i = (i + 1) & mask;
                }
                set[i] = h;
            }
        }
    }

    boolean exact() {
        return set != null;
    }

    long count() {
        if (set != null) {
            return size;
        }
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += 1.0 / (1L << r);
            if (r == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / M);
        double estimate = alpha * M * (double) M / sum;
        if (estimate <= 2.5 * M && zeros > 0) {
            estimate = M * Math.log((double) M / zeros);
        }
        return Math.max(EXACT_LIMIT + 1L, Math.round(estimate));
    }

    /** A 64-bit finalizer (SplitMix64's) that spreads nearby values over all bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit hash of a string's characters (FNV-1a, then {@link #mix}). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return mix(h ^ s.length());
    }
}
