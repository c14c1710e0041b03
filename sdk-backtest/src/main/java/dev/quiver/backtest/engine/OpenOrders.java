package dev.quiver.backtest.engine;

/**
 * The open orders of a run by id: an open-addressing hash table of primitive {@code long} keys (linear probing,
 * deletion by backward shift), so that submitting, checking and cancelling an order box no id.
 *
 * <p>Thread-safety: not thread-safe; confined to the run's thread.
 */
final class OpenOrders {
    private long[] ids = new long[16];
    private Order[] orders = new Order[16];
    private int size;

    /** Adds or replaces the order of this id. */
    void put(long id, Order order) {
        if (2 * (size + 1) > ids.length) {
            grow();
        }
        int mask = ids.length - 1;
        int i = slot(id, mask);
        while (orders[i] != null) {
            if (ids[i] == id) {
                orders[i] = order;
                return;
            }
            i = (i + 1) & mask;
        }
        ids[i] = id;
        orders[i] = order;
        size++;
    }

    /** The open order of this id, or {@code null}. */
    Order get(long id) {
        int mask = ids.length - 1;
        for (int i = slot(id, mask); orders[i] != null; i = (i + 1) & mask) {
            if (ids[i] == id) {
                return orders[i];
            }
        }
        return null;
    }

    boolean containsKey(long id) {
        return get(id) != null;
    }

    /** Removes the order of this id; the order, or {@code null} if it was not open. */
    Order remove(long id) {
        int mask = ids.length - 1;
        int i = slot(id, mask);
        while (orders[i] != null && ids[i] != id) {
            i = (i + 1) & mask;
        }
        Order removed = orders[i];
        if (removed == null) {
            return null;
        }
        // shift later members of the probe run back into the hole, so that every lookup still finds them
        int hole = i;
        for (int j = (i + 1) & mask; orders[j] != null; j = (j + 1) & mask) {
            int home = slot(ids[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                ids[hole] = ids[j];
                orders[hole] = orders[j];
                hole = j;
            }
        }
        orders[hole] = null;
        size--;
        return removed;
    }

    private void grow() {
        long[] oldIds = ids;
        Order[] oldOrders = orders;
        ids = new long[oldIds.length * 2];
        orders = new Order[oldIds.length * 2];
        size = 0;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldOrders[i] != null) {
                put(oldIds[i], oldOrders[i]);
            }
        }
    }

    private static int slot(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
