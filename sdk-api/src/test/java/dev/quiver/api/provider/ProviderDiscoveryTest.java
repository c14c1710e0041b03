package dev.quiver.api.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.backtest.BacktesterProvider;
import dev.quiver.api.cache.CacheProvider;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.store.StoreProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link ProviderDiscovery} against test-only SPIs whose providers are registered in the test resources'
 * {@code META-INF/services}, so real {@link java.util.ServiceLoader} loading is exercised. System properties and
 * environment variables are read from maps, never from the real process.
 */
class ProviderDiscoveryTest {
    private static final String PROPERTY = "quiver.greeter.provider";
    private static final String ENV = "QUIVER_GREETER_PROVIDER";

    private final List<String> log = new ArrayList<>();
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private <P extends QuiverProvider> ProviderDiscovery<P> discover(String spi, Class<P> type) {
        return ProviderDiscovery.builder(spi, type)
                .systemProperties(properties::get)
                .environment(environment::get)
                .log(log::add)
                .build();
    }

    private ProviderDiscovery<GreeterProvider> greeters() {
        return discover("greeter", GreeterProvider.class);
    }

    private ProviderDiscovery<GreeterProvider> greeters(List<Supplier<? extends GreeterProvider>> suppliers) {
        return ProviderDiscovery.builder("greeter", GreeterProvider.class)
                .providers(suppliers)
                .systemProperties(properties::get)
                .environment(environment::get)
                .log(log::add)
                .build();
    }

    /** The names as discovery knows them: trimmed, lower case. */
    private static List<String> names(List<? extends QuiverProvider> providers) {
        return providers.stream().map(p -> p.name().trim().toLowerCase(Locale.ROOT)).toList();
    }

    private static Predicate<GreeterProvider> speaks(String language) {
        return p -> p.languages().contains(language);
    }

    private static ProviderInfo info(ProviderDiscovery<?> d, String name) {
        return d.describe().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no provider '" + name + "' in " + d.describe()));
    }

    @Nested
    class Loading {

        @Test
        void providersThatFailToLoadAreIsolatedAndTheOthersLoad() {
            ProviderDiscovery<WidgetProvider> d = discover("widget", WidgetProvider.class);

            assertThat(names(d.available())).containsExactly("fancy", "plain");
            assertThat(d.select()).isInstanceOf(Widgets.Fancy.class);
        }

        @Test
        void aProviderWhoseConstructorThrowsIsListedAsUnavailableWithTheError() {
            ProviderDiscovery<WidgetProvider> d = discover("widget", WidgetProvider.class);

            ProviderInfo exploding = info(d, Widgets.Exploding.class.getName());
            assertThat(exploding.available()).isFalse();
            assertThat(exploding.implementation()).isEqualTo(Widgets.Exploding.class.getName());
            assertThat(exploding.priority()).isEqualTo(Integer.MIN_VALUE);
            assertThat(exploding.availability().reason())
                    .startsWith("failed to load")
                    .contains("could not be instantiated")
                    .contains("boom in constructor");
        }

        @Test
        void aListedClassThatDoesNotExistIsIsolated() {
            ProviderDiscovery<WidgetProvider> d = discover("widget", WidgetProvider.class);

            ProviderInfo missing = info(d, "dev.quiver.api.provider.Widgets$DoesNotExist");
            assertThat(missing.available()).isFalse();
            assertThat(missing.availability().reason()).contains("not found");
        }

        @Test
        void aListedClassThatIsNotOfTheSpiTypeIsIsolatedAndNamed() {
            ProviderDiscovery<WidgetProvider> d = discover("widget", WidgetProvider.class);

            ProviderInfo unrelated = info(d, Widgets.UnrelatedProvider.class.getName());
            assertThat(unrelated.available()).isFalse();
            assertThat(unrelated.implementation()).isEqualTo(Widgets.UnrelatedProvider.class.getName());
            assertThat(unrelated.availability().reason()).contains("not a subtype");
        }

        @Test
        void aProviderWithoutANoArgumentConstructorIsIsolatedAndNamed() {
            ProviderDiscovery<WidgetProvider> d = discover("widget", WidgetProvider.class);

            ProviderInfo needsArgument = info(d, Widgets.NeedsArgument.class.getName());
            assertThat(needsArgument.available()).isFalse();
            assertThat(needsArgument.availability().reason()).contains("no-arg constructor");
        }

