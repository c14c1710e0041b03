/**
 * Timed benchmark commands of Quiver on Spark (sdk-spark), compiled and run with sdk-bench's {@code spark} profile
 * only, so the JMH jar stays free of Spark: the overhead of a feature plan on {@code local[2]} against the same plan
 * in one JVM, and a generated universe ten times the seed's, run to completion with spilling (docs/spark.md).
 */
package dev.quiver.bench.spark;
