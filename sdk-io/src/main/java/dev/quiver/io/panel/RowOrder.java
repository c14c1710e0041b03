package dev.quiver.io.panel;

/**
 * Sorts row indices by (symbol rank, time) with primitive arrays only: a counting pass buckets the rows by symbol,
 * then each bucket is merge-sorted by time (a bucket already in time order, the common case, costs one pass).
 * Stable: rows with equal keys keep their input order, so a duplicate is reported with its first occurrence. The
 * order {@link dev.quiver.api.table.Panel#of} wants a table's rows in: the readers here and the Spark engine's
 * partitions use it.
 *
 * <p>Thread-safety: stateless.
 */
public final class RowOrder {
    private RowOrder() {
    }

    /**
     * The rows in (symbol rank, time) order.
     *
     * @param rank each row's symbol rank (0 for a single series), in {@code [0, symbols)}
     * @param time each row's time
     * @return element {@code i} is the row that comes {@code i}-th
     */
    public static int[] sort(int[] rank, long[] time, int symbols) {
        return sort(rank, time, symbols, rank.length);
    }

    /**
     * The first {@code rows} rows in (symbol rank, time) order (the arrays may be longer: spare capacity).
     *
     * @param rank each row's symbol rank (0 for a single series), in {@code [0, symbols)}
     * @param time each row's time
     * @return element {@code i} is the row that comes {@code i}-th
     */
    public static int[] sort(int[] rank, long[] time, int symbols, int rows) {
        int n = rows;
        int[] start = new int[symbols + 1];
        for (int row = 0; row < n; row++) {
            start[rank[row] + 1]++;
        }
        for (int s = 0; s < symbols; s++) {
            start[s + 1] += start[s];
        }
        int[] order = new int[n];
        int[] next = start.clone();
        for (int row = 0; row < n; row++) {
            order[next[rank[row]]++] = row;
        }
        int[] scratch = null;
        for (int s = 0; s < symbols; s++) {
            int from = start[s];
            int to = start[s + 1];
            if (!sorted(order, time, from, to)) {
                if (scratch == null) {
                    scratch = new int[n];
                }
                mergeSort(order, scratch, time, from, to);
            }
        }
        return order;
    }

    private static boolean sorted(int[] order, long[] time, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (time[order[i]] < time[order[i - 1]]) {
                return false;
            }
        }
        return true;
    }

    private static void mergeSort(int[] a, int[] tmp, long[] key, int from, int to) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && key[a[j]] > key[v]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, key, from, mid);
        mergeSort(a, tmp, key, mid, to);
        if (key[a[mid - 1]] <= key[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && key[tmp[i]] <= key[tmp[j]])) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
