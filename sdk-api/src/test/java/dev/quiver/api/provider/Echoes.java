package dev.quiver.api.provider;

/**
 * The {@link EchoProvider}s registered for {@link ProviderDiscoveryTest}. {@link Zulu} and {@link Alpha} are both
 * named {@code echo} with equal priority; {@link LoudLow} and {@link LoudHigh} are both named {@code loud} (in
 * different case) with different priorities. Each pair is registered with the one that should lose first.
 */
public final class Echoes {
    private Echoes() {
    }

    private abstract static class Base implements EchoProvider {
        private final String name;
        private final int priority;

        Base(String name, int priority) {
            this.name = name;
            this.priority = priority;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }
    }

    /** Named {@code echo}; loses the tie on implementation class name. */
    public static final class Zulu extends Base {
        public Zulu() {
            super("echo", 1);
        }
    }

    /** Named {@code echo}; wins the tie on implementation class name. */
    public static final class Alpha extends Base {
        public Alpha() {
            super("echo", 1);
        }
    }

    /** Named {@code LOUD}; loses on priority. */
    public static final class LoudLow extends Base {
        public LoudLow() {
            super("LOUD", 1);
        }
    }

    /** Named {@code loud}; wins on priority. */
    public static final class LoudHigh extends Base {
        public LoudHigh() {
            super("loud", 5);
        }
    }
}
