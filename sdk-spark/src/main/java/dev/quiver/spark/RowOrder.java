package dev.quiver.spark;

/**
 * The order of a partition's rows by (symbol, date), as {@code Panel.of} wants them: a counting sort by symbol rank,
 * then each symbol's rows by date (left as they are when they arrive in order, as they mostly do: each shuffle block
 * holds its rows in order). Ties (a symbol and date twice) keep their arrival order; {@code Panel.of} rejects them.
 *
 * <p>Thread-safety: stateless.
 */
final class RowOrder {
    private RowOrder() {
    }

    /**
     * The rows in order: element {@code i} is the row that comes {@code i}-th.
     *
     * @param symbol each row's symbol rank, {@code 0 <= rank < symbols}, ranks in the symbols' order
     * @param date each row's date
     */
    static int[] of(int[] symbol, int symbols, long[] date, int rows) {
        int[] start = new int[symbols + 1];
        for (int r = 0; r < rows; r++) {
            start[symbol[r] + 1]++;
        }
        for (int s = 0; s < symbols; s++) {
            start[s + 1] += start[s];
        }
        int[] next = java.util.Arrays.copyOf(start, symbols);
        int[] order = new int[rows];
        for (int r = 0; r < rows; r++) {
            order[next[symbol[r]]++] = r;
        }
        int[] scratch = null;
        for (int s = 0; s < symbols; s++) {
            int from = start[s];
            int to = start[s + 1];
            boolean sorted = true;
            for (int i = from + 1; i < to && sorted; i++) {
                sorted = date[order[i - 1]] <= date[order[i]];
            }
            if (!sorted) {
                if (scratch == null) {
                    scratch = new int[rows];
                }
                mergeSort(order, scratch, from, to, date);
            }
        }
        return order;
    }

    /** Sorts {@code order[from, to)} by {@code key} of its elements, stably. */
    private static void mergeSort(int[] order, int[] scratch, int from, int to, long[] key) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(order, scratch, from, mid, key);
        mergeSort(order, scratch, mid, to, key);
        if (key[order[mid - 1]] <= key[order[mid]]) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            order[k] = j >= to || (i < mid && key[scratch[i]] <= key[scratch[j]]) ? scratch[i++] : scratch[j++];
        }
    }
}
