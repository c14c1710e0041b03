package dev.quiver.features.crosssection;

import java.util.Arrays;

/**
 * A stable sort of one date's finite values by their order-preserving 64-bit keys, carrying each value's index: the
 * sort behind {@code xs_rank} and the quantiles.
 *
 * <p>{@link #key} maps a finite double to a long whose unsigned order is the doubles' numeric order (negative values:
 * every bit flipped; others: the sign bit flipped). {@code -0.0} must have been stored as {@code 0.0} beforehand, so
 * that equal values have equal keys; {@code NaN} and infinities never reach the sort (they are missing values).
 *
 * <p>The sort is a least-significant-digit radix sort of a window of the keys' bits, then a fix-up of the runs the
 * window could not tell apart:
 * <ol>
 *   <li>the bits the keys of the range all share are found (the OR of every key XOR the first), so the sort only
 *       looks below the highest bit that differs: prices of similar magnitude share their sign and most of their
 *       exponent;</li>
 *   <li>the top {@link #WINDOW} differing bits are sorted in one or two counting passes of at most 11 bits (2,048
 *       buckets), both histograms gathered in one read of the keys; a pass whose digit every key shares is
 *       skipped;</li>
 *   <li>keys still equal on those bits (for a few thousand prices, a handful of pairs, and true ties) form runs,
 *       each sorted again on its lower bits the same way (or by insertion when short).</li>
 * </ol>
 * Counting passes are stable and the insertion sort moves a key only past larger ones, so equal keys keep their
 * index order (what {@code ordinal} ranks rely on). Ranges of at most {@link #INSERTION} keys are sorted by
 * insertion. No comparisons of doubles, no boxing: primitive arrays only, allocated by the caller.
 *
 * <p>Thread-safety: stateless; the arrays passed in must not be shared while sorting.
 */
final class RadixOrder {
    /** Ranges up to this length are sorted by insertion. */
    static final int INSERTION = 32;
    /** Bits sorted per level: two passes of 11 bits. */
    private static final int WINDOW = 22;
    /** Bits per counting pass at most. */
    private static final int DIGIT = 11;
    /** Histogram buckets per pass. */
    static final int BUCKETS = 1 << DIGIT;

    private RadixOrder() {
    }

    /** The key of a finite value other than {@code -0.0}: unsigned order of keys is numeric order of values. */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    /** The value of a {@link #key}. */
    static double value(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
    }

    /**
     * Sorts {@code keys[from, to)} ascending (unsigned), moving {@code index[from, to)} with them, stably.
     *
     * @param spareKeys work array, at least {@code to} long
     * @param spareIndex work array, at least {@code to} long
     * @param histogram work array of {@code 2 * BUCKETS}
     */
    static void sort(long[] keys, int[] index, long[] spareKeys, int[] spareIndex, int[] histogram, int from,
                     int to) {
        if (to - from <= INSERTION) {
            insertion(keys, index, from, to);
            return;
        }
        long first = keys[from];
        long differ = 0;
        for (int i = from; i < to; i++) {
            differ |= keys[i] ^ first;
        }
        if (differ == 0) {
            return; // all equal: already in index order
        }
        int width = 64 - Long.numberOfLeadingZeros(differ);
        int low = Math.max(0, width - WINDOW);
        int bits = width - low;
        int passes = bits <= DIGIT ? 1 : 2;
        int digit = (bits + passes - 1) / passes;
        int mask = (1 << digit) - 1;
        int n = to - from;
        Arrays.fill(histogram, 0, passes * BUCKETS, 0);
        if (passes == 1) {
            for (int i = from; i < to; i++) {
                histogram[(int) (keys[i] >>> low) & mask]++;
            }
        } else {
            int high = low + digit;
            for (int i = from; i < to; i++) {
                long k = keys[i];
                histogram[(int) (k >>> low) & mask]++;
                histogram[BUCKETS + ((int) (k >>> high) & mask)]++;
            }
        }
        long[] k = keys;
        int[] o = index;
        long[] k2 = spareKeys;
        int[] o2 = spareIndex;
        for (int p = 0; p < passes; p++) {
            int shift = low + p * digit;
            int base = p * BUCKETS;
            if (histogram[base + ((int) (k[from] >>> shift) & mask)] == n) {
                continue; // every key has this digit: the pass would move nothing
            }
            int sum = from;
            for (int b = base, end = base + mask + 1; b < end; b++) {
                int c = histogram[b];
                histogram[b] = sum;
                sum += c;
            }
            for (int i = from; i < to; i++) {
                long key = k[i];
                int at = histogram[base + ((int) (key >>> shift) & mask)]++;
                k2[at] = key;
                o2[at] = o[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] to2 = o;
            o = o2;
            o2 = to2;
        }
        if (k != keys) {
            System.arraycopy(k, from, keys, from, n);
            System.arraycopy(o, from, index, from, n);
        }
        if (low > 0) {
            // runs equal on the window's bits (and so on every bit above): sorted again on the bits below
            int start = from;
            long run = keys[from] >>> low;
            for (int i = from + 1; i <= to; i++) {
                long top = i < to ? keys[i] >>> low : ~run;
                if (top != run) {
                    if (i - start > 1) {
                        sort(keys, index, spareKeys, spareIndex, histogram, start, i);
                    }
                    start = i;
                    run = top;
                }
            }
        }
    }

    /** Stable insertion sort of a short range. */
    private static void insertion(long[] keys, int[] index, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long k = keys[i];
            int x = index[i];
            int j = i - 1;
            while (j >= from && Long.compareUnsigned(keys[j], k) > 0) {
                keys[j + 1] = keys[j];
                index[j + 1] = index[j];
                j--;
            }
            keys[j + 1] = k;
            index[j + 1] = x;
        }
    }
}
