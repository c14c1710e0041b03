package dev.quiver.heavydb;

import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.store.testkit.StoreContract;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.AfterEach;

/** The HeavyDB store passes the Store contract against the in-process Thrift server. */
class HeavyDbStoreContractTest extends StoreContract {
    private InProcessHeavyDb server;

    @Override
    protected Store openEmptyStore() {
        try {
            server = new InProcessHeavyDb();
        } catch (TTransportException e) {
            throw new IllegalStateException(e);
        }
        return HeavyDbStore.open(StoreSettings.of(server.location()).with("password", InProcessHeavyDb.PASSWORD));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
