/**
 * Quiver's Store provider for HeavyDB, a GPU SQL database: its SQL dialect (DDL with HeavyDB's table options and
 * column encodings) and the client of HeavyDB's Thrift API ({@code dev.quiver.heavydb.thrift}, generated from the
 * project's subset of {@code heavy.thrift}). Its classes are internal until the provider lands.
 */
module dev.quiver.heavydb {
    requires transitive dev.quiver.api;
    requires dev.quiver.io;
    requires org.apache.thrift;
    requires org.slf4j;
}
