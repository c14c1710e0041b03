package dev.quiver.features.crosssection;

import dev.quiver.api.table.Panel;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * One pass over a panel's dates that computes several cross-sectional kernels at once, each input read once.
 *
 * <p>The panel is stored by symbol (a series' rows contiguous), while a cross-sectional kernel reads by date: read in
 * place, every value of a date is on another cache line and, for long series, another page. So the dates are taken a
 * block at a time ({@link #BLOCK_ROWS} rows, e.g. 16 dates of 4,000 symbols), and each distinct input column is first
 * copied into a contiguous date-major buffer: symbol by symbol, each symbol's rows of the block read sequentially
 * and written to one position per date (the panel's by-date order: within a date, symbols ascending). The kernels
 * then compute date after date on contiguous memory into date-major output buffers (pre-filled with {@code NaN}),
 * which are copied back the same way. Inputs shared by several kernels (e.g. {@code xs_rank(close)} and
 * {@code xs_zscore(close)}) are copied once per block.
 *
 * <p>Blocks are independent, so the result does not depend on the blocking or the thread count. The dates are split
 * into a few contiguous ranges per thread, run by a parallel stream, which forks into the pool of the calling task,
 * if any (the plan's pool), else the common pool; each range reuses one set of buffers for all its blocks. Small
 * panels, and segments confined to a thread, are computed on the calling thread.
 *
 * <p>Thread-safety: stateless; {@link #run} may be called concurrently on disjoint outputs.
 */
final class DateMajorPass {
    /** Rows per block: one 512 KB buffer per input and per output, which stays in a core's L2 cache. */
    static final int BLOCK_ROWS = 1 << 16;
    /** Below this many rows a panel is computed on the calling thread. */
    private static final int PARALLEL_ROWS = 1 << 15;
    /** Date ranges per thread, for balance. */
    private static final int RANGES_PER_THREAD = 4;
    private static final java.lang.foreign.ValueLayout.OfDouble F64 = Scratch.F64;

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
        int blockDates = Math.max(1, BLOCK_ROWS / Math.max(1, maxWidth));
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        int parallelism = pool.getParallelism();
        int ranges = 1;
        if (panel.rowCount() >= PARALLEL_ROWS && parallelism > 1 && shareable) {
            ranges = Math.min(parallelism * RANGES_PER_THREAD, (dates + blockDates - 1) / blockDates);
        }
        Job job = new Job(panel, kernels, columns, columnOf, outs, blockDates, maxWidth);
        int count = Math.max(1, ranges);
        IntStream all = IntStream.range(0, count);
        (count > 1 ? all.parallel() : all).forEach(r -> job.dates((int) ((long) dates * r / count),
                (int) ((long) dates * (r + 1) / count)));
    }

    private static int indexOf(List<MemorySegment> columns, MemorySegment s) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c) == s) {
                return c;
            }
        }
        return -1;
    }

    /** The pass's fixed inputs. */
    private record Job(Panel panel, List<CrossSectionKernel> kernels, List<MemorySegment> columns, int[][] columnOf,
                       MemorySegment[][] outs, int blockDates, int maxWidth) {

        /** Computes dates {@code [from, to)}, block by block, with one set of buffers. */
        void dates(int from, int to) {
            if (from >= to) {
                return;
            }
            int capacity = blockDates * maxWidth;
            double[][] in = new double[columns.size()][capacity];
            double[][] out = new double[kernels.size()][capacity];
            double[][][] kernelIn = new double[kernels.size()][][];
            for (int k = 0; k < kernels.size(); k++) {
                kernelIn[k] = new double[columnOf[k].length][];
                for (int i = 0; i < columnOf[k].length; i++) {
                    kernelIn[k][i] = in[columnOf[k][i]];
                }
            }
            Scratch scratch = new Scratch(maxWidth);
            int symbols = panel.symbolCount();
            boolean balanced = (long) symbols * panel.dateCount() == panel.rowCount();
            int[] starts = new int[symbols];
            for (int s = 0; s < symbols; s++) {
                starts[s] = panel.seriesStart(s);
            }
            // each symbol's next row to copy: its first row at or after date `from`, then advanced block by block
            int[] next = new int[symbols];
            for (int s = 0; s < symbols; s++) {
                next[s] = firstRowFrom(s, from);
            }
            int[] cursor = new int[blockDates];
            // per block: the rows to copy in symbol-major order and each one's position in the date-major buffers
            int[] sourceRow = new int[capacity];
            int[] position = new int[capacity];
            MemorySegment[] inputs = columns.toArray(MemorySegment[]::new);
            for (int d0 = from; d0 < to; d0 += blockDates) {
                int d1 = Math.min(to, d0 + blockDates);
                int base = panel.dateRowStart(d0);
                int rows = panel.dateRowEnd(d1 - 1) - base;
                for (int d = d0; d < d1; d++) {
                    cursor[d - d0] = panel.dateRowStart(d) - base;
                }
                if (balanced) {
                    // every symbol has every date: symbol s's row of date d is starts[s] + d, at (d - d0)·S + s
                    for (int c = 0; c < inputs.length; c++) {
                        copyInBalanced(inputs[c], starts, d0, d1 - d0, in[c]);
                    }
                    computeBlock(in, out, kernelIn, scratch, d0, d1, base, rows);
                    for (int k = 0; k < out.length; k++) {
                        copyOutBalanced(out[k], starts, d0, d1 - d0, outs[k][0]);
                    }
                    continue;
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
                computeBlock(in, out, kernelIn, scratch, d0, d1, base, rows);
                // scatter: the same walk, writing each symbol's rows sequentially
                for (int k = 0; k < out.length; k++) {
                    copyOut(out[k], sourceRow, position, j, outs[k][0]);
                }
            }
        }

        /**
         * Every kernel over dates {@code [d0, d1)} of the block, date by date: a date's rows stay in the L1 cache
         * across its kernels, and kernels of the date that read the same column share its gathered values and its
         * sort ({@link Scratch#gathered}).
         */
        private void computeBlock(double[][] in, double[][] out, double[][][] kernelIn, Scratch scratch, int d0,
                                  int d1, int base, int rows) {
            for (double[] o : out) {
                Arrays.fill(o, 0, rows, Double.NaN);
            }
            for (int d = d0; d < d1; d++) {
                int offset = panel.dateRowStart(d) - base;
                int width = panel.dateRowEnd(d) - base - offset;
                scratch.forget(); // the buffers hold another block's values at the same offsets
                for (int k = 0; k < kernels.size(); k++) {
                    kernels.get(k).computeDate(kernelIn[k], offset, width, out[k], scratch);
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

        private static void copyOutBalanced(double[] block, int[] starts, int d0, int dates, MemorySegment y) {
            int symbols = starts.length;
            for (int s = 0; s < symbols; s++) {
                long row = (long) starts[s] + d0;
                for (int t = 0, at = s; t < dates; t++, at += symbols) {
                    y.setAtIndex(F64, row + t, block[at]);
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
