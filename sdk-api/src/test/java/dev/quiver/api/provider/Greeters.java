package dev.quiver.api.provider;

import java.util.Set;

/**
 * The {@link GreeterProvider}s registered for {@link ProviderDiscoveryTest}. In preference order: {@code fast} (100,
 * unavailable), {@code probe-throws} (50, probe throws), {@code alpha} (10), {@code beta} (10), {@code slow} (0).
 */
public final class Greeters {
    static final String FAST_HOW_TO = "pass -Dgreeter.turbo=on";

    private Greeters() {
    }

    private abstract static class Base implements GreeterProvider {
        private final String name;
        private final int priority;
        private final Set<String> languages;

        Base(String name, int priority, String... languages) {
            this.name = name;
            this.priority = priority;
            this.languages = Set.of(languages);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Set<String> languages() {
            return languages;
        }
    }

    /** The most preferred, but unavailable here. */
    public static final class Fast extends Base {
        public Fast() {
            super("fast", 100, "en", "fr", "de", "xx");
        }

        @Override
        public Availability availability() {
            return Availability.unavailable("no turbo unit here", FAST_HOW_TO);
        }
    }

    /** A provider whose availability probe throws. */
    public static final class ProbeThrows extends Base {
        public ProbeThrows() {
            super("probe-throws", 50, "en");
        }

        @Override
        public Availability availability() {
            throw new IllegalStateException("driver crashed");
        }
    }

    /** Ties with {@link Beta} on priority and wins by name. */
    public static final class Alpha extends Base {
        public Alpha() {
            super("alpha", 10, "en");
        }
    }

    /** Ties with {@link Alpha}; the only available one that speaks French. */
    public static final class Beta extends Base {
        public Beta() {
            super("Beta", 10, "en", "fr");
        }
    }

    /** The least preferred. */
    public static final class Slow extends Base {
        public Slow() {
            super("slow", 0, "en", "de");
        }
    }
}
