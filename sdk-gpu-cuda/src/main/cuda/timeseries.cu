// Quiver time-series kernels: one thread per symbol, each walking its own series [start[s], start[s+1]) in time
// order with the arithmetic of the CPU kernels in sdk-features, statement for statement. Compiled with
// --fmad=false, so no multiply-add is contracted into an FMA: every double operation rounds as Java's does, and the
// outputs equal the CPU provider's bit for bit (the tests hold them to that; docs/gpu.md lists the tolerances).
//
// Conventions shared by every kernel: a value is missing when it is NaN or infinite (!isfinite), as in Java's
// !Double.isFinite; outputs not yet defined are NaN. Kernels take the input and output columns in the panel's
// symbol-major row order (the order of the host segments), so no transposition is needed.

#define QNAN __longlong_as_double(0x7ff8000000000000LL)

// Java's Math.max / Math.min on doubles, for finite arguments: -0.0 is below +0.0, whatever the argument order.
__device__ __forceinline__ double jmax(double a, double b) {
    if (a > b) return a;
    if (b > a) return b;
    return __double_as_longlong(a) < 0 ? b : a; // equal: prefer +0.0 over -0.0
}

__device__ __forceinline__ double jmin(double a, double b) {
    if (a < b) return a;
    if (b < a) return b;
    return __double_as_longlong(a) < 0 ? a : b; // equal: prefer -0.0 over +0.0
}

// sma(n): TA-Lib's running sum (SmaColumn): add the new value, divide by n, subtract the value leaving the window;
// a missing value outputs NaN and restarts the sum.
extern "C" __global__ void ts_sma(const double* __restrict__ in, double* __restrict__ out,
                                  const int* __restrict__ starts, int symbols, int n) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= symbols) return;
    int from = starts[s], to = starts[s + 1];
    double partial = 0.0;
    int seen = 0;
    for (int i = from; i < to; i++) {
        double x = in[i];
        if (!isfinite(x)) {
            seen = 0;
            partial = 0.0;
            out[i] = QNAN;
            continue;
        }
        double total = partial + x;
        if (seen < n) seen++;
        if (seen == n) {
            out[i] = total / n;
            partial = total - in[i - n + 1];
        } else {
            partial = total;
            out[i] = QNAN;
        }
    }
}

// var(n, ddof) (output 0), stddev(n, ddof) (output 1): RollingMoments, with the window read back from the input
// column instead of a ring (the ring holds exactly the last n inputs, all finite, of the current run).
extern "C" __global__ void ts_moments(const double* __restrict__ in, double* __restrict__ out,
                                      const int* __restrict__ starts, int symbols, int n, int ddof, int output) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= symbols) return;
    int from = starts[s], to = starts[s + 1];
    const double invN = 1.0 / n;
    const double invDivisor = 1.0 / (n - ddof);
    const double CANCELLATION = 0.00390625; // 2^-8
    const int RESUM_WINDOWS = 16;
    int run = 0, since = 0, centred = 0, equal = 0;
    double last = 0.0, anchor = 0.0, s1 = 0.0, s2 = 0.0, scale = 0.0;
    for (int i = from; i < to; i++) {
        double x = in[i];
        if (!isfinite(x)) {
            run = 0; since = 0; centred = 0; equal = 0;
            s1 = 0.0; s2 = 0.0; scale = 0.0;
            out[i] = QNAN;
            continue;
        }
        if (run == 0) anchor = x;
        double d = x - anchor;
        double o = run == n ? in[i - n] - anchor : 0.0;
        s1 += d - o;
        s2 += (d - o) * (d + o);
        scale += d * d + o * o;
        equal = x == last ? min(equal + 1, n) : 1;
        last = x;
        since++;
        if (run < n && ++run < n) {
            out[i] = QNAN;
            continue;
        }
        if (++centred >= n) {
            double moved = anchor + s1 * invN;
            double delta = moved - anchor;
            anchor = moved;
            s2 -= delta * (2.0 * s1 - n * delta);
            s1 -= n * delta;
            centred = 0;
        }
        double m2 = s2 - s1 * s1 * invN;
        if (since >= RESUM_WINDOWS * n || m2 < scale * CANCELLATION) {
            int oldest = i - n + 1;
            double sum = 0.0;
            for (int k = 0; k < n; k++) sum += in[oldest + k] - anchor;
            anchor += sum * invN;
            double a = 0.0, b = 0.0;
            for (int k = 0; k < n; k++) {
                double e = in[oldest + k] - anchor;
                a += e;
                b += e * e;
            }
            s1 = a; s2 = b; scale = b;
            since = 0; centred = 0;
            m2 = s2 - s1 * s1 * invN;
        }
        bool constant = equal >= n;
        double variance = constant ? 0.0 : jmax(m2, 0.0) * invDivisor;
        out[i] = output == 1 ? sqrt(variance) : variance;
    }
}

