// Quiver correlation kernels: Pearson correlations of strategies as a tiled product Z Z^T of standardised rows, with
// each row's k best correlations kept on the device, so the full N x N matrix is never stored or copied back.
//
// Arithmetic, as sdk-portfolio's StandardizedRows and Correlations (compiled with --fmad=false, so only the explicit
// fma() below is fused): each row is centred on its mean (a plain sum in day order divided by the day count) and
// scaled by 1/sqrt of its sum of squares; a constant row becomes zeros (correlation 0 with every other); a
// correlation is the sum of fma(z_a[d], z_b[d], sum) in day order, clamped to [-1, 1] when reported. The values
// equal the CPU's StandardizedRows.dot bit for bit.

#define TILE_ROWS 64   // rows of a block's tile (the rows it owns)
#define TILE_COLS 64   // columns of one step
#define DAY_CHUNK 8    // days staged per step (the shared tiles stay within 48 KiB)
#define THREADS 256    // 16 x 16, each thread a 4 x 4 micro-tile

// One thread per strategy: z (strategy-major, strategies x days) and whether the strategy is constant.
extern "C" __global__ void corr_standardize(const double* __restrict__ values, double* __restrict__ z,
                                            int strategies, int days) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= strategies) return;
    const double* v = values + (long long) s * days;
    double* out = z + (long long) s * days;
    double mean = 0;
    for (int d = 0; d < days; d++) mean += v[d];
    mean /= days;
    double ss = 0;
    for (int d = 0; d < days; d++) {
        double c = v[d] - mean;
        ss += c * c;
    }
    if (ss > 0) {
        double scale = 1 / sqrt(ss);
        for (int d = 0; d < days; d++) out[d] = (v[d] - mean) * scale;
    } else {
        for (int d = 0; d < days; d++) out[d] = 0.0;
    }
}

// The score a row ranks its correlations by: order 0 highest, 1 lowest (most negative), 2 absolute.
__device__ __forceinline__ double score(double c, int order) {
    return order == 0 ? c : (order == 1 ? -c : fabs(c));
}

// Each block owns TILE_ROWS rows and walks every column tile; each row's k best correlations (by score, ties to the
// lower column) are kept sorted in topValue/topIndex (k per row, global memory), with topCount the number held.
extern "C" __global__ void corr_topk(const double* __restrict__ z, int strategies, int days, int k, int order,
                                     double* __restrict__ topValue, int* __restrict__ topIndex,
                                     int* __restrict__ topCount) {
    __shared__ double a[DAY_CHUNK][TILE_ROWS + 1];
    __shared__ double b[DAY_CHUNK][TILE_COLS + 1];
    __shared__ double c[TILE_ROWS][TILE_COLS + 1];
    int row0 = blockIdx.x * TILE_ROWS;
    int tx = threadIdx.x % 16, ty = threadIdx.x / 16;
    for (int r = threadIdx.x; r < TILE_ROWS; r += THREADS) {
        if (row0 + r < strategies) topCount[row0 + r] = 0;
    }
    for (int col0 = 0; col0 < strategies; col0 += TILE_COLS) {
        double acc[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) acc[i][j] = 0.0;
        for (int d0 = 0; d0 < days; d0 += DAY_CHUNK) {
            int chunk = min(DAY_CHUNK, days - d0);
            __syncthreads();
            for (int e = threadIdx.x; e < DAY_CHUNK * TILE_ROWS; e += THREADS) {
                int r = e / DAY_CHUNK, d = e % DAY_CHUNK;
                int gr = row0 + r, gc = col0 + r;
                a[d][r] = gr < strategies && d < chunk ? z[(long long) gr * days + d0 + d] : 0.0;
                b[d][r] = gc < strategies && d < chunk ? z[(long long) gc * days + d0 + d] : 0.0;
            }
            __syncthreads();
            for (int d = 0; d < chunk; d++) { // day order: each sum is the CPU's fma chain
                double ar[4], bc[4];
                for (int i = 0; i < 4; i++) ar[i] = a[d][ty * 4 + i];
                for (int j = 0; j < 4; j++) bc[j] = b[d][tx * 4 + j];
                for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) acc[i][j] = fma(ar[i], bc[j], acc[i][j]);
            }
        }
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) c[ty * 4 + i][tx * 4 + j] = acc[i][j];
        __syncthreads();
        // one thread per row merges the tile's columns, in column order, into the row's sorted list
        for (int r = threadIdx.x; r < TILE_ROWS; r += THREADS) {
            int row = row0 + r;
            if (row >= strategies) continue;
            double* values = topValue + (long long) row * k;
            int* indices = topIndex + (long long) row * k;
            int held = topCount[row];
            for (int t = 0; t < TILE_COLS; t++) {
                int col = col0 + t;
                if (col >= strategies) break;
                if (col == row) continue;
                double value = c[r][t];
                double s = score(value, order);
                // an equal score with a higher column stays out
                if (held == k && !(s > score(values[k - 1], order))) continue;
                int at = held < k ? held : k - 1;
                while (at > 0 && score(values[at - 1], order) < s) { // equal scores keep their lower columns first
                    values[at] = values[at - 1];
                    indices[at] = indices[at - 1];
                    at--;
                }
                values[at] = value;
                indices[at] = col;
                if (held < k) held++;
            }
            topCount[row] = held;
        }
    }
}
