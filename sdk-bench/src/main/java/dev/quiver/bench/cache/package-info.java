/**
 * Benchmarks of {@code sdk-cache}: memory-tier and disk-tier hits against a copying Arrow IPC read and CSV parsing.
 */
package dev.quiver.bench.cache;
