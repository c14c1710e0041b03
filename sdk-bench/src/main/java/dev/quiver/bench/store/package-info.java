/**
 * Benchmarks of the stores: loading the strategy matrix and the 5 M × 10 table into DuckDB against DuckDB's own CSV
 * reader, and a filtered, projected scan against the same rows from the Arrow cache.
 */
package dev.quiver.bench.store;
