package dev.quiver.features.volume;

/**
 * The sums of the last {@code n} terms of two series, kept by adding the entering term and subtracting the leaving
 * one, and recomputed from the window's terms (oldest first) every {@code n} slides, so that rounding residue lives
 * at most {@code 2n} rows: the error of a sum stays below about {@code 2n·ε·max|term|} however long the series.
 * Amortised cost: three additions per row. Both the batch kernels and the incremental states run through this class,
 * so their arithmetic is the same by construction.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
final class WindowSums {
    private final int n;
    private final double[] a;
    private final double[] b;
    private int next;    // the ring slot of the oldest term once the window is full; the next slot to write
    private int run;     // terms in the window, up to n
    private int slides;  // slides since the last recomputation
    private double sumA;
    private double sumB;

    WindowSums(int n) {
        this.n = n;
        this.a = new double[n];
        this.b = new double[n];
    }

    /** Adds the next pair of terms; returns whether the window now holds {@code n} of them. */
    boolean add(double termA, double termB) {
        if (run < n) {
            a[next] = termA;
            b[next] = termB;
            next = next + 1 == n ? 0 : next + 1;
            sumA += termA;
            sumB += termB;
            run++;
            return run == n;
        }
        double oldA = a[next];
        double oldB = b[next];
        a[next] = termA;
        b[next] = termB;
        next = next + 1 == n ? 0 : next + 1;
        if (++slides == n) {
            slides = 0;
            recompute();
        } else {
            sumA = sumA - oldA + termA;
            sumB = sumB - oldB + termB;
        }
        return true;
    }

    private void recompute() {
        double sa = 0.0;
        double sb = 0.0;
        // oldest first: the same order as the first fill of the window
        for (int k = 0, j = next; k < n; k++, j = j + 1 == n ? 0 : j + 1) {
            sa += a[j];
            sb += b[j];
        }
        sumA = sa;
        sumB = sb;
    }

    double sumA() {
        return sumA;
    }

    double sumB() {
        return sumB;
    }

    /** Empties the window (after a missing value, or on reset). */
    void clear() {
        next = 0;
        run = 0;
        slides = 0;
        sumA = 0.0;
        sumB = 0.0;
    }
}
