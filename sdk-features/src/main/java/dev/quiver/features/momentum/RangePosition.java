package dev.quiver.features.momentum;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Where each bar's close lies in the range of the last {@code n} bars, over whole columns: the batch form of
 * {@link ExtremeWindow#push} followed by {@link #percentK} (the stochastics' %K) or {@link #percentR} (Williams' %R).
 * It compares the same values in the same order as the window (oldest to newest, the most recent of equal extremes
 * winning), so its outputs equal the incremental states' bit for bit.
 *
 * <p>Why a batch form of its own: a rescan reads the input column directly instead of a ring, the range's division
 * is redone only when an extreme changes (as TA-Lib does), and the warm-up is a loop apart from the steady one. On
 * {@code AllIndicatorsBenchmark} that took {@code willr} from 0.6× to TA-Lib's speed, which the incremental state's
 * {@code next} in a loop did not reach.
 *
 * <p>Thread-safety: stateless.
 */
final class RangePosition {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private RangePosition() {
    }

    /** TA-Lib's fast %K: {@code (close − low)/((high − low)/100)}, 0 for an empty range. */
    static double percentK(double close, double high, double low) {
        double diff = (high - low) / 100.0;
        return diff != 0.0 ? (close - low) / diff : 0.0;
    }

    /** TA-Lib's Williams' %R: {@code (high − close)/((high − low)/(−100))}, 0 for an empty range. */
    static double percentR(double close, double high, double low) {
        double diff = (high - low) / -100.0;
        return diff != 0.0 ? (high - close) / diff : 0.0;
    }

    /**
     * Rows {@code [from, to)}: into row {@code i} of {@code result} the bar's %R ({@code williams}) or %K over the window of
     * the last {@code n} complete bars, {@code NaN} where a bar is missing (any input not finite) or the window since
     * the last missing bar is not yet full.
     */
    static void compute(MemorySegment highIn, MemorySegment lowIn, MemorySegment closeIn, int from, int to, int n,
                        boolean williams, MemorySegment result) {
        // %R = (high − close)/((high − low)/−100), %K = (close − low)/((high − low)/100): one form, two constants
        final double scale = williams ? -100.0 : 100.0;
        int start = from; // the first bar of the current run of complete bars
        int highIdx = 0;
        int lowIdx = 0;
        double high = 0.0;
        double low = 0.0;
        double diff = 0.0;
        int i = from;
        while (i < to) {
            // the seed, until the window is full; then the steady loop, until a missing bar
            for (; i < to; i++) {
                double h = highIn.getAtIndex(D, i);
                double l = lowIn.getAtIndex(D, i);
                double c = closeIn.getAtIndex(D, i);
                result.setAtIndex(D, i, Double.NaN);
                if (Bars.anyMissing(h, l, c)) {
                    start = i + 1;
                    continue;
                }
                if (i == start || h >= high) {
                    high = h;
                    highIdx = i;
                }
                if (i == start || l <= low) {
                    low = l;
                    lowIdx = i;
                }
                if (i - n + 1 == start) {
                    diff = (high - low) / scale;
                    result.setAtIndex(D, i, position(williams, c, high, low, diff));
                    i++;
                    break;
                }
            }
            for (; i < to; i++) {
                double h = highIn.getAtIndex(D, i);
                double l = lowIn.getAtIndex(D, i);
                double c = closeIn.getAtIndex(D, i);
                if (Bars.anyMissing(h, l, c)) {
                    result.setAtIndex(D, i, Double.NaN);
                    start = i + 1;
                    i++;
                    break;
                }
                int oldest = i - n + 1;
                if (highIdx < oldest) {
                    highIdx = highestIndex(highIn, oldest, i);
                    high = highIn.getAtIndex(D, highIdx);
                    diff = (high - low) / scale;
                } else if (h >= high) {
                    high = h;
                    highIdx = i;
                    diff = (high - low) / scale;
                }
                if (lowIdx < oldest) {
                    lowIdx = lowestIndex(lowIn, oldest, i);
                    low = lowIn.getAtIndex(D, lowIdx);
                    diff = (high - low) / scale;
                } else if (l <= low) {
                    low = l;
                    lowIdx = i;
                    diff = (high - low) / scale;
                }
                result.setAtIndex(D, i, position(williams, c, high, low, diff));
            }
        }
    }

    private static double position(boolean williams, double c, double high, double low, double diff) {
        return diff != 0.0 ? (williams ? high - c : c - low) / diff : 0.0;
    }

    /** The row of the most recent highest value of rows {@code [first, last]}. */
    static int highestIndex(MemorySegment column, int first, int last) {
        int best = first;
        double value = column.getAtIndex(D, first);
        for (int k = first + 1; k <= last; k++) {
            double v = column.getAtIndex(D, k);
            if (v >= value) {
                value = v;
                best = k;
            }
        }
        return best;
    }

    /** The row of the most recent lowest value of rows {@code [first, last]}. */
    static int lowestIndex(MemorySegment column, int first, int last) {
        int best = first;
        double value = column.getAtIndex(D, first);
        for (int k = first + 1; k <= last; k++) {
            double v = column.getAtIndex(D, k);
            if (v <= value) {
                value = v;
                best = k;
            }
        }
        return best;
    }
}
