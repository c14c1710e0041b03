package dev.quiver.api.provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, probes, orders and chooses the providers of one SPI. Every Quiver SPI is resolved through this one class,
 * so they all behave alike:
 * <ol>
 *   <li><b>Loading.</b> Providers come from {@link ServiceLoader} (registered in {@code module-info} and in
 *       {@code META-INF/services}) or from an explicit list. A provider that fails to load or to construct is
 *       logged and listed as unavailable; it does not stop the others.</li>
 *   <li><b>Probing.</b> Each provider's {@link QuiverProvider#availability()} is asked once; a probe that throws
 *       counts as unavailable.</li>
 *   <li><b>Ordering.</b> By {@link QuiverProvider#priority()} descending, then by {@link QuiverProvider#name()};
 *       never by class-path order.</li>
 *   <li><b>Explicit choice.</b> The system property {@code quiver.<spi>.provider} or else the environment variable
 *       {@code QUIVER_<SPI>_PROVIDER} names the provider to use for every request it can serve ({@code auto} or
 *       empty means no choice). An unknown name, or a chosen provider that is unavailable, is an error that lists
 *       the providers there are.</li>
 *   <li><b>Fallback.</b> When a higher-priority provider is unavailable and a lower one is chosen instead, one line
 *       is logged (once per process) saying why and how to enable the faster one.</li>
 * </ol>
 *
 * <pre>{@code
 * FeatureKernelProvider p = ProviderDiscovery.load("features", FeatureKernelProvider.class).select();
 * }</pre>
 *
 * <p>Thread-safety: an instance loads and probes its providers once, when built, and is immutable afterwards;
 * it is safe to share between threads.
 *
 * @param <P> the SPI type
 */
public final class ProviderDiscovery<P extends QuiverProvider> {
    private static final System.Logger LOG = System.getLogger(ProviderDiscovery.class.getName());
    private static final Set<String> LOGGED_ONCE = ConcurrentHashMap.newKeySet();
    // the class name in ServiceLoader's messages: "Provider X not found", "X not a subtype", "class X is not public"...
    private static final Pattern PROVIDER_CLASS = Pattern.compile("Provider (\\S+)|Unable to load (\\S+)"
            + "|: (?:class )?(\\S+) (?:not a subtype|is not public|Unable to get public no-arg constructor)");
    private static final int MAX_CONSECUTIVE_FAILURES = 64;

    private final String spi;
    private final List<Loaded<P>> ordered;
    private final List<ProviderInfo> failures;
    private final String explicitChoice;
    private final String explicitSource;
    private final Consumer<String> log;
    private final Set<String> loggedOnce;

    private ProviderDiscovery(Builder<P> b) {
        this.spi = b.spi;
        this.log = b.log != null ? b.log : line -> LOG.log(System.Logger.Level.INFO, line);
        // "once per process" for the default log; a custom sink (a test's) gets its own memory
        this.loggedOnce = b.log != null ? ConcurrentHashMap.newKeySet() : LOGGED_ONCE;
        List<ProviderInfo> failed = new ArrayList<>();
        List<P> instances = b.explicit != null ? instantiate(b.explicit, failed) : loadServices(b, failed);
        instances.addAll(b.additional);
        Map<String, Loaded<P>> byName = new LinkedHashMap<>();
        for (P p : instances) {
            Loaded<P> loaded = probe(p);
            Loaded<P> previous = byName.putIfAbsent(loaded.info.name(), loaded);
            if (previous != null && previous.info.implementation().equals(loaded.info.implementation())) {
                // the same provider registered twice (a services file and an application's plugin list): not a clash
                continue;
            }
            if (previous != null) {
                Loaded<P> keep = ORDER.compare(previous, loaded) <= 0 ? previous : loaded;
                byName.put(keep.info.name(), keep);
                warn(spi + ": two providers are named '" + loaded.info.name() + "' (" + previous.info.implementation()
                        + ", " + loaded.info.implementation() + "); using " + keep.info.implementation());
            }
        }
        List<Loaded<P>> sorted = new ArrayList<>(byName.values());
        sorted.sort(ORDER);
        this.ordered = List.copyOf(sorted);
        this.failures = List.copyOf(failed);
        String property = b.systemProperties.apply(propertyName(spi));
        String env = b.environment.apply(environmentVariable(spi));
        String choice = null;
        String source = null;
        if (property != null && !property.isBlank()) {
            choice = property.trim();
            source = "system property " + propertyName(spi);
        } else if (env != null && !env.isBlank()) {
            choice = env.trim();
            source = "environment variable " + environmentVariable(spi);
        }
        if (choice != null && choice.equalsIgnoreCase("auto")) {
            choice = null;
        }
        this.explicitChoice = choice == null ? null : choice.toLowerCase(Locale.ROOT);
        this.explicitSource = source;
    }

    private static final Comparator<Loaded<?>> ORDER = Comparator
            .comparingInt((Loaded<?> l) -> l.info.priority()).reversed()
            .thenComparing(l -> l.info.name())
            // only same-named duplicates get this far: keep one by class name, never by class-path order
            .thenComparing(l -> l.info.implementation());

    /**
     * Discovers the providers of an SPI with {@link ServiceLoader}, using the thread's context class loader if it has
     * one, else the SPI type's.
     *
     * @param spi the SPI's short name, used in property names and messages ({@code cache}, {@code features},
     *     {@code backtest}, {@code store})
     * @param type the SPI type
     */
    public static <P extends QuiverProvider> ProviderDiscovery<P> load(String spi, Class<P> type) {
        return builder(spi, type).build();
    }

    /** A builder, for a custom class loader or an explicit provider list. */
    public static <P extends QuiverProvider> Builder<P> builder(String spi, Class<P> type) {
        return new Builder<>(spi, type);
    }

    /** The system property that chooses a provider of this SPI: {@code quiver.<spi>.provider}. */
    public static String propertyName(String spi) {
        return "quiver." + spi + ".provider";
    }

    /** The environment variable that chooses a provider of this SPI: {@code QUIVER_<SPI>_PROVIDER}. */
    public static String environmentVariable(String spi) {
        return "QUIVER_" + spi.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + "_PROVIDER";
    }

    /** The SPI's short name. */
    public String spi() {
        return spi;
    }

    /** The explicitly chosen provider name, if a property or environment variable sets one. */
    public Optional<String> explicitChoice() {
        return Optional.ofNullable(explicitChoice);
    }

    /**
     * Every provider found, in preference order, with providers that failed to load last: for listings such as
     * {@code quiver providers}.
     */
    public List<ProviderInfo> describe() {
        List<ProviderInfo> all = new ArrayList<>();
        for (Loaded<P> l : ordered) {
            all.add(l.info);
        }
        all.addAll(failures);
        return List.copyOf(all);
    }

    /** The available providers in preference order. */
    public List<P> available() {
        List<P> result = new ArrayList<>();
        for (Loaded<P> l : ordered) {
            if (l.info.available()) {
                result.add(l.provider);
            }
        }
        return List.copyOf(result);
    }

    /**
     * The explicitly chosen provider if one is set, else the most preferred available one.
     *
     * @throws ProviderNotFoundException if the chosen name is unknown or unavailable, or if no provider is available
     */
    public P select() {
        return select(p -> true, "any request");
    }

    /**
     * The provider for a request that needs a capability: the explicitly chosen provider if it has the capability,
     * else the most preferred available provider that has it.
     *
     * @param capable tests a provider's capability (e.g. that it implements an operator)
     * @param request what is needed, for messages (e.g. {@code "operator 'rsi'"})
     * @throws ProviderNotFoundException if the chosen name is unknown or unavailable, or no available provider is
     *     capable
     */
    public P select(Predicate<? super P> capable, String request) {
        if (explicitChoice != null) {
            Loaded<P> chosen = find(explicitChoice).orElseThrow(() -> new ProviderNotFoundException(
                    "unknown " + spi + " provider '" + explicitChoice + "' (set by " + explicitSource + "); "
                            + listing()));
            if (!chosen.info.available()) {
                throw new ProviderNotFoundException(spi + " provider '" + explicitChoice + "' (set by "
                        + explicitSource + ") is unavailable here: " + chosen.info.availability().reason()
                        + howTo(chosen.info.availability()) + "; " + listing());
            }
            if (capable.test(chosen.provider)) {
                return chosen.provider;
            }
            Loaded<P> other = firstCapable(capable, request);
            logOnce(spi + ":" + explicitChoice + ":" + request, spi + ": provider '" + explicitChoice + "' (set by "
                    + explicitSource + ") cannot serve " + request + "; using '" + other.info.name() + "'");
            return other.provider;
        }
        Loaded<P> best = firstCapable(capable, request);
        for (Loaded<P> l : ordered) {
            if (l == best) {
                break;
            }
            if (!l.info.available() && l.info.priority() > best.info.priority()) {
                Availability a = l.info.availability();
                logOnce(spi + ":" + l.info.name() + ":fallback", spi + ": provider '" + l.info.name()
                        + "' is unavailable (" + a.reason() + "); using '" + best.info.name() + "'"
                        + (a.howToEnable().isEmpty() ? "" : ". To enable '" + l.info.name() + "': " + a.howToEnable()));
                break;
            }
        }
        return best.provider;
    }

    /**
     * The named provider.
     *
     * @throws ProviderNotFoundException if no provider has this name or it is unavailable; the message lists the
     *     providers there are
     */
    public P get(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        Loaded<P> l = find(key).orElseThrow(() -> new ProviderNotFoundException(
                "unknown " + spi + " provider '" + name + "'; " + listing()));
        if (!l.info.available()) {
            throw new ProviderNotFoundException(spi + " provider '" + name + "' is unavailable here: "
                    + l.info.availability().reason() + howTo(l.info.availability()));
        }
        return l.provider;
    }

    private Loaded<P> firstCapable(Predicate<? super P> capable, String request) {
        for (Loaded<P> l : ordered) {
            if (l.info.available() && capable.test(l.provider)) {
                return l;
            }
        }
        throw new ProviderNotFoundException("no available " + spi + " provider can serve " + request + "; "
                + listing());
    }

    private Optional<Loaded<P>> find(String name) {
        for (Loaded<P> l : ordered) {
            if (l.info.name().equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private String listing() {
        List<String> available = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Loaded<P> l : ordered) {
            if (l.info.available()) {
                available.add(l.info.name());
            } else {
                unavailable.add(l.info.name() + " (" + l.info.availability().reason() + ")");
            }
        }
        for (ProviderInfo f : failures) {
            unavailable.add(f.name() + " (" + f.availability().reason() + ")");
        }
        return "available " + spi + " providers: " + (available.isEmpty() ? "none" : String.join(", ", available))
                + (unavailable.isEmpty() ? "" : "; unavailable: " + String.join(", ", unavailable));
    }

    private static String howTo(Availability a) {
        return a.howToEnable().isEmpty() ? "" : " (to enable it: " + a.howToEnable() + ")";
    }

    private Loaded<P> probe(P p) {
        String impl = p.getClass().getName();
        String name;
        int priority;
        String description;
        Availability availability;
        try {
            name = Objects.requireNonNull(p.name(), "name()").trim().toLowerCase(Locale.ROOT);
            priority = p.priority();
            description = p.description();
        } catch (RuntimeException | LinkageError e) {
            name = impl;
            priority = Integer.MIN_VALUE;
            description = impl;
            return new Loaded<>(p, new ProviderInfo(spi, name, priority,
                    Availability.unavailable("describing it failed: " + e), description, impl));
        }
        try {
            availability = Objects.requireNonNull(p.availability(), "availability()");
        } catch (RuntimeException | LinkageError e) {
            availability = Availability.unavailable("its availability probe failed: " + e);
        }
        return new Loaded<>(p, new ProviderInfo(spi, name, priority, availability, description, impl));
    }

    private List<P> loadServices(Builder<P> b, List<ProviderInfo> failed) {
        Module api = ProviderDiscovery.class.getModule();
        if (api.isNamed() && !api.canUse(b.type)) {
            api.addUses(b.type);
        }
        ClassLoader cl = b.classLoader != null ? b.classLoader : Thread.currentThread().getContextClassLoader();
        ServiceLoader<P> loader = cl != null ? ServiceLoader.load(b.type, cl) : ServiceLoader.load(b.type);
        List<P> result = new ArrayList<>();
        Iterator<P> it = loader.iterator();
        int consecutiveFailures = 0;
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                result.add(it.next());
                consecutiveFailures = 0;
            } catch (ServiceConfigurationError | LinkageError e) {
                consecutiveFailures++;
                failed.add(failure(e));
            }
        }
        return result;
    }

    private List<P> instantiate(List<Supplier<? extends P>> suppliers, List<ProviderInfo> failed) {
        List<P> result = new ArrayList<>();
        for (Supplier<? extends P> s : suppliers) {
            try {
                result.add(Objects.requireNonNull(s.get(), "provider supplier returned null"));
            } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
                failed.add(failure(e));
            }
        }
        return result;
    }

    private ProviderInfo failure(Throwable e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = PROVIDER_CLASS.matcher(message);
        String impl = "?";
        if (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    impl = m.group(g);
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = "failed to load: " + (root == e ? message : message + ": " + root);
        warn(spi + ": provider " + impl + " " + reason);
        return new ProviderInfo(spi, impl, Integer.MIN_VALUE, Availability.unavailable(reason), impl, impl);
    }

    private void warn(String line) {
        log.accept(line);
    }

    private void logOnce(String key, String line) {
        if (loggedOnce.add(key)) {
            log.accept(line);
        }
    }

    private record Loaded<P>(P provider, ProviderInfo info) {
    }

    /**
     * Configures a {@link ProviderDiscovery}.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     *
     * @param <P> the SPI type
     */
    public static final class Builder<P extends QuiverProvider> {
        private final String spi;
        private final Class<P> type;
        private ClassLoader classLoader;
        private List<Supplier<? extends P>> explicit;
        private final List<P> additional = new ArrayList<>();
        private UnaryOperator<String> systemProperties = System::getProperty;
        private UnaryOperator<String> environment = System::getenv;
        private Consumer<String> log;

        private Builder(String spi, Class<P> type) {
            this.spi = Objects.requireNonNull(spi, "spi");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** Loads services through this class loader instead of the context class loader. */
        public Builder<P> classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Uses exactly these providers instead of {@link ServiceLoader} (for applications that construct providers
         * themselves, and for tests). A supplier that throws is isolated like a provider that fails to load.
         */
        public Builder<P> providers(List<Supplier<? extends P>> suppliers) {
            this.explicit = List.copyOf(suppliers);
            return this;
        }

        /**
         * Adds provider instances to those found by {@link ServiceLoader} (or given to {@link #providers}): plugins
         * an application hands over, for example through a Guice {@code Multibinder}.
         */
        public Builder<P> additional(java.util.Collection<? extends P> providers) {
            for (P p : providers) {
                additional.add(Objects.requireNonNull(p, "provider"));
            }
            return this;
        }

        /** Reads system properties through this function instead of {@link System#getProperty(String)}. */
        public Builder<P> systemProperties(UnaryOperator<String> lookup) {
            this.systemProperties = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Reads environment variables through this function instead of {@link System#getenv(String)}. */
        public Builder<P> environment(UnaryOperator<String> lookup) {
            this.environment = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Sends discovery's log lines here instead of to {@link System.Logger} at {@code INFO}. */
        public Builder<P> log(Consumer<String> sink) {
            this.log = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Loads and probes the providers. */
        public ProviderDiscovery<P> build() {
            return new ProviderDiscovery<>(this);
        }
    }
}
