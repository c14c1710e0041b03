// Quiver cross-sectional kernels: one thread block per date. Date d's rows are rows[k] for k in
// [dateStarts[d], dateStarts[d+1]), in symbol order (the panel's by-date index); inputs and outputs are columns in
// the panel's symbol-major row order. Every kernel writes every row of its date (NaN where the CPU leaves NaN).
//
// Exactness: the CPU (sdk-features crosssection) sorts each date and sums its values in row order. Here the order
// statistics come from counting comparisons (a value's rank is 1 + the number of smaller values, ties counted
// separately), which gives the same ranks exactly, and every sum is taken in row order by a single thread (the
// moments) or by each thread over its group (neutralisation), so means, deviations and z-scores are those of the
// CPU bit for bit (compiled with --fmad=false: no contracted multiply-adds). Missing values (NaN, +-inf) are staged
// as NaN: every comparison with them is false, so they take part in no count and no sum.

#define QNAN __longlong_as_double(0x7ff8000000000000LL)
#define BLOCK 256
#define TILE 1024
#define PER_THREAD (TILE / BLOCK)

// The value at position k of the date, as the CPU gathers it: finite values with -0.0 made +0.0, else NaN.
__device__ __forceinline__ double staged(const double* __restrict__ x, const int* __restrict__ rows, int k) {
    double v = x[rows[k]];
    return isfinite(v) ? v + 0.0 : QNAN;
}

// Loads positions [base, base + count) of the date (positions relative to its start) into tile[0, count).
__device__ __forceinline__ void load_tile(const double* __restrict__ x, const int* __restrict__ rows, int start,
                                          int base, int count, double* tile) {
    for (int t = threadIdx.x; t < count; t += blockDim.x) tile[t] = staged(x, rows, start + base + t);
}