        @Test
        void describeListsLoadedProvidersInPreferenceOrderThenFailures() {
            ProviderDiscovery<WidgetProvider> d = discover("widget", WidgetProvider.class);

            List<ProviderInfo> all = d.describe();
            assertThat(all).hasSize(6);
            assertThat(all.subList(0, 2)).extracting(ProviderInfo::name).containsExactly("fancy", "plain");
            assertThat(all.subList(2, 6)).allSatisfy(i -> {
                assertThat(i.available()).isFalse();
                assertThat(i.spi()).isEqualTo("widget");
            });
            assertThat(all.get(0).implementation()).isEqualTo(Widgets.Fancy.class.getName());
        }

        @Test
        void eachLoadFailureLogsOneLineNamingTheClass() {
            discover("widget", WidgetProvider.class);

            assertThat(log).hasSize(4);
            assertThat(log).anySatisfy(line -> assertThat(line)
                    .startsWith("widget: provider " + Widgets.Exploding.class.getName())
                    .contains("boom in constructor"));
            assertThat(log).anySatisfy(line -> assertThat(line).contains("Widgets$DoesNotExist"));
            assertThat(log).anySatisfy(line -> assertThat(line)
                    .startsWith("widget: provider " + Widgets.UnrelatedProvider.class.getName()));
            assertThat(log).anySatisfy(line -> assertThat(line)
                    .startsWith("widget: provider " + Widgets.NeedsArgument.class.getName()));
        }

        @Test
        void loadFailuresDoNotCountAsAFallback() {
            ProviderDiscovery<WidgetProvider> d = discover("widget", WidgetProvider.class);
            log.clear();

            d.select();

            assertThat(log).isEmpty();
        }

        @Test
        void theSdkSpisLoadWithNoProvidersOnThisClassPath() {
            assertThat(discover("cache", CacheProvider.class).describe()).isEmpty();
            assertThat(discover("features", FeatureKernelProvider.class).describe()).isEmpty();
            assertThat(discover("backtest", BacktesterProvider.class).describe()).isEmpty();
            ProviderDiscovery<StoreProvider> store = discover("store", StoreProvider.class);
            assertThatThrownBy(store::select)
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessage("no available store provider can serve any request; available store providers: none");
        }
    }

    @Nested
    class Probing {

        @Test
        void unavailableProvidersAreSkipped() {
            ProviderDiscovery<GreeterProvider> d = greeters();

            assertThat(names(d.available())).containsExactly("alpha", "beta", "slow");
            ProviderInfo fast = info(d, "fast");
            assertThat(fast.available()).isFalse();
            assertThat(fast.availability().reason()).isEqualTo("no turbo unit here");
            assertThat(fast.availability().howToEnable()).isEqualTo(Greeters.FAST_HOW_TO);
        }

        @Test
        void aProbeThatThrowsCountsAsUnavailable() {
            ProviderInfo p = info(greeters(), "probe-throws");

            assertThat(p.available()).isFalse();
            assertThat(p.priority()).isEqualTo(50);
            assertThat(p.availability().reason()).contains("availability probe failed").contains("driver crashed");
        }

        @Test
        void namesAreTrimmedToLowerCase() {
            ProviderInfo beta = info(greeters(), "beta");

            assertThat(beta.implementation()).isEqualTo(Greeters.Beta.class.getName());
            assertThat(beta.description()).isEqualTo("Beta");
        }
    }

    @Nested
    class Ordering {

        @Test
        void higherPriorityFirstThenNameNeverRegistrationOrder() {
            // registered as slow, beta, alpha, probe-throws, fast
            assertThat(greeters().describe()).extracting(ProviderInfo::name)
                    .containsExactly("fast", "probe-throws", "alpha", "beta", "slow");
        }

        @Test
        void explicitProviderListsAreOrderedTheSameWhateverTheirOrder() {
            List<Supplier<? extends GreeterProvider>> forward =
                    List.of(Greeters.Alpha::new, Greeters.Beta::new, Greeters.Slow::new, Greeters.Fast::new);
            List<Supplier<? extends GreeterProvider>> backward = forward.reversed();

            assertThat(greeters(forward).describe()).extracting(ProviderInfo::name)
                    .containsExactly("fast", "alpha", "beta", "slow");
            assertThat(greeters(backward).describe()).extracting(ProviderInfo::name)
                    .containsExactly("fast", "alpha", "beta", "slow");
        }

        @Test
        void selectWithoutChoicePicksTheMostPreferredAvailable() {
            assertThat(greeters().select()).isInstanceOf(Greeters.Alpha.class);
        }
    }

    @Nested
    class ExplicitChoice {

