package dev.quiver.features;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Output columns that a caller owns and a plan computes into again and again: {@link FeaturePlan#buffers(int)}
 * makes them, {@link FeaturePlan#compute(dev.quiver.api.table.Panel, FeatureBuffers)} overwrites them, and
 * {@link #table()} shows them. A loop over many panels of one size (a live session's window, a sweep's windows)
 * thus allocates nothing per call.
 *
 * <pre>{@code
 * try (FeatureBuffers out = plan.buffers(panel.rowCount())) {
 *     for (Panel p : windows) {
 *         Table features = plan.compute(p, out); // valid until the next compute into out, or out.close()
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The memory is zeroed when made and then holds the last computation's values. Closing frees it; the table
 * views read freed memory afterwards and fail.
 *
 * <p>Thread-safety: not thread-safe: one computation into a set of buffers at a time, and no reading while one
 * runs. The segments themselves may be read from any thread.
 */
public final class FeatureBuffers implements AutoCloseable {
    private final List<String> names;
    private final int rows;
    private final Arena arena = Arena.ofShared();
    private final NativeMemory.Handle tracking;
    private final MemorySegment[] segments;
    private final Table table;
    private boolean closed;

    FeatureBuffers(List<String> names, int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("a panel has no fewer than 0 rows, not " + rows);
        }
        this.names = List.copyOf(names);
        this.rows = rows;
        long bytes = (long) rows * Double.BYTES;
        this.segments = new MemorySegment[names.size()];
        List<Column> columns = new ArrayList<>(names.size());
        for (int i = 0; i < segments.length; i++) {
            segments[i] = arena.allocate(Math.max(bytes, 1), Double.BYTES).asSlice(0, bytes);
            columns.add(Float64Column.wrap(names.get(i), segments[i]));
        }
        this.tracking = NativeMemory.track(bytes * segments.length);
        this.table = Table.of(columns);
    }

    /** The number of rows of each column. */
    public int rowCount() {
        return rows;
    }

    /** The column names, the plan's {@link FeaturePlan#columns()}. */
    public List<String> columns() {
        return names;
    }

    /**
     * The columns as a table (read-only views). It owns nothing: closing it does nothing to the buffers.
     *
     * @throws IllegalStateException if the buffers are closed
     */
    public Table table() {
        checkOpen();
        return table;
    }

    /** The writable segments, in column order. */
    MemorySegment[] segments() {
        checkOpen();
        return segments.clone();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("these feature buffers are closed");
        }
    }

    /** Frees the memory; later calls do nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
            tracking.release();
        }
    }

    @Override
    public String toString() {
        return "FeatureBuffers[" + names.size() + " columns × " + rows + " rows" + (closed ? ", closed" : "") + "]";
    }
}