// xs_rank(ties, pct). ties: 0 average, 1 min, 2 max, 3 dense, 4 ordinal (ties in symbol order). firstScratch: one
// int per row of the panel (by-date position), used by dense ranks to mark the first of each group of equal values.
extern "C" __global__ void xs_rank(const double* __restrict__ x, double* __restrict__ out,
                                   const int* __restrict__ dateStarts, const int* __restrict__ rows, int ties,
                                   int pct, int* __restrict__ firstScratch) {
    __shared__ double tile[TILE];
    __shared__ int counts[2];
    int start = dateStarts[blockIdx.x];
    int width = dateStarts[blockIdx.x + 1] - start;
    if (threadIdx.x == 0) {
        counts[0] = 0;
        counts[1] = 0;
    }
    __syncthreads();
    int finite = 0;
    for (int i = threadIdx.x; i < width; i += blockDim.x) finite += !isnan(staged(x, rows, start + i));
    atomicAdd(&counts[0], finite);
    // pass 1: for each value, how many are smaller, equal, and equal at an earlier position
    for (int batch = 0; batch < width; batch += TILE) {
        double mine[PER_THREAD];
        int less[PER_THREAD], equal[PER_THREAD], before[PER_THREAD];
        for (int r = 0; r < PER_THREAD; r++) {
            int i = batch + threadIdx.x + r * BLOCK;
            mine[r] = i < width ? staged(x, rows, start + i) : QNAN;
            less[r] = 0;
            equal[r] = 0;
            before[r] = 0;
        }
        for (int base = 0; base < width; base += TILE) {
            int count = min(TILE, width - base);
            __syncthreads();
            load_tile(x, rows, start, base, count, tile);
            __syncthreads();
            for (int t = 0; t < count; t++) {
                double v = tile[t];
                int j = base + t;
                for (int r = 0; r < PER_THREAD; r++) {
                    int i = batch + threadIdx.x + r * BLOCK;
                    less[r] += v < mine[r];
                    bool eq = v == mine[r];
                    equal[r] += eq;
                    before[r] += eq && j < i;
                }
            }
        }
        for (int r = 0; r < PER_THREAD; r++) {
            int i = batch + threadIdx.x + r * BLOCK;
            if (i >= width) continue;
            int k = start + i;
            if (isnan(mine[r])) {
                out[rows[k]] = QNAN;
                firstScratch[k] = 0;
                continue;
            }
            firstScratch[k] = before[r] == 0;
            if (ties == 3) {
                out[rows[k]] = 0.0; // written in pass 2
                continue;
            }
            double rank;
            if (ties == 0) rank = (less[r] + 1 + less[r] + equal[r]) * 0.5;
            else if (ties == 1) rank = less[r] + 1;
            else if (ties == 2) rank = less[r] + equal[r];
            else rank = less[r] + before[r] + 1;
            // counts[0] is complete: every thread added to it before the tile loop's first barrier
            double top = counts[0] - 1;
            out[rows[k]] = pct ? (top == 0 ? 0.5 : (rank - 1) / top) : rank;
        }
    }
    if (ties != 3) return;
    // pass 2 (dense): 1 + the number of distinct smaller values, the distinct values being the first of each group
    __syncthreads(); // firstScratch of this date is complete and visible to the block
    int distinct = 0;
    for (int i = threadIdx.x; i < width; i += blockDim.x) distinct += firstScratch[start + i];
    atomicAdd(&counts[1], distinct);
    __shared__ double firsts[TILE];
    for (int batch = 0; batch < width; batch += TILE) {
        double mine[PER_THREAD];
        int dense[PER_THREAD];
        for (int r = 0; r < PER_THREAD; r++) {
            int i = batch + threadIdx.x + r * BLOCK;
            mine[r] = i < width ? staged(x, rows, start + i) : QNAN;
            dense[r] = 0;
        }
        for (int base = 0; base < width; base += TILE) {
            int count = min(TILE, width - base);
            __syncthreads();
            for (int t = threadIdx.x; t < count; t += blockDim.x) {
                firsts[t] = firstScratch[start + base + t] ? staged(x, rows, start + base + t) : QNAN;
            }
            __syncthreads();
            for (int t = 0; t < count; t++) {
                double v = firsts[t];
                for (int r = 0; r < PER_THREAD; r++) dense[r] += v < mine[r];
            }
        }
        __syncthreads();
        double top = counts[1] - 1;
        for (int r = 0; r < PER_THREAD; r++) {
            int i = batch + threadIdx.x + r * BLOCK;
            if (i >= width || isnan(mine[r])) continue;
            double rank = dense[r] + 1;
            out[rows[start + i]] = pct ? (top == 0 ? 0.5 : (rank - 1) / top) : rank;
        }
    }
}

// The date's count, mean (R's: plain mean corrected by the mean residual) and sd (two-pass, divisor m - ddof, exactly
// 0 when all values are equal, NaN when m - ddof < 1), each sum taken in row order by thread 0 over values staged in
// shared memory, as Scratch.mean and Scratch.sd take them. Results in stats[0..2] (shared).
__device__ void date_moments(const double* __restrict__ x, const int* __restrict__ rows, int start, int width,
                             int ddof, double* tile, double* stats) {
    double sum = 0.0, residual = 0.0, ss = 0.0, first = 0.0, mean = 0.0;
    int m = 0;
    bool allEqual = true, haveFirst = false;
    for (int pass = 0; pass < 3; pass++) {
        for (int base = 0; base < width; base += TILE) {
            int count = min(TILE, width - base);
            __syncthreads();
            load_tile(x, rows, start, base, count, tile);
            __syncthreads();
            if (threadIdx.x == 0) {
                for (int t = 0; t < count; t++) {
                    double v = tile[t];
                    if (isnan(v)) continue;
                    if (pass == 0) {
                        sum += v;
                        m++;
                    } else if (pass == 1) {
                        residual += v - mean;
                    } else {
                        if (!haveFirst) {
                            first = v;
                            haveFirst = true;
                        }
                        double dev = v - mean;
                        ss += dev * dev;
                        allEqual &= v == first;
                    }
                }
            }
        }
        if (threadIdx.x == 0) {
            if (pass == 0) mean = sum / m; // NaN for a date without values: no pass adds anything then
            else if (pass == 1) mean = mean + residual / m;
        }
    }
    if (threadIdx.x == 0) {
        stats[0] = m;
        stats[1] = m == 0 ? QNAN : mean;
        stats[2] = m - ddof < 1 ? QNAN : (allEqual ? 0.0 : sqrt(ss / (m - ddof)));
    }
    __syncthreads();
}