        @Test
        void aSystemPropertyChooses() {
            properties.put(PROPERTY, "slow");
            ProviderDiscovery<GreeterProvider> d = greeters();

            assertThat(d.explicitChoice()).contains("slow");
            assertThat(d.select()).isInstanceOf(Greeters.Slow.class);
        }

        @Test
        void anEnvironmentVariableChooses() {
            environment.put(ENV, "beta");

            assertThat(greeters().select()).isInstanceOf(Greeters.Beta.class);
        }

        @Test
        void thePropertyWinsOverTheEnvironment() {
            properties.put(PROPERTY, "slow");
            environment.put(ENV, "beta");

            assertThat(greeters().select()).isInstanceOf(Greeters.Slow.class);
        }

        @Test
        void aBlankPropertyLeavesTheChoiceToTheEnvironment() {
            properties.put(PROPERTY, "  ");
            environment.put(ENV, "beta");

            assertThat(greeters().select()).isInstanceOf(Greeters.Beta.class);
        }

        @Test
        void autoInAnyCaseMeansNoChoice() {
            environment.put(ENV, "Auto");
            ProviderDiscovery<GreeterProvider> fromEnv = greeters();
            assertThat(fromEnv.explicitChoice()).isEmpty();
            assertThat(fromEnv.select()).isInstanceOf(Greeters.Alpha.class);

            // "auto" set as a property is still the property's answer: it overrides the environment's choice
            properties.put(PROPERTY, "AUTO");
            environment.put(ENV, "slow");
            ProviderDiscovery<GreeterProvider> fromProperty = greeters();
            assertThat(fromProperty.explicitChoice()).isEmpty();
            assertThat(fromProperty.select()).isInstanceOf(Greeters.Alpha.class);
        }

        @Test
        void theChosenNameIsCaseInsensitiveAndTrimmed() {
            properties.put(PROPERTY, " SLOW ");

            assertThat(greeters().explicitChoice()).contains("slow");
            assertThat(greeters().select()).isInstanceOf(Greeters.Slow.class);
        }

        @Test
        void anUnknownNameIsAnErrorListingTheProviders() {
            properties.put(PROPERTY, "turbo");
            ProviderDiscovery<GreeterProvider> d = greeters();

            assertThatThrownBy(d::select)
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("unknown greeter provider 'turbo'")
                    .hasMessageContaining("set by system property " + PROPERTY)
                    .hasMessageContaining("available greeter providers: alpha, beta, slow")
                    .hasMessageContaining("fast (no turbo unit here)")
                    .hasMessageContaining("probe-throws (");
        }

        @Test
        void anUnknownNameFromTheEnvironmentSaysSo() {
            environment.put(ENV, "turbo");

            assertThatThrownBy(greeters()::select)
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("set by environment variable " + ENV);
        }

        @Test
        void aChosenProviderThatIsUnavailableIsAnErrorWithItsReasonAndHowToEnableIt() {
            properties.put(PROPERTY, "Fast");
            ProviderDiscovery<GreeterProvider> d = greeters();

            assertThatThrownBy(d::select)
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("greeter provider 'fast'")
                    .hasMessageContaining("is unavailable here: no turbo unit here")
                    .hasMessageContaining(Greeters.FAST_HOW_TO)
                    .hasMessageContaining("available greeter providers: alpha, beta, slow");
            assertThatThrownBy(() -> d.select(speaks("en"), "language 'en'"))
                    .isInstanceOf(ProviderNotFoundException.class);
        }

        @Test
        void aChosenProviderWhoseProbeThrowsIsUnavailable() {
            properties.put(PROPERTY, "probe-throws");

            assertThatThrownBy(greeters()::select)
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("driver crashed");
        }

        @Test
        void aChosenProviderIsNotAFallbackAndLogsNothing() {
            properties.put(PROPERTY, "slow");

            greeters().select();

            assertThat(log).isEmpty();
        }
    }

    @Nested
    class Fallback {

        @Test
        void fallingBackLogsOneLineWithTheReasonAndHowToEnable() {
            ProviderDiscovery<GreeterProvider> d = greeters();

            assertThat(d.select()).isInstanceOf(Greeters.Alpha.class);

            assertThat(log).containsExactly("greeter: provider 'fast' is unavailable (no turbo unit here); using 'alpha'"
                    + ". To enable 'fast': " + Greeters.FAST_HOW_TO);
        }

        @Test
        void selectingAgainDoesNotLogAgain() {
            ProviderDiscovery<GreeterProvider> d = greeters();

            d.select();
            d.select();
            d.select(speaks("fr"), "language 'fr'");

            assertThat(log).hasSize(1);
        }

