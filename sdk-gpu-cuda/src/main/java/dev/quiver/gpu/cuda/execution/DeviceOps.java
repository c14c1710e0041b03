package dev.quiver.gpu.cuda.execution;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.param.Params;
import dev.quiver.gpu.cuda.kernel.DeviceApi;
import dev.quiver.gpu.cuda.kernel.KernelArgs;
import dev.quiver.gpu.cuda.kernel.KernelSources;
import java.util.Optional;
import java.util.Set;

/**
 * Which of sdk-features' operators have a CUDA kernel, and how each is launched. An operator is recognised by its
 * descriptor's name and family and by the provider that made it (the built-in {@code scalar} and {@code vector}
 * providers, whose kernels give identical values); a plugin's operator of the same name is not assumed to compute
 * the same thing and is refused.
 *
 * <ul>
 *   <li>time series, one thread per symbol ({@code timeseries.cu}): {@code sma}, {@code ema}, {@code stddev},
 *       {@code var}, {@code min}, {@code max}, {@code rsi}, {@code trange}, {@code atr}, {@code natr},
 *       {@code macd};</li>
 *   <li>cross-sectional, one block per date ({@code crosssection.cu}): {@code xs_rank} (every tie mode, pct),
 *       {@code xs_zscore}, {@code xs_demean}, {@code xs_mean}, {@code xs_std}, {@code xs_count},
 *       {@code xs_winsorize}, {@code xs_clip}, {@code xs_neutralize}.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class DeviceOps {
    /** The providers whose operators the kernels reproduce. */
    static final Set<String> BUILT_IN_PROVIDERS = Set.of("scalar", "vector");
    /** The operators with a kernel, as {@code family/name}. */
    static final Set<String> SUPPORTED = Set.of("averages/sma", "averages/ema", "volatility/stddev",
            "volatility/var", "statistics/min", "statistics/max", "momentum/rsi", "volatility/trange",
            "volatility/atr", "volatility/natr", "momentum/macd", "crosssection/xs_rank", "crosssection/xs_zscore",
            "crosssection/xs_demean", "crosssection/xs_mean", "crosssection/xs_std", "crosssection/xs_count",
            "crosssection/xs_winsorize", "crosssection/xs_clip", "crosssection/xs_neutralize");
    static final int SERIES_THREADS = 128;
    static final int DATE_THREADS = 256; // crosssection.cu's BLOCK

    private DeviceOps() {
    }

    /** Why a kernel cannot run on the device, or empty when it can. */
    static Optional<String> refusal(FeatureKernel kernel, String provider) {
        String op = kernel.descriptor().family() + "/" + kernel.descriptor().name();
        if (!SUPPORTED.contains(op)) {
            return Optional.of("operator " + kernel.descriptor().name() + " (" + kernel.outputs().get(0)
                    + ") has no CUDA kernel");
        }
        if (!BUILT_IN_PROVIDERS.contains(provider)) {
            return Optional.of("operator " + kernel.descriptor().name() + " comes from provider '" + provider
                    + "', whose arithmetic the CUDA kernels do not reproduce");
        }
        return Optional.empty();
    }

    /** Whether the kernel needs the rank scratch (one int per row). */
    static boolean needsRankScratch(FeatureKernel kernel) {
        return kernel.descriptor().name().equals("xs_rank");
    }

    /**
     * Issues the kernel's launch.
     *
     * @param in the device buffers of its inputs, in {@link FeatureKernel#inputs()} order
     * @param out the device buffers of its outputs, in {@link FeatureKernel#outputs()} order
     */
    static void launch(DeviceApi device, FeatureKernel kernel, long[] in, long[] out, DeviceIndex index) {
        Params p = kernel.params();
        String name = kernel.descriptor().name();
        int seriesBlocks = (index.symbols() + SERIES_THREADS - 1) / SERIES_THREADS;
        String ts = KernelSources.TIME_SERIES;
        String xs = KernelSources.CROSS_SECTION;
        switch (name) {
            case "sma" -> device.launch(ts, "ts_sma", seriesBlocks, SERIES_THREADS, series(in[0], out[0], index)
                    .i(p.getInt("n")));
            case "ema" -> device.launch(ts, "ts_ema", seriesBlocks, SERIES_THREADS, series(in[0], out[0], index)
                    .i(p.getInt("n")));
            case "var", "stddev" -> device.launch(ts, "ts_moments", seriesBlocks, SERIES_THREADS,
                    series(in[0], out[0], index).i(p.getInt("n")).i(p.getInt("ddof")).i(name.equals("var") ? 0 : 1));
            case "min", "max" -> device.launch(ts, "ts_extreme", seriesBlocks, SERIES_THREADS,
                    series(in[0], out[0], index).i(p.getInt("n")).d(name.equals("max") ? 1.0 : -1.0));
            case "rsi" -> device.launch(ts, "ts_rsi", seriesBlocks, SERIES_THREADS, series(in[0], out[0], index)
                    .i(p.getInt("n")));
            case "trange", "atr", "natr" -> device.launch(ts, "ts_atr", seriesBlocks, SERIES_THREADS,
                    new KernelArgs().buffer(in[0]).buffer(in[1]).buffer(in[2]).buffer(out[0])
                            .buffer(index.starts()).i(index.symbols())
                            .i(name.equals("trange") ? 1 : p.getInt("n"))
                            .i(switch (name) {
                                case "trange" -> 0;
                                case "atr" -> 1;
                                default -> 2;
                            }));
            case "macd" -> device.launch(ts, "ts_macd", seriesBlocks, SERIES_THREADS,
                    new KernelArgs().buffer(in[0]).buffer(out[0]).buffer(out[1]).buffer(out[2])
                            .buffer(index.starts()).i(index.symbols())
                            .i(p.getInt("fast")).i(p.getInt("slow")).i(p.getInt("signal")));
            case "xs_rank" -> device.launch(xs, "xs_rank", index.dates(), DATE_THREADS,
                    dates(in[0], out[0], index).i(ties(p.getChoice("ties"))).i(p.getBoolean("pct") ? 1 : 0)
                            .buffer(index.rankScratch(device)));
            case "xs_zscore", "xs_demean", "xs_mean", "xs_std", "xs_count" -> device.launch(xs, "xs_moments",
                    index.dates(), DATE_THREADS, dates(in[0], out[0], index)
                            .i(p.asMap().containsKey("ddof") ? p.getInt("ddof") : 0)
                            .i(switch (name) {
                                case "xs_zscore" -> 0;
                                case "xs_demean" -> 1;
                                case "xs_mean" -> 2;
                                case "xs_std" -> 3;
                                default -> 4;
                            }));
            case "xs_winsorize", "xs_clip" -> device.launch(xs, "xs_quantiles", index.dates(), DATE_THREADS,
                    dates(in[0], out[0], index).d(p.getDouble("lower_q")).d(p.getDouble("upper_q"))
                            .i(name.equals("xs_clip") ? 1 : 0));
            case "xs_neutralize" -> device.launch(xs, "xs_neutralize", index.dates(), DATE_THREADS,
                    new KernelArgs().buffer(in[0]).buffer(in[1]).buffer(out[0]).buffer(index.dateStarts())
                            .buffer(index.dateRows()));
            default -> throw new IllegalStateException("no CUDA kernel for operator " + name);
        }
    }

    private static KernelArgs series(long in, long out, DeviceIndex index) {
        return new KernelArgs().buffer(in).buffer(out).buffer(index.starts()).i(index.symbols());
    }

    private static KernelArgs dates(long in, long out, DeviceIndex index) {
        return new KernelArgs().buffer(in).buffer(out).buffer(index.dateStarts()).buffer(index.dateRows());
    }

    /** crosssection.cu's tie codes. */
    static int ties(String mode) {
        return switch (mode) {
            case "average" -> 0;
            case "min" -> 1;
            case "max" -> 2;
            case "dense" -> 3;
            case "ordinal" -> 4;
            default -> throw new IllegalArgumentException("xs_rank: unknown ties method '" + mode + "'");
        };
    }
}