// xs_zscore (output 0), xs_demean (1), xs_mean (2), xs_std (3), xs_count (4).
extern "C" __global__ void xs_moments(const double* __restrict__ x, double* __restrict__ out,
                                      const int* __restrict__ dateStarts, const int* __restrict__ rows, int ddof,
                                      int output) {
    __shared__ double tile[TILE];
    __shared__ double stats[3];
    int start = dateStarts[blockIdx.x];
    int width = dateStarts[blockIdx.x + 1] - start;
    date_moments(x, rows, start, width, ddof, tile, stats);
    double m = stats[0], mean = stats[1], sd = stats[2];
    bool usable = sd > 0; // false for 0 and NaN
    for (int i = threadIdx.x; i < width; i += blockDim.x) {
        int k = start + i;
        double v = staged(x, rows, k);
        double y;
        switch (output) {
            case 0: y = isnan(v) ? QNAN : (usable ? (v - mean) / sd : QNAN); break;
            case 1: y = isnan(v) ? QNAN : v - mean; break;
            case 2: y = mean; break;
            case 3: y = sd; break;
            default: y = m; break;
        }
        out[rows[k]] = y;
    }
}

// The type-7 quantile (R's arithmetic, as Quantiles.quantile) from the order statistics at 0-based positions lo and
// hi of the sorted values: q = x[lo], above = x[hi].
__device__ __forceinline__ double quantile7(double q, double above, double index, double lo) {
    if (index > lo && above != q) {
        double h = index - lo;
        q = (1 - h) * q + h * above;
    }
    return q;
}

// xs_winsorize (remove 0) and xs_clip (remove 1) at the date's lower_q and upper_q quantiles. The four order
// statistics the two quantiles need are found by each value's sorted position (smaller values + equal ones before
// it), so no sort is needed.
extern "C" __global__ void xs_quantiles(const double* __restrict__ x, double* __restrict__ out,
                                        const int* __restrict__ dateStarts, const int* __restrict__ rows,
                                        double lowerQ, double upperQ, int remove) {
    __shared__ double tile[TILE];
    __shared__ int finiteCount;
    __shared__ double order[4]; // sorted values at positions want[0..3]
    int start = dateStarts[blockIdx.x];
    int width = dateStarts[blockIdx.x + 1] - start;
    if (threadIdx.x == 0) finiteCount = 0;
    __syncthreads();
    int finite = 0;
    for (int i = threadIdx.x; i < width; i += blockDim.x) finite += !isnan(staged(x, rows, start + i));
    atomicAdd(&finiteCount, finite);
    __syncthreads();
    int m = finiteCount;
    if (m == 0) {
        for (int i = threadIdx.x; i < width; i += blockDim.x) out[rows[start + i]] = QNAN;
        return;
    }
    double indexLo = 1 + (m - 1) * lowerQ, indexHi = 1 + (m - 1) * upperQ;
    double floorLo = floor(indexLo), floorHi = floor(indexHi);
    int want[4] = {(int) floorLo - 1, (int) ceil(indexLo) - 1, (int) floorHi - 1, (int) ceil(indexHi) - 1};
    for (int batch = 0; batch < width; batch += TILE) {
        double mine[PER_THREAD];
        int position[PER_THREAD];
        for (int r = 0; r < PER_THREAD; r++) {
            int i = batch + threadIdx.x + r * BLOCK;
            mine[r] = i < width ? staged(x, rows, start + i) : QNAN;
            position[r] = 0;
        }
        for (int base = 0; base < width; base += TILE) {
            int count = min(TILE, width - base);
            __syncthreads();
            load_tile(x, rows, start, base, count, tile);
            __syncthreads();
            for (int t = 0; t < count; t++) {
                double v = tile[t];
                int j = base + t;
                for (int r = 0; r < PER_THREAD; r++) {
                    int i = batch + threadIdx.x + r * BLOCK;
                    position[r] += v < mine[r] || (v == mine[r] && j < i);
                }
            }
        }
        for (int r = 0; r < PER_THREAD; r++) {
            if (isnan(mine[r])) continue;
            for (int w = 0; w < 4; w++) {
                if (position[r] == want[w]) order[w] = mine[r]; // one value has each position
            }
        }
    }
    __syncthreads();
    double lo = quantile7(order[0], order[1], indexLo, floorLo);
    double hi = quantile7(order[2], order[3], indexHi, floorHi);
    for (int i = threadIdx.x; i < width; i += blockDim.x) {
        int k = start + i;
        double v = staged(x, rows, k);
        double y;
        if (isnan(v)) y = QNAN;
        else if (remove) y = v < lo || v > hi ? QNAN : v;
        else y = v < lo ? lo : (v > hi ? hi : v);
        out[rows[k]] = y;
    }
}

