package dev.quiver.features;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Chooses, for each operator that more than one available provider computes, the provider whose kernel is fastest
 * on this machine: the cost model behind {@link FeatureEngine#provider(String)}. A provider's priority says which
 * kernel its author expects to be faster; this class uses measured costs instead, where it has them.
 *
 * <h2>What is measured</h2>
 * Each candidate's kernel (default parameters and inputs) computes a calibration panel of 16 series of 1,024 bars (a
 * seeded random walk, positive prices and volumes) with {@link FeatureKernel#computeSymbols computeSymbols}, the call
 * the CPU executor makes for each group of symbols. Each candidate first runs for its warm-up (500 ms by default, and
 * on while it keeps getting faster, up to ten times that), so that the JIT has compiled it; then the candidates run
 * in alternating rounds, each keeping its fastest call, until none has improved by 1% for 25 rounds (after at least
 * 40), within 3 s: interleaving and the minimum keep the comparison fair on a machine busy with other work. The cost is nanoseconds per output value. The most preferred
 * candidate (highest priority) keeps the operator unless another is at least 5% faster, so near-ties do not flip.
 * Single series are computed with {@link FeatureKernel#computeSeries}, the scalar loop in every built-in provider,
 * so the panel shape is the one the choice matters for.
 *
 * <h2>Why costs are measured ahead, not on first use</h2>
 * Vector API kernels reach their speed only once C2 has compiled them, which takes from a fraction of a second to
 * several seconds on a busy 2-core machine; until then they run many times slower than the scalar loops (measured on
 * AMD EPYC with AVX-512: the vector {@code ema} at 16 ns a value in its first second, 1.0 ns afterwards, against the
 * scalar loop's 2.4 ns). A choice timed on first use would pick the scalar kernel for the wrong reason. So
 * {@link #shared()} uses the costs of a calibration run ({@link #calibrate}, {@code quiver calibrate}) kept in the
 * cost file, and the providers' priorities where there are none; {@value #MODE_PROPERTY}{@code =measure} (or
 * {@link #measuring}) measures on first use instead, for long-running processes that accept that cost.
 *
 * <h2>Where costs are kept</h2>
 * In memory and in a properties file ({@value #FILE_PROPERTY}, by default
 * {@code ~/.cache/quiver/kernel-costs.properties}; {@code none} keeps them in memory only), written to a temporary
 * file and renamed. The file records a fingerprint of the machine (CPU model, core count, architecture), the JDK and
 * sdk-features' code ({@link CodeHash}); a file with another fingerprint, or one that cannot be read, is ignored (and
 * rewritten by the next calibration), so a new JDK, CPU or Quiver build goes back to the priorities until calibrated
 * again.
 *
 * <h2>Overrides</h2>
 * Resolution in {@link FeatureEngine} consults, in order: {@code quiver.features.provider} (one provider for every
 * operator it implements), {@code quiver.features.provider.<operator>} (for example
 * {@code -Dquiver.features.provider.rsi=scalar}) or {@link FeatureEngine.Builder#provider(String, String)}, then this
 * model. {@value #MODE_PROPERTY}{@code =priority} (or {@link #priorities()}) ignores measured costs altogether.
 *
 * <p>Thread-safety: thread-safe. An operator's choice is made once per instance, by the first thread that needs it,
 * while others asking for the same operator wait.
 */
public final class KernelCosts {
    /** The system property naming the cost file, or {@code none}. */
    public static final String FILE_PROPERTY = "quiver.features.costs.file";
    /**
     * The system property choosing the mode: {@code file} (the default: costs from the cost file, else priorities),
     * {@code measure} (measure on first use) or {@code priority}.
     */
    public static final String MODE_PROPERTY = "quiver.features.costs";
    /** How long each candidate runs before it is timed, unless given. */
    public static final Duration DEFAULT_WARM_UP = Duration.ofMillis(500);

    static final int SYMBOLS = 16;
    static final int ROWS = 1_024;
    static final int MIN_ROUNDS = 40;
    static final int STABLE_ROUNDS = 25;
    static final double IMPROVEMENT = 0.01;
    static final int MAX_MILLIS = 3_000;
    static final int MARGIN_PERCENT = 5;

    private static final System.Logger LOG = System.getLogger(KernelCosts.class.getName());
    private static final KernelCosts PRIORITIES = new KernelCosts(false, false, null, DEFAULT_WARM_UP);
    private static volatile KernelCosts shared;

    /**
     * One operator's choice: the provider that computes it, each candidate's measured cost in nanoseconds per
     * output value, and where the figures came from ({@code measured} now, {@code file}, or {@code priority} when
     * there are none).
     */
    public record Choice(String operator, String provider, Map<String, Double> nanosPerValue, String source) {
        /** Validates and copies. */
        public Choice {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(provider, "provider");
            nanosPerValue = Collections.unmodifiableMap(new LinkedHashMap<>(nanosPerValue));
            Objects.requireNonNull(source, "source");
        }

        /**
         * One line for logs and {@code quiver providers}, such as
         * {@code rsi: vector (vector 3.23 ns, scalar 5.55 ns per value; file)}.
         */
        public String describe() {
            StringBuilder b = new StringBuilder(operator).append(": ").append(provider).append(" (");
            if (nanosPerValue.isEmpty()) {
                return b.append("no measured costs; ").append(source).append(')').toString();
            }
            String sep = "";
            for (Map.Entry<String, Double> e : nanosPerValue.entrySet()) {
                b.append(sep).append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f ns", e.getValue()));
                sep = ", ";
            }
            return b.append(" per value; ").append(source).append(')').toString();
        }
    }

    private final boolean useCosts;
    private final boolean measureOnFirstUse;
    private final Path file;
    private final Duration warmUp;
    private final Map<String, Choice> choices = new ConcurrentHashMap<>();
    private final Object fileLock = new Object();
    private volatile Map<String, Double> stored;

    private KernelCosts(boolean useCosts, boolean measureOnFirstUse, Path file, Duration warmUp) {
        this.useCosts = useCosts;
        this.measureOnFirstUse = measureOnFirstUse;
        this.file = file;
        this.warmUp = warmUp;
    }

    /** The process-wide model: as {@value #MODE_PROPERTY} says, over the file {@value #FILE_PROPERTY} names. */
    public static KernelCosts shared() {
        KernelCosts s = shared;
        if (s == null) {
            synchronized (KernelCosts.class) {
                s = shared;
                if (s == null) {
                    s = fromProperties(System::getProperty);
                    shared = s;
                }
            }
        }
        return s;
    }

    /** A model that ignores costs: each operator goes to its most preferred provider. */
    public static KernelCosts priorities() {
        return PRIORITIES;
    }

    /**
     * A model that uses the costs in this file (read once) and the priorities where it has none, and that
     * {@link #calibrate} writes to; it never measures on its own.
     */
    public static KernelCosts persistent(Path file) {
        return new KernelCosts(true, false, Objects.requireNonNull(file, "file").toAbsolutePath(), DEFAULT_WARM_UP);
    }

    /**
     * A model that measures each operator the first time it is asked for one without a known cost, warming each
     * candidate up for {@code warmUp} first, and keeps the costs in {@code file} (in memory only when it is null).
     */
    public static KernelCosts measuring(Path file, Duration warmUp) {
        if (Objects.requireNonNull(warmUp, "warmUp").isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative: " + warmUp);
        }
        return new KernelCosts(true, true, file == null ? null : file.toAbsolutePath(), warmUp);
    }

    static KernelCosts fromProperties(UnaryOperator<String> properties) {
        String mode = Objects.requireNonNullElse(properties.apply(MODE_PROPERTY), "file").trim()
                .toLowerCase(Locale.ROOT);
        if (mode.equals("priority")) {
            return PRIORITIES;
        }
        if (!mode.equals("file") && !mode.equals("measure")) {
            throw new IllegalArgumentException("-D" + MODE_PROPERTY + "=" + mode
                    + ": expected 'file', 'measure' or 'priority'");
        }
        Path path = defaultFile(properties);
        if (mode.equals("measure")) {
            return measuring(path, DEFAULT_WARM_UP);
        }
        return path == null ? PRIORITIES : persistent(path);
    }

    /**
     * The cost file of this process: the one {@value #FILE_PROPERTY} names, else
     * {@code ~/.cache/quiver/kernel-costs.properties}; empty if the property is {@code none}.
     */
    public static java.util.Optional<Path> defaultFile() {
        return java.util.Optional.ofNullable(defaultFile(System::getProperty));
    }

    /** The cost file the properties name ({@value #FILE_PROPERTY}, else under {@code ~/.cache/quiver}), or null. */
    static Path defaultFile(UnaryOperator<String> properties) {
        String f = properties.apply(FILE_PROPERTY);
        if (f != null && f.trim().equalsIgnoreCase("none")) {
            return null;
        }
        if (f == null || f.isBlank()) {
            String home = properties.apply("user.home");
            return home == null || home.isBlank() ? null
                    : Path.of(home, ".cache", "quiver", "kernel-costs.properties");
        }
        return Path.of(f.trim());
    }

    /**
     * Measures every operator that more than one of these providers computes (the available ones), stores the
     * costs (in this model's file, if it has one) and returns the choices; {@code progress} hears each step (done,
     * total, operator). Every operator's kernels are first only warmed up, all of them before any is timed: that
     * pass compiles the code the kernels share, which would otherwise make the first operator measured look slow;
     * the second pass warms each up again and times it. Choices this
     * model made before keep their provider for its
     * lifetime; the new costs serve models created afterwards (the next process).
     *
     * @throws IllegalStateException for {@link #priorities()}, which keeps no costs
     */
    public List<Choice> calibrate(Collection<? extends FeatureKernelProvider> providers, Duration warmUp,
                                  Progress progress) {
        if (!useCosts) {
            throw new IllegalStateException("the priority model keeps no costs: calibrate a persistent model");
        }
        Map<String, List<FeatureKernelProvider>> byOperator = new TreeMap<>();
        List<FeatureKernelProvider> ordered = new ArrayList<>(providers);
        ordered.sort(java.util.Comparator.comparingInt(FeatureKernelProvider::priority).reversed());
        for (FeatureKernelProvider p : ordered) {
            if (!p.availability().available()) {
                continue;
            }
            for (var d : p.operators()) {
                byOperator.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(p);
            }
        }
        byOperator.values().removeIf(list -> list.size() < 2);
        // a first pass runs every kernel, so that code they share is compiled before any of them is timed
        int total = 2 * byOperator.size();
        int done = 0;
        for (Map.Entry<String, List<FeatureKernelProvider>> e : byOperator.entrySet()) {
            progress.step(done++, total, e.getKey() + " (warm-up)");
            run(e.getKey(), e.getValue(), warmUp, false);
        }
        List<Choice> result = new ArrayList<>();
        for (Map.Entry<String, List<FeatureKernelProvider>> e : byOperator.entrySet()) {
            progress.step(done, total, e.getKey());
            Map<String, Double> costs = measure(e.getKey(), e.getValue(), warmUp);
            store(e.getKey(), costs);
            result.add(decide(e.getKey(), costs, e.getValue(), "measured"));
            done++;
        }
        progress.step(done, total, "");
        return result;
    }

    /** Hears a calibration's progress. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} operators measured; {@code next} is being measured now (empty at the end). */
        void step(int done, int total, String next);
    }

    /** Whether this model measures on first use ({@link #measuring}). */
    public boolean measuresOnFirstUse() {
        return measureOnFirstUse;
    }

    /**
     * The provider for an operator among those that compute it, most preferred first.
     *
     * @param operator the operator's name
     * @param capable the available providers that compute it, in preference order (not empty)
     * @throws IllegalArgumentException if {@code capable} is empty
     */
    public FeatureKernelProvider choose(String operator, List<? extends FeatureKernelProvider> capable) {
        if (capable.isEmpty()) {
            throw new IllegalArgumentException("no provider computes operator '" + operator + "'");
        }
        if (!useCosts || capable.size() == 1) {
            return capable.get(0);
        }
        String key = key(operator, capable);
        Choice c = choices.computeIfAbsent(key, k -> decide(operator, capable));
        for (FeatureKernelProvider p : capable) {
            if (p.name().equals(c.provider())) {
                return p;
            }
        }
        return capable.get(0);
    }

    /** The choices made so far, by operator (what {@code quiver providers} lists). */
    public List<Choice> choices() {
        List<Choice> list = new ArrayList<>(choices.values());
        list.sort(java.util.Comparator.comparing(Choice::operator));
        return list;
    }

    /** The cost file, if this model keeps one. */
    public java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(file);
    }

    private static String key(String operator, List<? extends FeatureKernelProvider> capable) {
        StringBuilder b = new StringBuilder(operator);
        for (FeatureKernelProvider p : capable) {
            b.append('|').append(p.name());
        }
        return b.toString();
    }

    private Choice decide(String operator, List<? extends FeatureKernelProvider> capable) {
        Map<String, Double> costs = new LinkedHashMap<>();
        String source = "file";
        Map<String, Double> known = storedCosts();
        for (FeatureKernelProvider p : capable) {
            Double ns = known.get(operator + "." + p.name());
            if (ns == null) {
                costs = null;
                break;
            }
            costs.put(p.name(), ns);
        }
        if (costs == null) {
            if (!measureOnFirstUse) {
                return new Choice(operator, capable.get(0).name(), Map.of(), "priority");
            }
            try {
                costs = measure(operator, capable, warmUp);
                source = "measured";
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "features: could not measure the kernels of '" + operator
                        + "'; using the most preferred provider, " + capable.get(0).name() + ": " + e);
                return new Choice(operator, capable.get(0).name(), Map.of(), "priority, measurement failed");
            }
            store(operator, costs);
        }
        return decide(operator, costs, capable, source);
    }

    /** The choice these costs make: the most preferred candidate unless another is at least the margin faster. */
    private static Choice decide(String operator, Map<String, Double> costs,
                                 List<? extends FeatureKernelProvider> capable, String source) {
        String best = capable.get(0).name();
        double bestCost = costs.get(best);
        for (FeatureKernelProvider p : capable) {
            double c = costs.get(p.name());
            if (c < bestCost * (1 - MARGIN_PERCENT / 100.0)) {
                best = p.name();
                bestCost = c;
            }
        }
        Choice choice = new Choice(operator, best, costs, source);
        LOG.log(System.Logger.Level.DEBUG, () -> "features: " + choice.describe());
        return choice;
    }

    /** Each candidate's cost in nanoseconds per output value, timed as the class comment says. */
    static Map<String, Double> measure(String operator, List<? extends FeatureKernelProvider> capable,
                                       Duration warmUp) {
        return run(operator, capable, warmUp, true);
    }

    /** Warms each candidate up and, if {@code time}, times them; the costs, or an empty map when not timed. */
    private static Map<String, Double> run(String operator, List<? extends FeatureKernelProvider> capable,
                                           Duration warmUp, boolean time) {
        List<FeatureKernel> kernels = new ArrayList<>();
        for (FeatureKernelProvider p : capable) {
            Params defaults = Params.bind(p.operator(operator).orElseThrow(() -> new IllegalArgumentException(
                    "provider '" + p.name() + "' does not describe operator '" + operator + "'")).params(), Map.of());
            kernels.add(p.create(operator, defaults, List.of()));
        }
        try (Arena arena = Arena.ofConfined()) {
            Calibration cal = Calibration.create(kernels.get(0), arena);
            for (FeatureKernel k : kernels) {
                if (!k.inputs().equals(kernels.get(0).inputs()) || k.outputs().size() != cal.out.length) {
                    throw new IllegalStateException("the providers' kernels for '" + operator
                            + "' read or write different columns: " + k.inputs() + " " + k.outputs());
                }
            }
            for (FeatureKernel k : kernels) {
                warm(cal, k, warmUp);
            }
            if (!time) {
                return Map.of();
            }
            // alternate the candidates until every one's fastest call has stopped improving (the JIT has compiled
            // them all, and a busy machine has given each some quiet calls), within a time budget
            long[] best = new long[kernels.size()];
            java.util.Arrays.fill(best, Long.MAX_VALUE);
            long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000L;
            int stable = 0;
            for (int round = 0; round < MIN_ROUNDS || stable < STABLE_ROUNDS; round++) {
                boolean improved = false;
                for (int i = 0; i < kernels.size(); i++) {
                    long t = cal.run(kernels.get(i));
                    if (t < best[i] * (1 - IMPROVEMENT)) {
                        improved = true;
                    }
                    best[i] = Math.min(best[i], t);
                }
                stable = improved ? 0 : stable + 1;
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            Map<String, Double> costs = new LinkedHashMap<>();
            double values = (double) ROWS * SYMBOLS * cal.out.length;
            for (int i = 0; i < kernels.size(); i++) {
                costs.put(capable.get(i).name(), best[i] / values);
            }
            return costs;
        }
    }

    /**
     * Runs a kernel for at least {@code warmUp}, and on until its fastest call has not improved by 1% for half that
     * long (the JIT may still be compiling it), but for no more than ten times {@code warmUp}.
     */
    private static void warm(Calibration cal, FeatureKernel kernel, Duration warmUp) {
        long start = System.nanoTime();
        long span = warmUp.toNanos();
        long best = Long.MAX_VALUE;
        long improved = start;
        long now;
        do {
            long t = cal.run(kernel);
            now = System.nanoTime();
            if (t < best * (1 - IMPROVEMENT)) {
                improved = now;
            }
            best = Math.min(best, t);
        } while (now - start < 10 * span && (now - start < span || now - improved < span / 2));
    }

    /** The calibration panel and a kernel's input and output segments over it. */
    private record Calibration(Panel panel, MemorySegment[] in, MemorySegment[] out) {
        static Calibration create(FeatureKernel kernel, Arena arena) {
            int n = SYMBOLS * ROWS;
            String[] symbols = new String[n];
            long[] times = new long[n];
            double[] close = new double[n];
            double[] spread = new double[n];
            SplittableRandom random = new SplittableRandom(20_241_203L);
            for (int s = 0; s < SYMBOLS; s++) {
                double price = 50 + s;
                for (int i = 0; i < ROWS; i++) {
                    int r = s * ROWS + i;
                    symbols[r] = String.format(Locale.ROOT, "s%03d", s);
                    times[r] = i;
                    price *= Math.exp(0.02 * (random.nextDouble() - 0.5));
                    close[r] = price;
                    spread[r] = 0.01 * random.nextDouble();
                }
            }
            Table table = TableBuilder.onHeap().string("symbol", symbols).int64("time", times).build();
            Panel panel = Panel.of(table, "symbol", "time");
            List<String> names = kernel.inputs();
            MemorySegment[] in = new MemorySegment[names.size()];
            for (int c = 0; c < in.length; c++) {
                String name = names.get(c).toLowerCase(Locale.ROOT);
                MemorySegment seg = arena.allocate((long) n * Double.BYTES, Double.BYTES);
                for (int r = 0; r < n; r++) {
                    double v = close[r];
                    if (name.contains("high")) {
                        v *= 1 + spread[r];
                    } else if (name.contains("low")) {
                        v *= 1 - spread[r];
                    } else if (name.contains("open")) {
                        v *= 1 + spread[r] / 2;
                    } else if (name.contains("volume")) {
                        v = 1e6 * (1 + spread[r] * 50);
                    }
                    seg.setAtIndex(ValueLayout.JAVA_DOUBLE, r, v);
                }
                in[c] = seg;
            }
            MemorySegment[] out = new MemorySegment[kernel.outputs().size()];
            for (int c = 0; c < out.length; c++) {
                out[c] = arena.allocate((long) n * Double.BYTES, Double.BYTES);
            }
            return new Calibration(panel, in, out);
        }

        long run(FeatureKernel kernel) {
            long t0 = System.nanoTime();
            kernel.computeSymbols(panel, 0, SYMBOLS, in, out);
            return System.nanoTime() - t0;
        }
    }

    // ---- the cost file ----

    private Map<String, Double> storedCosts() {
        Map<String, Double> s = stored;
        if (s != null) {
            return s;
        }
        synchronized (fileLock) {
            if (stored == null) {
                stored = read();
            }
            return stored;
        }
    }

    private Map<String, Double> read() {
        Map<String, Double> costs = new TreeMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return costs;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "features: ignoring the kernel cost file " + file
                    + ", which cannot be read: " + e);
            return costs;
        }
        if (!fingerprint().equals(p.getProperty("fingerprint"))) {
            return costs; // another machine, JDK or build: measure again
        }
        for (String name : p.stringPropertyNames()) {
            if (name.equals("fingerprint")) {
                continue;
            }
            String v = p.getProperty(name);
            try {
                double ns = Double.parseDouble(v);
                if (ns > 0 && Double.isFinite(ns)) {
                    costs.put(name, ns);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            LOG.log(System.Logger.Level.WARNING, "features: ignoring the kernel cost file " + file + ": key '"
                    + name + "' has value '" + v + "', not a positive number of nanoseconds");
            return new TreeMap<>();
        }
        return costs;
    }

    private void store(String operator, Map<String, Double> costs) {
        synchronized (fileLock) {
            Map<String, Double> next = new TreeMap<>(storedCosts());
            for (Map.Entry<String, Double> e : costs.entrySet()) {
                next.put(operator + "." + e.getKey(), e.getValue());
            }
            stored = next;
            if (file == null) {
                return;
            }
            Properties p = new Properties();
            p.setProperty("fingerprint", fingerprint());
            for (Map.Entry<String, Double> e : next.entrySet()) {
                p.setProperty(e.getKey(), Double.toString(e.getValue()));
            }
            Path tmp = null;
            try {
                Files.createDirectories(file.getParent());
                tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    p.store(out, "Quiver kernel costs, ns per output value (KernelCosts); delete to measure again");
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
                tmp = null;
            } catch (IOException | SecurityException e) {
                LOG.log(System.Logger.Level.WARNING, "features: could not write the kernel cost file " + file
                        + " (costs stay in memory for this process): " + e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
            }
        }
    }

    /** The machine, the JDK and the kernels' code: what a cost depends on. */
    static String fingerprint() {
        return Fingerprint.VALUE;
    }

    private static final class Fingerprint {
        static final String VALUE = compute();

        private static String compute() {
            String cpu = "unknown";
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        cpu = line.substring(line.indexOf(':') + 1).trim();
                        break;
                    }
                }
            } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
                // not Linux: the architecture and core count still distinguish most machines
            }
            List<Class<?>> code = List.of(KernelCosts.class, ScalarKernelProvider.class);
            return String.join("|", cpu, System.getProperty("os.arch", "?"),
                    Integer.toString(Runtime.getRuntime().availableProcessors()),
                    System.getProperty("java.vm.version", "?"), CodeHash.of(code)).replace('\n', ' ');
        }
    }
}
