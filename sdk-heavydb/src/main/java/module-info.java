/**
 * Quiver's Store provider for HeavyDB, a GPU SQL database. For now it holds the HeavyDB SQL dialect (DDL and type
 * mapping) the provider will use; its classes are internal, so the module exports nothing yet.
 */
module dev.quiver.heavydb {
    requires transitive dev.quiver.api;
}