        @Test
        void aFallbackWithNothingToEnableSaysOnlyWhy() {
            Supplier<GreeterProvider> hopeless = () -> new GreeterProvider() {
                @Override
                public java.util.Set<String> languages() {
                    return java.util.Set.of("en");
                }

                @Override
                public String name() {
                    return "hopeless";
                }

                @Override
                public int priority() {
                    return 1000;
                }

                @Override
                public Availability availability() {
                    return Availability.unavailable("wrong planet");
                }
            };

            greeters(List.of(hopeless, Greeters.Slow::new)).select();

            assertThat(log).containsExactly("greeter: provider 'hopeless' is unavailable (wrong planet); using 'slow'");
        }

        @Test
        void noFallbackLineWhenTheBestProviderIsAvailable() {
            greeters(List.of(Greeters.Alpha::new, Greeters.Slow::new)).select();

            assertThat(log).isEmpty();
        }
    }

    @Nested
    class Capability {

        @Test
        void selectsTheFirstCapableAvailableProvider() {
            ProviderDiscovery<GreeterProvider> d = greeters();

            assertThat(d.select(speaks("en"), "language 'en'")).isInstanceOf(Greeters.Alpha.class);
            assertThat(d.select(speaks("fr"), "language 'fr'")).isInstanceOf(Greeters.Beta.class);
            assertThat(d.select(speaks("de"), "language 'de'")).isInstanceOf(Greeters.Slow.class);
        }

        @Test
        void anExplicitChoiceThatCanServeTheRequestIsUsed() {
            properties.put(PROPERTY, "slow");

            assertThat(greeters().select(speaks("en"), "language 'en'")).isInstanceOf(Greeters.Slow.class);
            assertThat(log).isEmpty();
        }

        @Test
        void anExplicitChoiceThatCannotServeTheRequestFallsBackToACapableOneAndLogsOnce() {
            properties.put(PROPERTY, "alpha");
            ProviderDiscovery<GreeterProvider> d = greeters();

            assertThat(d.select(speaks("fr"), "language 'fr'")).isInstanceOf(Greeters.Beta.class);
            assertThat(d.select(speaks("fr"), "language 'fr'")).isInstanceOf(Greeters.Beta.class);

            assertThat(log).containsExactly("greeter: provider 'alpha' (set by system property " + PROPERTY
                    + ") cannot serve language 'fr'; using 'beta'");
            assertThat(d.select()).isInstanceOf(Greeters.Alpha.class);
        }

        @Test
        void noCapableAvailableProviderIsAnErrorListingTheProviders() {
            ProviderDiscovery<GreeterProvider> d = greeters();

            // only the unavailable 'fast' speaks it
            assertThatThrownBy(() -> d.select(speaks("xx"), "language 'xx'"))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("no available greeter provider can serve language 'xx'")
                    .hasMessageContaining("available greeter providers: alpha, beta, slow")
                    .hasMessageContaining("unavailable: fast (no turbo unit here)");
        }

        @Test
        void anExplicitChoiceWithNoCapableProviderIsAnError() {
            properties.put(PROPERTY, "alpha");

            assertThatThrownBy(() -> greeters().select(speaks("xx"), "language 'xx'"))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("can serve language 'xx'");
        }
    }

    @Nested
    class ByName {

        @Test
        void getFindsAProviderByNameInAnyCase() {
            assertThat(greeters().get(" BETA ")).isInstanceOf(Greeters.Beta.class);
        }

        @Test
        void getOfAnUnknownNameListsTheProviders() {
            assertThatThrownBy(() -> greeters().get("nope"))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("unknown greeter provider 'nope'")
                    .hasMessageContaining("alpha, beta, slow");
        }

        @Test
        void getOfAnUnavailableProviderSaysWhyAndHowToEnableIt() {
            assertThatThrownBy(() -> greeters().get("fast"))
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("no turbo unit here")
                    .hasMessageContaining(Greeters.FAST_HOW_TO);
        }
    }

    @Nested
    class ExplicitProviders {

        @Test
        void suppliersAreUsedInsteadOfServiceLoaderAndAThrowingOneIsIsolated() {
            ProviderDiscovery<GreeterProvider> d = greeters(List.of(
                    Greeters.Slow::new,
                    () -> {
                        throw new IllegalStateException("supplier exploded");
                    },
                    () -> null,
                    Greeters.Alpha::new));

            assertThat(names(d.available())).containsExactly("alpha", "slow");
            List<ProviderInfo> all = d.describe();
            assertThat(all).hasSize(4);
            assertThat(all.get(2).available()).isFalse();
            assertThat(all.get(2).availability().reason()).contains("supplier exploded");
            assertThat(all.get(3).availability().reason()).contains("provider supplier returned null");
            assertThat(log).hasSize(2);
            assertThat(log.get(0)).contains("supplier exploded");
        }

