package dev.quiver.bench.features;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A JMH counter of input values processed, reported next to the primary score as {@code values} in values per
 * second (throughput mode), so that panels of different sizes and peers of different speeds compare per value.
 *
 * <p>Thread-safety: JMH state, one per benchmark thread.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class PanelValues {
    /** Input values processed in this iteration. */
    public long values;

    /** Resets the counter before each iteration (JMH calls it). */
    @Setup(Level.Iteration)
    public void clear() {
        values = 0;
    }
}