// min(n) (sign -1) and max(n) (sign +1): the window's Math.max fold of x * sign, times sign; the CPU gets the same
// value with van Herk / Gil-Werman, the fold being independent of the order of its arguments. Here each full
// window is folded directly: O(n) per row, no per-thread buffer.
extern "C" __global__ void ts_extreme(const double* __restrict__ in, double* __restrict__ out,
                                      const int* __restrict__ starts, int symbols, int n, double sign) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= symbols) return;
    int from = starts[s], to = starts[s + 1];
    int run = 0;
    for (int i = from; i < to; i++) {
        double x = in[i];
        if (!isfinite(x)) {
            run = 0;
            out[i] = QNAN;
            continue;
        }
        if (run < n) run++;
        if (run < n) {
            out[i] = QNAN;
            continue;
        }
        double e = -INFINITY;
        for (int k = i - n + 1; k <= i; k++) e = jmax(e, in[k] * sign);
        out[i] = e * sign;
    }
}

// ema(n): seeded with the mean of the first n finite values ((0 + x0) + x1 + ...)/n, then ((x - ema) * alpha) + ema
// with alpha = 2.0 / (n + 1); a missing value outputs NaN and leaves the state unchanged.
extern "C" __global__ void ts_ema(const double* __restrict__ in, double* __restrict__ out,
                                  const int* __restrict__ starts, int symbols, int n) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= symbols) return;
    int from = starts[s], to = starts[s + 1];
    const double alpha = 2.0 / ((double) (n + 1));
    double ema = 0.0;
    int seen = 0;
    for (int i = from; i < to; i++) {
        double x = in[i];
        double y = QNAN;
        if (isfinite(x)) {
            if (seen == n) {
                ema = ((x - ema) * alpha) + ema;
                y = ema;
            } else {
                ema += x;
                seen++;
                if (seen == n) {
                    ema = ema / n;
                    y = ema;
                }
            }
        }
        out[i] = y;
    }
}

__device__ __forceinline__ double rsi_index(double gain, double loss) {
    double total = gain + loss;
    return total == 0.0 ? 0.0 : 100.0 * (gain / total);
}

// rsi(n): Wilder's, seeded with the means of the first n changes; missing values are skipped (the next change is
// measured from the last finite value).
extern "C" __global__ void ts_rsi(const double* __restrict__ in, double* __restrict__ out,
                                  const int* __restrict__ starts, int symbols, int n) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= symbols) return;
    int from = starts[s], to = starts[s + 1];
    const double keep = n - 1;
    double previous = QNAN;
    int changes = 0;
    double gain = 0.0, loss = 0.0;
    for (int i = from; i < to; i++) {
        double x = in[i];
        double y = QNAN;
        if (isfinite(x)) {
            if (changes == n) {
                double change = x - previous;
                loss = (loss * keep - jmin(change, 0.0)) / n;
                gain = (gain * keep + jmax(change, 0.0)) / n;
                y = rsi_index(gain, loss);
            } else if (!isnan(previous)) {
                double change = x - previous;
                gain += jmax(change, 0.0);
                loss -= jmin(change, 0.0);
                changes++;
                if (changes == n) {
                    loss /= n;
                    gain /= n;
                    y = rsi_index(gain, loss);
                }
            }
            previous = x;
        }
        out[i] = y;
    }
}

