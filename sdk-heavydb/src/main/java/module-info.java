/**
 * Quiver's Store provider for HeavyDB, a GPU SQL database: {@link dev.quiver.heavydb.HeavyDbStore} over HeavyDB's
 * Thrift API (the client in {@code dev.quiver.heavydb.thrift} is generated from the project's subset of
 * {@code heavy.thrift}), its SQL dialect (DDL with HeavyDB's table options and column encodings).
 */
module dev.quiver.heavydb {
    requires transitive dev.quiver.api;
    requires dev.quiver.io;
    requires org.apache.thrift;
    // the framing of Arrow IPC answers is checked (flatbuffers) before Arrow's reader sees them
    requires org.apache.arrow.format;
    requires org.slf4j;

    exports dev.quiver.heavydb;

    provides dev.quiver.api.store.StoreProvider with dev.quiver.heavydb.HeavyDbStoreProvider;
}
