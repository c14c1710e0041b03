/**
 * The columnar data model: {@link dev.quiver.api.table.Table tables} of named, typed
 * {@link dev.quiver.api.table.Column columns} backed by {@link java.lang.foreign.MemorySegment memory segments}, and
 * the {@link dev.quiver.api.table.Panel panel} view that groups a long table by symbol and by date.
 *
 * <h2>Missing values</h2>
 * <ul>
 *   <li>{@code FLOAT64}: {@code NaN} (any NaN bit pattern).</li>
 *   <li>{@code INT64}: {@link dev.quiver.api.table.Int64Column#MISSING} ({@code Long.MIN_VALUE}).</li>
 *   <li>{@code INT32}: {@link dev.quiver.api.table.Int32Column#MISSING} ({@code Integer.MIN_VALUE}).</li>
 *   <li>{@code STRING}: the dictionary code {@link dev.quiver.api.table.StringColumn#MISSING_CODE} ({@code -1}),
 *       read back as {@code null}.</li>
 * </ul>
 * Sentinels rather than validity bitmaps keep every column a single flat segment that kernels scan without branches
 * and that the cache maps from disk without copying.
 *
 * <h2>Conventions</h2>
 * Values are stored in native byte order (little-endian on every platform Quiver supports, as in Arrow). Timestamps
 * are {@code INT64} milliseconds since the epoch, UTC ({@link dev.quiver.api.table.Timestamps}).
 */
package dev.quiver.api.table;
