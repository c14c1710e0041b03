/**
 * The Store SPI: durable, queryable tables in a database (HeavyDB, an embedded store, ...).
 */
package dev.quiver.api.store;
