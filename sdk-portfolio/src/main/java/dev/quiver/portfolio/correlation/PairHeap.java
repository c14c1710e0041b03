package dev.quiver.portfolio.correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code k} best pairs seen, in primitive arrays: a binary heap whose root is the worst kept pair, so a new pair
 * costs one comparison with {@link #threshold()} unless it enters. "Better" is the higher score, then the lower
 * {@code a}, then the lower {@code b}: a total order, so the kept pairs do not depend on the order pairs arrive in.
 *
 * <p>Thread-safety: not thread-safe; one per task, merged at the end.
 */
final class PairHeap {
    private final int k;
    private final double[] score;
    private final int[] a;
    private final int[] b;
    private int size;

    PairHeap(int k) {
        this.k = k;
        this.score = new double[k];
        this.a = new int[k];
        this.b = new int[k];
    }

    /** Pairs scoring below this cannot enter ({@code -∞} until the heap is full). */
    double threshold() {
        return size < k ? Double.NEGATIVE_INFINITY : score[0];
    }

    /** Offers a pair. */
    void offer(double s, int pa, int pb) {
        if (size < k) {
            int i = size++;
            score[i] = s;
            a[i] = pa;
            b[i] = pb;
            up(i);
        } else if (better(s, pa, pb, score[0], a[0], b[0])) {
            score[0] = s;
            a[0] = pa;
            b[0] = pb;
            down(0);
        }
    }

    void addAll(PairHeap other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.score[i], other.a[i], other.b[i]);
        }
    }

    private static boolean better(double s1, int a1, int b1, double s2, int a2, int b2) {
        if (s1 != s2) {
            return s1 > s2;
        }
        return a1 != a2 ? a1 < a2 : b1 < b2;
    }

    private boolean worse(int i, int j) {
        return better(score[j], a[j], b[j], score[i], a[i], b[i]);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int w = l + 1 < size && worse(l + 1, l) ? l + 1 : l;
            if (!worse(w, i)) {
                return;
            }
            swap(i, w);
            i = w;
        }
    }

    private void swap(int i, int j) {
        double s = score[i];
        score[i] = score[j];
        score[j] = s;
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        t = b[i];
        b[i] = b[j];
        b[j] = t;
    }

    /** The kept pairs as {@code {a, b}}, best first. */
    List<int[]> sorted() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> better(score[x], a[x], b[x], score[y], a[y], b[y]) ? -1
                : better(score[y], a[y], b[y], score[x], a[x], b[x]) ? 1 : 0);
        List<int[]> out = new ArrayList<>(size);
        for (int i : order) {
            out.add(new int[] {a[i], b[i]});
        }
        return out;
    }
}
