package dev.quiver.spark;

import dev.quiver.api.feature.ScratchMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The off-heap columns of one task, borrowed from the engine's column pool in size classes
 * ({@link PartitionPlanner#memory()}) and given back together when the task is done with them. Kernels read and
 * write native memory as they do in one JVM, and a later task over a partition of about the same size gets the same
 * memory back, already mapped.
 *
 * <p>Thread-safety: not thread-safe; one per task.
 */
final class TaskColumns implements AutoCloseable {
    private final long rows;
    private final List<AutoCloseable> held = new ArrayList<>();
    private boolean closed;

    TaskColumns(int rows) {
        this.rows = rows;
    }

    /** A column of the task's rows (its contents are whatever the last borrower left: write before reading). */
    MemorySegment lend() {
        if (closed) {
            throw new IllegalStateException("the task's columns were given back");
        }
        ScratchMemory.Lease lease = PartitionPlanner.memory().lend(rows * Double.BYTES);
        held.add(lease);
        return lease.segment();
    }

    /** A column holding {@code values}. */
    MemorySegment of(double[] values) {
        MemorySegment column = lend();
        MemorySegment.copy(values, 0, column, ValueLayout.JAVA_DOUBLE, 0, values.length);
        return column;
    }

    /** Closes {@code resource} with the columns (a table over them, say). */
    void hold(AutoCloseable resource) {
        held.add(resource);
    }

    /** Gives every column back; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (int i = held.size() - 1; i >= 0; i--) {
            try {
                held.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("features on Spark: giving a task's columns back failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        held.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
