package dev.quiver.gpu.cuda.execution;

import dev.quiver.api.table.Panel;
import dev.quiver.gpu.cuda.kernel.DeviceApi;

/**
 * A panel's two indexes on the device, uploaded once per plan run: the first row of each symbol (symbol count + 1
 * ints) for the time-series kernels, and the by-date index (date count + 1 offsets, and the rows in by-date order)
 * for the cross-sectional ones, only when the plan has any; and the rank kernels' scratch, made on first use.
 *
 * <p>Thread-safety: not thread-safe; belongs to one plan run.
 */
final class DeviceIndex {
    private final Allocations memory;
    private final Panel panel;
    private final int symbols;
    private final int dates;
    private final long starts;
    private long dateStarts;
    private long dateRows;
    private long rankScratch;

    DeviceIndex(Allocations memory, DeviceApi device, Panel panel, boolean byDate) {
        this.memory = memory;
        this.panel = panel;
        this.symbols = panel.symbolCount();
        int[] s = new int[symbols + 1];
        for (int i = 0; i < symbols; i++) {
            s[i] = panel.seriesStart(i);
        }
        s[symbols] = panel.rowCount();
        starts = memory.alloc((long) s.length * Integer.BYTES);
        device.upload(s, starts);
        if (byDate) {
            dates = panel.dateCount();
            int[] offsets = new int[dates + 1];
            for (int d = 0; d < dates; d++) {
                offsets[d] = panel.dateRowStart(d);
            }
            offsets[dates] = panel.rowCount();
            int[] rows = new int[panel.rowCount()];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = panel.dateRow(k);
            }
            dateStarts = memory.alloc((long) offsets.length * Integer.BYTES);
            device.upload(offsets, dateStarts);
            dateRows = memory.alloc((long) rows.length * Integer.BYTES);
            device.upload(rows, dateRows);
        } else {
            dates = 0;
        }
    }

    int symbols() {
        return symbols;
    }

    int dates() {
        return dates;
    }

    long starts() {
        return starts;
    }

    long dateStarts() {
        return dateStarts;
    }

    long dateRows() {
        return dateRows;
    }

    /** One int per row, for {@code xs_rank}'s first-of-equal-values marks (each date uses its own rows). */
    long rankScratch(DeviceApi device) {
        if (rankScratch == 0) {
            rankScratch = memory.alloc((long) panel.rowCount() * Integer.BYTES);
        }
        return rankScratch;
    }
}
