package dev.quiver.features.vector;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.api.provider.Availability;
import dev.quiver.api.provider.VectorSupport;
import dev.quiver.features.averages.Ema;
import dev.quiver.features.averages.Sma;
import dev.quiver.features.momentum.Rsi;
import dev.quiver.features.volatility.Atr;
import dev.quiver.features.volatility.TrueRange;
import java.util.List;

/**
 * The {@code vector} feature provider: kernels written with the Vector API ({@code jdk.incubator.vector}) for the
 * hot operators, preferred over the {@code scalar} reference (priority 100) wherever it is available. It computes
 * {@code sma}, {@code ema}, {@code rsi}, {@code trange}, {@code atr} and {@code natr}; every other operator comes from
 * the scalar provider.
 *
 * <h2>Kernels and how they compare with the scalar reference</h2>
 * <ul>
 *   <li><b>{@code sma}</b> is vectorised along time within each series: the window sum of a block of
 *       {@code L} rows ({@code L} = the preferred vector's lane count, 8 doubles with AVX-512) is the previous sum
 *       plus an in-register prefix sum of {@code x[i] − x[i−n]}. Its first value after each warm-up (and after each
 *       missing value) is the scalar kernel's exactly; the others are rounded in a different order, so they differ
 *       from the scalar kernel's (and TA-Lib's) by at most about {@code 2k·2⁻⁵²·max|x|}, {@code k} rows after the
 *       run's first value: within {@link #SMA_RELATIVE_TOLERANCE} of the value for price series up to a few
 *       thousand rows. Its incremental form is the scalar one, so batch and incremental agree within that
 *       tolerance, not bit for bit.</li>
 *   <li><b>{@code ema}, {@code rsi}, {@code trange}, {@code atr}, {@code natr}</b> are recursive (or, for
 *       {@code trange}, carry the last complete close across missing bars) and cannot be vectorised along time, so
 *       {@link FeatureKernel#computeSymbols computeSymbols(panel, first, end, ...)} (which the engine calls for each
 *       group of symbols, and {@code compute(panel, ...)} for all of them) runs {@code L} symbols at once, one per
 *       lane: blocks of the series are transposed into a time-major scratch block, stepped through time (one
 *       contiguous vector load and store per step) with lane masks for missing values, warm-up and series of unequal lengths, and copied
 *       back. Each lane performs the scalar kernel's operations in the same order, so the outputs equal the scalar
 *       kernel's (and TA-Lib's) <b>bit for bit</b>, however the symbols are grouped. {@code computeSeries} (one
 *       series) and the incremental form are the scalar kernel's.</li>
 * </ul>
 *
 * <h2>Vector width</h2>
 * The kernels use the CPU's preferred vector size, at most 512 bits (8 doubles).
 * {@code -Dquiver.features.vector.bits=128|256|512} fixes another width this CPU has: the build tests the kernels at
 * each (a width wider than the CPU's makes the provider unavailable, and its tests skip saying so), and a narrower
 * vector can be faster on CPUs that split wide ones in two. A width chosen this way is used even below 256 bits.
 *
 * <h2>Availability</h2>
 * Like Lucene's {@code VectorizationProvider}, the probe checks that {@code jdk.incubator.vector} is in the module
 * graph, that the JVM is HotSpot with C2 enabled (not {@code -Xint}, not {@code -XX:TieredStopAtLevel=1}), and that
 * the CPU's preferred vector holds at least 256 bits; otherwise the provider is unavailable, the scalar provider
 * computes everything, and discovery logs one line saying why and to {@value dev.quiver.api.provider.VectorSupport#HOW_TO_ENABLE}. No Vector API
 * class is loaded before the module check succeeds, so the scalar path never links {@code jdk.incubator.vector}.
 *
 * <p>Registered for {@link java.util.ServiceLoader} in {@code module-info} and {@code META-INF/services}.
 *
 * <p>Thread-safety: immutable (the probe runs once per process); safe to share between threads. Its kernels are
 * immutable; {@code compute} allocates its scratch buffers per call.
 */
public final class VectorKernelProvider implements FeatureKernelProvider {
    /** The provider's name. */
    public static final String NAME = "vector";

    /**
     * The relative tolerance within which the vector {@code sma} equals the scalar one on price series of up to a few
     * thousand rows: {@code |vector − scalar| ≤ 1e-12 · |scalar|}.
     */
    public static final double SMA_RELATIVE_TOLERANCE = 1e-12;

    /** The least vector size, in bits, at which the kernels beat scalar loops. */
    static final int MIN_VECTOR_BITS = 256;

    private static final List<OperatorDescriptor> OPERATORS = List.of(Sma.DESCRIPTOR, Ema.DESCRIPTOR, Rsi.DESCRIPTOR,
            TrueRange.DESCRIPTOR, Atr.DESCRIPTOR, Atr.NATR_DESCRIPTOR);

    /** The provider; does no work (ServiceLoader calls this). */
    public VectorKernelProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Vector API (SIMD) kernels: sma along time; ema, rsi, trange, atr and natr across symbols";
    }

    /** {@inheritDoc} Never throws: a failure while probing makes the provider unavailable. */
    @Override
    public Availability availability() {
        return Probe.RESULT;
    }

    @Override
    public List<OperatorDescriptor> operators() {
        return OPERATORS;
    }

    /**
     * {@inheritDoc}
     *
     * <p>An empty {@code inputs} list means the operator's default columns.
     *
     * @throws IllegalArgumentException naming the operator and the problem: it is unknown, the parameters were bound
     *     to other declarations, or the number of inputs is wrong
     * @throws IllegalStateException if the provider is unavailable here (see {@link #availability()})
     */
    @Override
    public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("the vector provider is unavailable here: " + a.reason()
                    + (a.howToEnable().isEmpty() ? "" : " (to enable it: " + a.howToEnable() + ")"));
        }
        // the first reference to a class that links jdk.incubator.vector
        return VectorKernels.CATALOG.create(operatorName, params, inputs);
    }

    @Override
    public String toString() {
        return "VectorKernelProvider[" + NAME + "]";
    }

    /** The probe, run once on first use. */
    private static final class Probe {
        static final Availability RESULT = probe();

        private static Availability probe() {
            try {
                Availability runtime = VectorSupport.availability(VectorKernelProvider.class);
                if (!runtime.available()) {
                    return runtime;
                }
                // the module is there: now its classes may be touched
                int requested = VectorKernels.REQUESTED_BITS;
                if (requested < 0) {
                    return Availability.unavailable("-D" + VectorKernels.BITS_PROPERTY + "="
                            + System.getProperty(VectorKernels.BITS_PROPERTY) + " is not a vector width: give 128, "
                            + "256 or 512");
                }
                if (requested > 0) {
                    int max = VectorKernels.maxBits();
                    return requested <= max ? Availability.AVAILABLE
                            : Availability.unavailable("-D" + VectorKernels.BITS_PROPERTY + "=" + requested
                            + " asks for wider vectors than this CPU's, which hold at most " + max + " bits");
                }
                int bits = VectorKernels.preferredBits();
                if (bits < MIN_VECTOR_BITS) {
                    return Availability.unavailable("the CPU's preferred vector holds " + bits + " bits; the vector "
                            + "kernels need " + MIN_VECTOR_BITS + " or more to beat scalar loops");
                }
                return Availability.AVAILABLE;
            } catch (RuntimeException | LinkageError e) {
                return Availability.unavailable("probing the Vector API failed: " + e);
            }
        }
    }
}