__device__ __forceinline__ double true_range(double high, double low, double previousClose) {
    double greatest = high - low;
    double fromHigh = fabs(previousClose - high);
    if (fromHigh > greatest) greatest = fromHigh;
    double fromLow = fabs(previousClose - low);
    if (fromLow > greatest) greatest = fromLow;
    return greatest;
}

// trange (mode 0), atr(n) (mode 1), natr(n) (mode 2): Wilder's true range, its Wilder average seeded with the mean of
// the first n true ranges, and 100 * atr / close. A bar with a missing high, low or close outputs NaN and is skipped.
extern "C" __global__ void ts_atr(const double* __restrict__ high, const double* __restrict__ low,
                                  const double* __restrict__ close, double* __restrict__ out,
                                  const int* __restrict__ starts, int symbols, int n, int mode) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= symbols) return;
    int from = starts[s], to = starts[s + 1];
    const double keep = n - 1;
    double previousClose = QNAN;
    double average = 0.0;
    int seen = 0;
    for (int i = from; i < to; i++) {
        double h = high[i], l = low[i], c = close[i];
        if (!(isfinite(h) && isfinite(l) && isfinite(c))) {
            out[i] = QNAN;
            continue;
        }
        double value = QNAN;
        if (!isnan(previousClose)) {
            double tr = true_range(h, l, previousClose);
            if (mode == 0) {
                value = tr;
            } else {
                if (seen == n) {
                    average = ((average * keep) + tr) / n;
                    value = average;
                } else {
                    average += tr;
                    seen++;
                    if (seen == n) {
                        average = average / n;
                        value = average;
                    }
                }
                if (mode == 2 && !isnan(value)) value = c == 0.0 ? 0.0 : (value / c) * 100.0;
            }
        }
        previousClose = c;
        out[i] = value;
    }
}

// One EMA of MovingAverage.Ema: NaN until n values were added.
struct Ema {
    int n;
    double alpha;
    double value;
    int seen;
};

__device__ __forceinline__ double ema_next(Ema& e, double x) {
    if (e.seen == e.n) {
        e.value = ((x - e.value) * e.alpha) + e.value;
        return e.value;
    }
    e.value += x;
    e.seen++;
    if (e.seen == e.n) {
        e.value = e.value / e.n;
        return e.value;
    }
    return QNAN;
}

// macd(fast, slow, signal): parts macd, signal and hist (three output columns), TA-Lib's seeding: the fast EMA is
// fed from the (slow - fast)-th finite value, so both start on the same row.
extern "C" __global__ void ts_macd(const double* __restrict__ in, double* __restrict__ outMacd,
                                   double* __restrict__ outSignal, double* __restrict__ outHist,
                                   const int* __restrict__ starts, int symbols, int fast, int slow, int signal) {
    int s = blockIdx.x * blockDim.x + threadIdx.x;
    if (s >= symbols) return;
    int from = starts[s], to = starts[s + 1];
    Ema f = {fast, 2.0 / ((double) (fast + 1)), 0.0, 0};
    Ema w = {slow, 2.0 / ((double) (slow + 1)), 0.0, 0};
    Ema g = {signal, 2.0 / ((double) (signal + 1)), 0.0, 0};
    const int fastStart = slow - fast;
    int seen = 0;
    for (int i = from; i < to; i++) {
        double x = in[i];
        double m = QNAN, sg = QNAN, hs = QNAN;
        if (isfinite(x)) {
            double sv = ema_next(w, x);
            double fv = QNAN;
            if (seen < fastStart) {
                seen++;
            } else {
                fv = ema_next(f, x);
            }
            if (!isnan(sv)) {
                double macd = fv - sv;
                double sig = ema_next(g, macd);
                if (!isnan(sig)) {
                    m = macd;
                    sg = sig;
                    hs = macd - sig;
                }
            }
        }
        outMacd[i] = m;
        outSignal[i] = sg;
        outHist[i] = hs;
    }
}
