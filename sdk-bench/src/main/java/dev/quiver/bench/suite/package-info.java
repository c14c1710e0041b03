/**
 * The benchmark suite behind {@code sdk-bench/run}: profiles of JMH runs ({@link dev.quiver.bench.suite.SuiteProfile})
 * and the runner that writes their results, the machine and the report ({@link dev.quiver.bench.suite.BenchmarkSuite}).
 */
package dev.quiver.bench.suite;
