/**
 * Quiver's JMH benchmarks, in packages that mirror the modules they measure, with the data generators they share.
 */
package dev.quiver.bench;
