package dev.quiver.api.provider;

/**
 * The {@link WidgetProvider}s registered for {@link ProviderDiscoveryTest}: two that work, one whose constructor
 * throws, one without a no-argument constructor, one that is not a widget at all; the services file also lists a class that does not exist.
 */
public final class Widgets {
    private Widgets() {
    }

    /** Works. */
    public static final class Plain implements WidgetProvider {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public int priority() {
            return 1;
        }
    }

    /** Works, and is preferred. */
    public static final class Fancy implements WidgetProvider {
        @Override
        public String name() {
            return "fancy";
        }

        @Override
        public int priority() {
            return 2;
        }
    }

    /** Cannot be constructed. */
    public static final class Exploding implements WidgetProvider {
        public Exploding() {
            throw new IllegalStateException("boom in constructor");
        }

        @Override
        public String name() {
            return "exploding";
        }

        @Override
        public int priority() {
            return 99;
        }
    }

    /** Registered as a widget provider but does not implement the SPI (its name ends in "Provider" on purpose). */
    public static final class UnrelatedProvider {
    }

    /** Has no public no-argument constructor. */
    public static final class NeedsArgument implements WidgetProvider {
        public NeedsArgument(String argument) {
        }

        @Override
        public String name() {
            return "needs-argument";
        }

        @Override
        public int priority() {
            return 98;
        }
    }
}
