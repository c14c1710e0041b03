/**
 * Parquet files for {@link dev.quiver.io.TableFiles}: put {@code dev.quiver:sdk-parquet} on the class path and
 * {@code .parquet} files read and write like every other format. See {@code docs/io.md} for why parquet-java, and
 * what it weighs.
 */
package dev.quiver.io.parquet;
