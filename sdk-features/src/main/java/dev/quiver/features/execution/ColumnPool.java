package dev.quiver.features.execution;

import dev.quiver.api.feature.ScratchMemory;
import dev.quiver.api.table.NativeMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pool of off-heap column memory that feature computations borrow and give back: output columns of the tables a
 * plan returns (given back when the table is closed) and the temporary columns of inner expressions. Memory a
 * computation gives back is kept, already mapped and touched, for the next computation that asks for the same
 * number of bytes, so that repeated computations over a panel skip the kernel's page faults and the JDK's zero-fill
 * of fresh memory, which otherwise cost several times what a fast kernel does (a 4,000 × 1,260 column is 40 MB:
 * about 10,000 page faults).
 *
 * <ul>
 *   <li><b>Matching.</b> A loan is served by an idle block of exactly its size (the columns of one panel all have
 *       the same size), else by a new block from its own shared {@link Arena}.</li>
 *   <li><b>Bounds.</b> At most {@link #maxRetainedBytes()} are kept idle; a block given back beyond that, or idle for
 *       longer than {@link #idleTimeout()} (checked whenever the pool is used), is freed. {@link #trim()} frees every
 *       idle block now. A pool of {@code maxRetainedBytes} 0 keeps nothing: every loan is fresh memory and every
 *       return frees it.</li>
 *   <li><b>Accounting.</b> Lent memory counts in {@link NativeMemory#bytesInUse()} (a table that is never closed
 *       shows as a leak); idle memory does not, and {@link #retainedBytes()} reports it.</li>
 *   <li><b>Large pages.</b> Blocks of 2 MiB or more are allocated on large pages where Linux offers them
 *       (transparent huge pages in {@code madvise} or {@code always} mode, and native access enabled for this
 *       module), which cuts a fresh 40 MB column's page faults from about 10,000 to 20 and its TLB misses alike;
 *       {@code -Dquiver.features.largepages=false} turns this off.</li>
 *   <li><b>Contents.</b> Lent memory holds whatever the last borrower wrote: borrowers write before they read.
 *       Memory that a borrower keeps using after giving it back reads another computation's values; it never
 *       faults, since pooled blocks stay mapped.</li>
 * </ul>
 *
 * <p>{@link #shared()} is the process-wide pool the engine uses unless given another; it keeps up to
 * {@value #DEFAULT_RETAINED_MIB} MiB idle for {@value #DEFAULT_IDLE_SECONDS} s, which the system property
 * {@value #RETAIN_PROPERTY} (MiB, 0 to disable pooling) changes.
 *
 * <p>Thread-safety: safe for concurrent use; one lease is closed by its holder, once.
 */
public final class ColumnPool implements ScratchMemory {
    /** The system property giving the shared pool's idle limit in MiB. */
    public static final String RETAIN_PROPERTY = "quiver.features.pool.mib";
    /** The shared pool's default idle limit, in MiB. */
    public static final long DEFAULT_RETAINED_MIB = 2048;
    /** The shared pool's idle timeout, in seconds. */
    public static final long DEFAULT_IDLE_SECONDS = 60;

    private static final ColumnPool SHARED = new ColumnPool(
            Long.getLong(RETAIN_PROPERTY, DEFAULT_RETAINED_MIB) << 20, Duration.ofSeconds(DEFAULT_IDLE_SECONDS));

    private final long maxRetained;
    private final Duration idleTimeout;
    private final long idleNanos;
    private final Map<Long, ArrayDeque<Block>> idle = new HashMap<>();
    private long retained;
    private long lent;
    private long fresh;
    private long reused;

    /** One allocation: its own arena, so that it can be freed on its own. */
    private record Block(Arena arena, MemorySegment memory, long idleSince) {
        Block idleFrom(long now) {
            return new Block(arena, memory, now);
        }
    }

    private ColumnPool(long maxRetainedBytes, Duration idleTimeout) {
        if (maxRetainedBytes < 0) {
            throw new IllegalArgumentException("a pool cannot keep " + maxRetainedBytes + " bytes");
        }
        this.maxRetained = maxRetainedBytes;
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.idleNanos = idleTimeout.toNanos();
    }

    /** The process-wide pool (see the class comment for its limits). */
    public static ColumnPool shared() {
        return SHARED;
    }

    /**
     * A pool of its own.
     *
     * @param maxRetainedBytes the most idle memory it keeps; 0 keeps none
     * @param idleTimeout how long an idle block is kept
     * @throws IllegalArgumentException if {@code maxRetainedBytes} is negative
     */
    public static ColumnPool create(long maxRetainedBytes, Duration idleTimeout) {
        return new ColumnPool(maxRetainedBytes, idleTimeout);
    }

    /** A pool that keeps nothing: every loan is fresh, zeroed memory and every return frees it. */
    public static ColumnPool unpooled() {
        return new ColumnPool(0, Duration.ZERO);
    }

    /**
     * {@inheritDoc}
     *
     * <p>An idle block of exactly {@code bytes} if there is one, else fresh memory.
     */
    @Override
    public Lease lend(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot lend " + bytes + " bytes");
        }
        Block block = null;
        synchronized (this) {
            expire(System.nanoTime());
            ArrayDeque<Block> same = idle.get(bytes);
            if (same != null) {
                block = same.pollLast(); // the most recently used: the likeliest still in a cache
                if (same.isEmpty()) {
                    idle.remove(bytes);
                }
                retained -= bytes;
                reused++;
            } else {
                fresh++;
            }
            lent += bytes;
        }
        if (block == null) {
            Arena arena = Arena.ofShared();
            try {
                block = new Block(arena, LargePages.allocate(arena, bytes), 0);
            } catch (RuntimeException | OutOfMemoryError e) {
                arena.close();
                synchronized (this) {
                    lent -= bytes;
                }
                throw e;
            }
        }
        return new Loan(block, NativeMemory.track(bytes));
    }

    /** Takes a block back, or frees it when the pool is full. */
    private void giveBack(Block block) {
        long bytes = block.memory().byteSize();
        boolean keep;
        synchronized (this) {
            lent -= bytes;
            long now = System.nanoTime();
            expire(now);
            keep = bytes > 0 && retained + bytes <= maxRetained && idleNanos > 0;
            if (keep) {
                idle.computeIfAbsent(bytes, b -> new ArrayDeque<>()).addLast(block.idleFrom(now));
                retained += bytes;
            }
        }
        if (!keep) {
            block.arena().close();
        }
    }

    /** Frees the blocks idle for longer than the timeout. Holds the lock. */
    private void expire(long now) {
        if (retained == 0) {
            return;
        }
        for (Iterator<ArrayDeque<Block>> lists = idle.values().iterator(); lists.hasNext(); ) {
            ArrayDeque<Block> list = lists.next();
            // oldest first: stop at the first block still fresh enough
            while (!list.isEmpty() && now - list.peekFirst().idleSince() > idleNanos) {
                Block b = list.pollFirst();
                retained -= b.memory().byteSize();
                b.arena().close();
            }
            if (list.isEmpty()) {
                lists.remove();
            }
        }
    }

    /** Frees every idle block now. */
    public void trim() {
        synchronized (this) {
            for (ArrayDeque<Block> list : idle.values()) {
                for (Block b : list) {
                    b.arena().close();
                }
            }
            idle.clear();
            retained = 0;
        }
    }

    /** The bytes kept idle, ready to lend. */
    public synchronized long retainedBytes() {
        return retained;
    }

    /** The bytes lent and not yet given back. */
    public synchronized long lentBytes() {
        return lent;
    }

    /** The number of loans served by an idle block since the pool was made. */
    public synchronized long reusedLoans() {
        return reused;
    }

    /** The number of loans served by fresh memory since the pool was made. */
    public synchronized long freshLoans() {
        return fresh;
    }

    /** The most idle memory the pool keeps, in bytes. */
    public long maxRetainedBytes() {
        return maxRetained;
    }

    /** How long an idle block is kept. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    @Override
    public synchronized String toString() {
        return "ColumnPool[lent " + lent + " B, idle " + retained + " of " + maxRetained + " B, " + reused
                + " reused, " + fresh + " fresh]";
    }

    /** One loan of a block. */
    private final class Loan implements Lease {
        private final Block block;
        private final NativeMemory.Handle tracking;
        private final AtomicBoolean closed = new AtomicBoolean();

        Loan(Block block, NativeMemory.Handle tracking) {
            this.block = block;
            this.tracking = tracking;
        }

        @Override
        public MemorySegment segment() {
            return block.memory();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                tracking.release();
                giveBack(block);
            }
        }
    }
}
