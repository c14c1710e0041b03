package dev.quiver.duckdb;

import dev.quiver.api.store.Store;
import dev.quiver.store.testkit.StoreContract;

/** DuckDB in memory passes the Store contract. */
class DuckDbStoreContractTest extends StoreContract {
    @Override
    protected Store openEmptyStore() {
        return DuckDbStore.inMemory();
    }
}
