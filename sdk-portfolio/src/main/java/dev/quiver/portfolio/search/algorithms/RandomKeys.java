package dev.quiver.portfolio.search.algorithms;

import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.PortfolioProblem;
import java.util.SplittableRandom;

/**
 * What the algorithms that search over one real number per strategy (particle swarm, differential evolution) and
 * those that rank strategies (ant colony) share: the largest keys of a vector as a preference order, and the
 * decoding of that order into a scored portfolio. Not thread-safe where it holds state (it holds none).
 */
final class RandomKeys {
    private RandomKeys() {
    }

    /**
     * The indices of the {@code length} largest of {@code keys}, largest first; equal keys rank the lower index
     * first. A bounded min-heap: O(n) for random keys (few elements beat the heap's minimum), O(n log length) at
     * worst.
     */
    static int[] top(double[] keys, int length) {
        int n = keys.length;
        int m = Math.min(length, n);
        int[] heap = new int[m];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size < m) {
                heap[size] = i;
                siftUp(heap, size++, keys);
            } else if (worse(heap[0], i, keys)) {
                heap[0] = i;
                siftDown(heap, m, keys);
            }
        }
        // pop the minimum repeatedly: the result comes out worst first, so fill from the end
        int[] out = new int[m];
        for (int k = m - 1; k >= 0; k--) {
            out[k] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, keys);
        }
        return out;
    }

    /** Whether strategy {@code a} ranks below {@code b}: a smaller key, or an equal key and a higher index. */
    private static boolean worse(int a, int b, double[] keys) {
        return keys[a] < keys[b] || (keys[a] == keys[b] && a > b);
    }

    private static void siftUp(int[] heap, int i, double[] keys) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(heap[i], heap[parent], keys)) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] keys) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int c = l + 1 < size && worse(heap[l + 1], heap[l], keys) ? l + 1 : l;
            if (!worse(heap[c], heap[i], keys)) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[c];
            heap[c] = t;
            i = c;
        }
    }

    /**
     * How many of the top-ranked strategies a decode is offered: twice the portfolio size, so that when zones or the
     * correlation cap reject some of the top {@code size}, the next best by key fill in before random ones do.
     */
    static int preferenceLength(PortfolioProblem problem) {
        return Math.min(problem.strategies(), 2 * problem.size());
    }

    /** Decodes the largest keys into a valid portfolio, sets it on {@code candidate} and returns its fitness. */
    static double score(PortfolioProblem problem, double[] keys, Candidate candidate, SplittableRandom random) {
        int length = preferenceLength(problem);
        int[] order = top(keys, length);
        candidate.set(problem.decode(order, order.length, random));
        return candidate.fitness();
    }

    /** The index of the largest value, the lowest index among equals. */
    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
