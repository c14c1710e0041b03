package dev.quiver.features.crosssection;

import dev.quiver.api.table.Panel;
import java.lang.foreign.MemorySegment;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One pass over a panel's dates that computes several cross-sectional kernels at once, each input read once.
 *
 * <p>The panel is stored by symbol (a series' rows contiguous), while a cross-sectional kernel reads by date: read in
 * place, every value of a date is on another cache line and, for long series, another page. So the dates are taken a
 * block at a time (about {@link #BLOCK_ROWS} rows, e.g. 64 dates of 4,000 symbols), and each distinct input column
 * is first copied into a contiguous date-major buffer: symbol by symbol, each symbol's rows of the block read
 * sequentially and written to one position per date (the panel's by-date order: within a date, symbols ascending).
 * The block is long in dates because that copy is bound by the walk over the symbols, one page and a few cache
 * lines each: 64 dates read 512 bytes of each symbol per visit, where 16 read 128 and paid a TLB miss for each. The
 * kernels then compute on contiguous memory into date-major output buffers, which are copied back in one walk over
 * the symbols that writes every output's rows of a symbol together. Inputs shared by several kernels (e.g.
 * {@code xs_rank(close)} and {@code xs_zscore(close)}) are copied once per block.
 *
 * <p>Within a block the dates are computed {@link #GROUP} at a time: first the kernels that compute several dates
 * in one sweep ({@link CrossSectionKernel#computeDates}, e.g. the moments, whose sums are serial chains that the
 * core then runs side by side), then date by date the others, so that kernels of one date that read the same
 * column share its gathered values and its sort ({@link Scratch#gathered}). A date's output rows are filled with
 * {@code NaN} just before a kernel that leaves missing rows unwritten computes it, not block-wide ahead.
 *
 * <p>Blocks are independent, so the result does not depend on the blocking or the thread count. A few workers (one
 * per thread of the pool of the calling task, if any, the plan's pool, else the common pool; run by a parallel
 * stream) take blocks in turn from a shared counter until none is left, each with one set of buffers; small panels,
 * and segments confined to a thread, are computed on the calling thread.
 *
 * <p>Thread-safety: {@link #run} may be called concurrently on disjoint outputs; the only shared state is the
 * concurrent queue of idle block buffers, each held by one worker at a time.
 */
final class DateMajorPass {
    /** Rows per block at most: a 2 MB buffer per input and output, mostly in the L2 and L3 caches. */
    static final int BLOCK_ROWS = 1 << 18;
    /** Below this many rows a panel is computed on the calling thread. */
    private static final int PARALLEL_ROWS = 1 << 15;
    /** Blocks per worker at least, when the dates allow, so that workers finish together. */
    private static final int BLOCKS_PER_WORKER = 4;
    /** Dates per {@link CrossSectionKernel#computeDates} call; blocks hold a multiple of it when they can. */
    static final int GROUP = 4;
    private static final java.lang.foreign.ValueLayout.OfDouble F64 = Scratch.F64;
    /**
     * Idle block buffers, held softly between passes: a pass over a large panel needs a few 2 MB arrays per worker,
     * which the JVM would otherwise allocate (as humongous objects, on fresh pages) and zero every time.
     */
    private static final ConcurrentLinkedQueue<SoftReference<double[]>> IDLE = new ConcurrentLinkedQueue<>();
    /** The most idle block buffers kept. */
    private static final int MAX_IDLE = 16;

    private DateMajorPass() {
    }

    /**
     * Computes the kernels over the panel.
     *
     * @param ins each kernel's input segments (whole columns), checked by the caller
     * @param outs each kernel's output segment (one per kernel), checked by the caller
     */
    static void run(Panel panel, List<CrossSectionKernel> kernels, MemorySegment[][] ins, MemorySegment[][] outs) {
        if (panel.rowCount() == 0 || kernels.isEmpty()) {
            return;
        }
        // the distinct input columns, by identity: a column several kernels read is copied once
        List<MemorySegment> columns = new ArrayList<>();
        int[][] columnOf = new int[kernels.size()][];
        boolean shareable = true;
        for (int k = 0; k < kernels.size(); k++) {
            columnOf[k] = new int[ins[k].length];
            for (int i = 0; i < ins[k].length; i++) {
                int c = indexOf(columns, ins[k][i]);
                if (c < 0) {
                    c = columns.size();
                    columns.add(ins[k][i]);
                    shareable &= Scratch.shareable(ins[k][i]);
                }
                columnOf[k][i] = c;
            }
            shareable &= Scratch.shareable(outs[k][0]);
        }
        int dates = panel.dateCount();
        int maxWidth = 0;
        for (int d = 0; d < dates; d++) {
            maxWidth = Math.max(maxWidth, panel.dateRowEnd(d) - panel.dateRowStart(d));
        }
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        int parallelism = pool.getParallelism();
        boolean parallel = panel.rowCount() >= PARALLEL_ROWS && parallelism > 1 && shareable;
        int blockDates = Math.max(1, BLOCK_ROWS / Math.max(1, maxWidth));
        if (parallel) {
            // enough blocks for every worker to take a few
            int perBlock = (dates + parallelism * BLOCKS_PER_WORKER - 1) / (parallelism * BLOCKS_PER_WORKER);
            blockDates = Math.max(1, Math.min(blockDates, perBlock));
        }
        if (blockDates > GROUP) {
            blockDates -= blockDates % GROUP;
        }
        int blocks = (dates + blockDates - 1) / blockDates;
        int workers = parallel ? Math.min(parallelism, blocks) : 1;
        Job job = new Job(panel, kernels, columns, columnOf, outs, blockDates, maxWidth, new AtomicInteger());
        IntStream all = IntStream.range(0, workers);
        (workers > 1 ? all.parallel() : all).forEach(w -> job.work(blocks));
    }

    /**
     * A block buffer of {@code length} doubles, whatever it holds (every row a block uses is written before it is
     * read): an idle one if there is one of that length, else a new one.
     */
    static double[] borrow(int length) {
        for (SoftReference<double[]> ref; (ref = IDLE.poll()) != null; ) {
            double[] buffer = ref.get();
            if (buffer != null && buffer.length == length) {
                return buffer;
            }
            // cleared, or of another panel's blocks: dropped
        }
        return new double[length];
    }

    /** Keeps block buffers for the next pass, up to {@link #MAX_IDLE}. */
    static void giveBack(double[][] buffers) {
        for (double[] buffer : buffers) {
            if (IDLE.size() < MAX_IDLE) {
                IDLE.offer(new SoftReference<>(buffer));
            }
        }
    }

    private static int indexOf(List<MemorySegment> columns, MemorySegment s) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c) == s) {
                return c;
            }
        }
        return -1;
    }

    /** The pass's fixed inputs, and the counter of the blocks taken. */
    private record Job(Panel panel, List<CrossSectionKernel> kernels, List<MemorySegment> columns, int[][] columnOf,
                       MemorySegment[][] outs, int blockDates, int maxWidth, AtomicInteger taken) {

        /** Computes blocks taken from {@link #taken} until all {@code blocks} are, with one set of buffers. */
        void work(int blocks) {
            int block = taken.getAndIncrement();
            if (block >= blocks) {
                return;
            }
            int capacity = blockDates * maxWidth;
            double[][] in = new double[columns.size()][];
            double[][] out = new double[kernels.size()][];
            for (int c = 0; c < in.length; c++) {
                in[c] = borrow(capacity);
            }
            for (int k = 0; k < out.length; k++) {
                out[k] = borrow(capacity);
            }
            try {
                blocks(block, blocks, capacity, in, out);
            } finally {
                giveBack(in);
                giveBack(out);
            }
        }

        /** {@link #work(int)} from its first block on, with the block buffers it borrowed. */
        private void blocks(int first, int blocks, int capacity, double[][] in, double[][] out) {
            int block = first;
            double[][][] kernelIn = new double[kernels.size()][][];
            for (int k = 0; k < kernels.size(); k++) {
                kernelIn[k] = new double[columnOf[k].length][];
                for (int i = 0; i < columnOf[k].length; i++) {
                    kernelIn[k][i] = in[columnOf[k][i]];
                }
            }
            Scratch scratch = new Scratch(maxWidth);
            int symbols = panel.symbolCount();
            int dates = panel.dateCount();
            boolean balanced = (long) symbols * dates == panel.rowCount();
            int[] starts = new int[symbols];
            for (int s = 0; s < symbols; s++) {
                starts[s] = panel.seriesStart(s);
            }
            // unbalanced: each symbol's next row to copy, its first row at or after date `nextDate`
            int[] next = new int[symbols];
            int nextDate = -1;
            int[] cursor = new int[blockDates];
            // per block: the rows to copy in symbol-major order and each one's position in the date-major buffers
            int[] sourceRow = balanced ? null : new int[capacity];
            int[] position = balanced ? null : new int[capacity];
            MemorySegment[] inputs = columns.toArray(MemorySegment[]::new);
            MemorySegment[] outputs = new MemorySegment[kernels.size()];
            for (int k = 0; k < outputs.length; k++) {
                outputs[k] = outs[k][0];
            }
            for (; block < blocks; block = taken.getAndIncrement()) {
                int d0 = block * blockDates;
                int d1 = Math.min(dates, d0 + blockDates);
                int base = panel.dateRowStart(d0);
                if (balanced) {
                    // every symbol has every date: symbol s's row of date d is starts[s] + d, at (d - d0)·S + s
                    for (int c = 0; c < inputs.length; c++) {
                        copyInBalanced(inputs[c], starts, d0, d1 - d0, in[c]);
                    }
                    computeBlock(kernelIn, out, scratch, d0, d1, base);
                    copyOutBalanced(out, starts, d0, d1 - d0, outputs);
                    continue;
                }
                if (nextDate != d0) {
                    for (int s = 0; s < symbols; s++) {
                        next[s] = firstRowFrom(s, d0);
                    }
                }
                nextDate = d1;
                for (int d = d0; d < d1; d++) {
                    cursor[d - d0] = panel.dateRowStart(d) - base;
                }
                int j = 0;
                for (int s = 0; s < symbols; s++) {
                    int r = next[s];
                    for (int end = panel.seriesEnd(s); r < end; r++) {
                        int d = panel.dateOfRow(r);
                        if (d >= d1) {
                            break;
                        }
                        sourceRow[j] = r;
                        position[j++] = cursor[d - d0]++;
                    }
                    next[s] = r;
                }
                // gather: symbol by symbol, sequential reads, one write per date
                for (int c = 0; c < inputs.length; c++) {
                    copyIn(inputs[c], sourceRow, position, j, in[c]);
                }
                computeBlock(kernelIn, out, scratch, d0, d1, base);
                // scatter: the same walk, writing each symbol's rows sequentially
                for (int k = 0; k < out.length; k++) {
                    copyOut(out[k], sourceRow, position, j, outputs[k]);
                }
            }
        }

        /**
         * Every kernel over dates {@code [d0, d1)} of the block, {@link #GROUP} dates at a time: the kernels that
         * compute several dates at once, then date by date the others, so that a date's rows stay in the L1 cache
         * across them and those that read the same column share its gathered values and its sort.
         */
        private void computeBlock(double[][][] kernelIn, double[][] out, Scratch scratch, int d0, int d1,
                                  int base) {
            int[] offsets = new int[GROUP];
            int[] widths = new int[GROUP];
            for (int g0 = d0; g0 < d1; g0 += GROUP) {
                int count = Math.min(GROUP, d1 - g0);
                for (int i = 0; i < count; i++) {
                    offsets[i] = panel.dateRowStart(g0 + i) - base;
                    widths[i] = panel.dateRowEnd(g0 + i) - base - offsets[i];
                }
                for (int k = 0; k < kernels.size(); k++) {
                    if (kernels.get(k).datesAtOnce()) {
                        kernels.get(k).computeDates(kernelIn[k], offsets, widths, count, out[k]);
                    }
                }
                for (int i = 0; i < count; i++) {
                    scratch.forget(); // the buffers hold another block's values at the same offsets
                    for (int k = 0; k < kernels.size(); k++) {
                        CrossSectionKernel kernel = kernels.get(k);
                        if (kernel.datesAtOnce()) {
                            continue;
                        }
                        if (!kernel.writesEveryRow()) {
                            Arrays.fill(out[k], offsets[i], offsets[i] + widths[i], Double.NaN);
                        }
                        kernel.computeDate(kernelIn[k], offsets[i], widths[i], out[k], scratch);
                    }
                }
            }
        }

        private static void copyInBalanced(MemorySegment x, int[] starts, int d0, int dates, double[] block) {
            int symbols = starts.length;
            for (int s = 0; s < symbols; s++) {
                long row = (long) starts[s] + d0;
                for (int t = 0, at = s; t < dates; t++, at += symbols) {
                    block[at] = x.getAtIndex(F64, row + t);
                }
            }
        }

        /** Every output's rows of a symbol in turn, so that the walk visits each symbol's pages once. */
        private static void copyOutBalanced(double[][] blocks, int[] starts, int d0, int dates, MemorySegment[] ys) {
            int symbols = starts.length;
            for (int s = 0; s < symbols; s++) {
                long row = (long) starts[s] + d0;
                for (int k = 0; k < ys.length; k++) {
                    double[] block = blocks[k];
                    MemorySegment y = ys[k];
                    for (int t = 0, at = s; t < dates; t++, at += symbols) {
                        y.setAtIndex(F64, row + t, block[at]);
                    }
                }
            }
        }

        private static void copyIn(MemorySegment x, int[] sourceRow, int[] position, int count, double[] block) {
            for (int j = 0; j < count; j++) {
                block[position[j]] = x.getAtIndex(F64, sourceRow[j]);
            }
        }

        private static void copyOut(double[] block, int[] sourceRow, int[] position, int count, MemorySegment y) {
            for (int j = 0; j < count; j++) {
                y.setAtIndex(F64, sourceRow[j], block[position[j]]);
            }
        }

        /** The first row of symbol {@code s} whose date is {@code date} or later (its series end if none). */
        private int firstRowFrom(int s, int date) {
            int lo = panel.seriesStart(s);
            int hi = panel.seriesEnd(s);
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (panel.dateOfRow(mid) < date) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