        @Test
        void anEmptyListMeansNoProviders() {
            ProviderDiscovery<GreeterProvider> d = greeters(List.of());

            assertThat(d.describe()).isEmpty();
            assertThatThrownBy(d::select)
                    .isInstanceOf(ProviderNotFoundException.class)
                    .hasMessageContaining("available greeter providers: none");
        }
    }

    @Nested
    class DuplicateNames {

        @Test
        void oneOfTwoSameNamedProvidersIsKeptDeterministicallyAndAWarningLogged() {
            ProviderDiscovery<EchoProvider> d = discover("echo", EchoProvider.class);

            assertThat(d.describe()).extracting(ProviderInfo::name).containsExactly("loud", "echo");
            // equal priority: the tie goes to the implementation class name, not to class-path order
            assertThat(d.get("echo")).isInstanceOf(Echoes.Alpha.class);
            // different priority: the higher wins
            assertThat(d.get("loud")).isInstanceOf(Echoes.LoudHigh.class);
            assertThat(log).hasSize(2);
            assertThat(log).anySatisfy(line -> assertThat(line)
                    .contains("two providers are named 'echo'")
                    .contains(Echoes.Zulu.class.getName())
                    .endsWith("using " + Echoes.Alpha.class.getName()));
            assertThat(log).anySatisfy(line -> assertThat(line)
                    .contains("two providers are named 'loud'")
                    .endsWith("using " + Echoes.LoudHigh.class.getName()));
        }

        @Test
        void theSameProviderIsKeptWhicheverComesFirst() {
            List<Supplier<? extends EchoProvider>> zuluFirst = List.of(Echoes.Zulu::new, Echoes.Alpha::new);
            List<Supplier<? extends EchoProvider>> alphaFirst = List.of(Echoes.Alpha::new, Echoes.Zulu::new);

            for (List<Supplier<? extends EchoProvider>> order : List.of(zuluFirst, alphaFirst)) {
                ProviderDiscovery<EchoProvider> d = ProviderDiscovery.builder("echo", EchoProvider.class)
                        .providers(order).systemProperties(k -> null).environment(k -> null).log(log::add).build();
                assertThat(d.available()).singleElement().isInstanceOf(Echoes.Alpha.class);
            }
        }
    }

    @Test
    void propertyAndEnvironmentNamesFollowTheSpiName() {
        assertThat(ProviderDiscovery.propertyName("features")).isEqualTo("quiver.features.provider");
        assertThat(ProviderDiscovery.environmentVariable("features")).isEqualTo("QUIVER_FEATURES_PROVIDER");
        assertThat(ProviderDiscovery.environmentVariable("my-spi.x")).isEqualTo("QUIVER_MY_SPI_X_PROVIDER");
        assertThat(greeters().spi()).isEqualTo("greeter");
    }

    @Nested
    class AdditionalProviders {

        @Test
        void areAddedToThoseServiceLoaderFindsAndOrderedWithThem() {
            GreeterProvider plugin = new GreeterProvider() {
                @Override
                public String name() {
                    return "plugin";
                }

                @Override
                public int priority() {
                    return 20;
                }

                @Override
                public java.util.Set<String> languages() {
                    return java.util.Set.of("en");
                }
            };
            ProviderDiscovery<GreeterProvider> d = ProviderDiscovery.builder("greeter", GreeterProvider.class)
                    .additional(List.of(plugin))
                    .systemProperties(properties::get)
                    .environment(environment::get)
                    .log(log::add)
                    .build();
            assertThat(names(d.available())).containsExactly("plugin", "alpha", "beta", "slow");
            assertThat(d.select()).isSameAs(plugin);
        }

        @Test
        void theSameClassFoundTwiceIsNotAClash() {
            ProviderDiscovery<GreeterProvider> d = ProviderDiscovery.builder("greeter", GreeterProvider.class)
                    .additional(List.of(new Greeters.Slow()))
                    .systemProperties(properties::get)
                    .environment(environment::get)
                    .log(log::add)
                    .build();
            assertThat(names(d.available())).containsExactly("alpha", "beta", "slow");
            assertThat(log).noneMatch(line -> line.contains("two providers are named"));
        }
    }
}