// xs_neutralize(x, group): each value less its (date, group) mean, R's mean: the plain mean corrected by the mean
// residual. Each thread sums its own group over the whole date in row order, so every sum is the CPU's.
extern "C" __global__ void xs_neutralize(const double* __restrict__ x, const double* __restrict__ group,
                                         double* __restrict__ out, const int* __restrict__ dateStarts,
                                         const int* __restrict__ rows) {
    __shared__ double values[TILE / 2];
    __shared__ double groups[TILE / 2];
    const int tileSize = TILE / 2;
    int start = dateStarts[blockIdx.x];
    int width = dateStarts[blockIdx.x + 1] - start;
    for (int batch = 0; batch < width; batch += TILE) {
        double mine[PER_THREAD], myGroup[PER_THREAD], sum[PER_THREAD], residual[PER_THREAD];
        int size[PER_THREAD];
        for (int r = 0; r < PER_THREAD; r++) {
            int i = batch + threadIdx.x + r * BLOCK;
            double v = i < width ? staged(x, rows, start + i) : QNAN;
            double g = i < width ? staged(group, rows, start + i) : QNAN;
            bool ok = !isnan(v) && !isnan(g);
            mine[r] = ok ? v : QNAN;
            myGroup[r] = ok ? g : QNAN; // NaN matches no group
            sum[r] = 0.0;
            residual[r] = 0.0;
            size[r] = 0;
        }
        for (int pass = 0; pass < 2; pass++) {
            double mean[PER_THREAD];
            for (int r = 0; r < PER_THREAD; r++) mean[r] = size[r] == 0 ? 0.0 : sum[r] / size[r];
            for (int base = 0; base < width; base += tileSize) {
                int count = min(tileSize, width - base);
                __syncthreads();
                for (int t = threadIdx.x; t < count; t += blockDim.x) {
                    double v = staged(x, rows, start + base + t);
                    double g = staged(group, rows, start + base + t);
                    bool ok = !isnan(v) && !isnan(g);
                    values[t] = v;
                    groups[t] = ok ? g : QNAN;
                }
                __syncthreads();
                for (int t = 0; t < count; t++) {
                    double v = values[t];
                    double g = groups[t];
                    for (int r = 0; r < PER_THREAD; r++) {
                        if (g == myGroup[r]) {
                            if (pass == 0) {
                                sum[r] += v;
                                size[r]++;
                            } else {
                                residual[r] += v - mean[r];
                            }
                        }
                    }
                }
            }
            if (pass == 1) {
                for (int r = 0; r < PER_THREAD; r++) {
                    int i = batch + threadIdx.x + r * BLOCK;
                    if (i >= width) continue;
                    double y = QNAN;
                    if (!isnan(mine[r])) {
                        double groupMean = mean[r] + residual[r] / size[r];
                        y = mine[r] - groupMean;
                    }
                    out[rows[start + i]] = y;
                }
            }
        }
    }
}
