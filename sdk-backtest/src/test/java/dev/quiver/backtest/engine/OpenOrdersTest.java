package dev.quiver.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link OpenOrders} behaves as a map from id to order, through growth and deletions inside probe runs. */
class OpenOrdersTest {

    @Test
    void matchesAHashMapUnderRandomPutsAndRemoves() {
        SplittableRandom random = new SplittableRandom(3);
        OpenOrders orders = new OpenOrders();
        Map<Long, Order> expected = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            // a small id range, so that removals often fall inside runs of colliding ids
            long id = random.nextLong(1, 300);
            if (random.nextInt(3) == 0) {
                assertThat(orders.remove(id)).isSameAs(expected.remove(id));
            } else {
                Order order = new Order(id, 0, dev.quiver.api.backtest.OrderRequest.market("X", 1), 0, Double.NaN);
                orders.put(id, order);
                expected.put(id, order);
            }
            long probe = random.nextLong(1, 300);
            assertThat(orders.get(probe)).isSameAs(expected.get(probe));
            assertThat(orders.containsKey(probe)).isEqualTo(expected.containsKey(probe));
        }
        for (long id = 1; id < 300; id++) {
            assertThat(orders.get(id)).isSameAs(expected.get(id));
        }
    }
}
