/**
 * The HeavyDB {@link dev.quiver.api.store.Store}: {@link dev.quiver.heavydb.HeavyDbStore} over HeavyDB's Thrift
 * API, found by {@link dev.quiver.api.store.Stores} for {@code heavydb://} locations through
 * {@link dev.quiver.heavydb.HeavyDbStoreProvider}. See docs/store.md.
 */
package dev.quiver.heavydb;
