package dev.quiver.heavydb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.store.testkit.StoreContract;

/**
 * The Store contract against a real HeavyDB server, when {@code QUIVER_HEAVYDB_URL} names one (for example
 * {@code heavydb://admin@localhost:6274/heavyai}, the password in {@code QUIVER_STORE_PASSWORD}); skipped, saying
 * so, otherwise. The tables it makes are dropped by each test's own checks; use a scratch database.
 */
class HeavyDbLiveContractTest extends StoreContract {
    @Override
    protected Store openEmptyStore() {
        String url = System.getenv("QUIVER_HEAVYDB_URL");
        assumeTrue(url != null && !url.isBlank(), "QUIVER_HEAVYDB_URL is not set: no HeavyDB server to test "
                + "against (docs/store.md says how to start HeavyDB CE)");
        Store store = HeavyDbStore.open(StoreSettings.of(url));
        for (String t : store.list()) {
            store.drop(t);
        }
        return store;
    }
}
