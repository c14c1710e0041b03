package dev.quiver.bench.features;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A JMH counter of panel rows computed (one row = every feature of one symbol on one date), reported next to the
 * primary score as {@code rows} in rows per second (throughput mode): the seed pipeline's unit, 4,269 rows/s.
 *
 * <p>Thread-safety: JMH state, one per benchmark thread.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class PanelRows {
    /** Panel rows computed in this iteration. */
    public long rows;

    /** Resets the counter before each iteration (JMH calls it). */
    @Setup(Level.Iteration)
    public void clear() {
        rows = 0;
    }
}
