package dev.quiver.portfolio.search.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.provider.ProviderNotFoundException;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.Optimizers;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.PortfolioSearch;
import dev.quiver.portfolio.search.SearchBudget;
import dev.quiver.portfolio.search.SearchProblems;
import dev.quiver.portfolio.search.SearchResult;
import dev.quiver.portfolio.search.SearchSettings;
import dev.quiver.portfolio.search.Zones;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every built-in algorithm held to one contract: it finds planted optima, stays valid, reproduces, obeys budgets. */
class BuiltInAlgorithmsTest {
    static final String[] NAMES = {"genetic", "pso", "annealing", "differential_evolution", "ant_colony",
            "hill_climbing", "bayesian", "random_search"};

    // C(20,3) = 1,140 portfolios: small enough to enumerate and for random search to cover with an override
    private static final PortfolioProblem SMALL =
            PortfolioProblem.builder(SearchProblems.planted(20, 3, 60, 11)).size(3).build();
    // C(40,4) = 91,390 portfolios, enumerated once
    private static final PortfolioProblem PLANTED =
            PortfolioProblem.builder(SearchProblems.planted(40, 4, 60, 12)).size(4).build();
    private static final int[] SMALL_OPTIMUM = SearchProblems.bruteForce(SMALL);
    private static final int[] PLANTED_OPTIMUM = SearchProblems.bruteForce(PLANTED);
    // zones (3 of them, 1–3 members each) and a cap that clusters of correlation ≈ 0.8 would break
    private static final PortfolioProblem CONSTRAINED = PortfolioProblem.builder(SearchProblems.clustered(90, 60, 13))
            .size(6).zones(SearchProblems.zones(90, 3, 1, 3)).maxCorrelation(0.5).build();

    private static SearchResult run(PortfolioProblem problem, String name, SearchSettings settings) {
        return PortfolioSearch.run(problem, Optimizers.get(name), settings);
    }

    @Test
    void theEnumeratedOptimaAreThePlantedSets() {
        assertThat(SMALL_OPTIMUM).containsExactly(0, 1, 2);
        assertThat(PLANTED_OPTIMUM).containsExactly(0, 1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"genetic", "pso", "annealing", "differential_evolution", "ant_colony", "hill_climbing",
            "bayesian", "random_search"})
    void findsTheEnumeratedOptimumOfC20x3(String name) {
        // random search draws 1,000 of 1,140 portfolios with repeats at its defaults (a 58 % chance of the optimum);
        // 10,000 samples make a miss a one-in-6,000 event
        Map<String, Double> overrides = name.equals("random_search") ? Map.of("samples", 10_000.0) : Map.of();
        SearchResult r = run(SMALL, name, SearchSettings.seed(1).withThreads(1).withParameters(overrides));
        assertThat(r.members()).as(name).containsExactly(SMALL_OPTIMUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"genetic", "pso", "annealing", "differential_evolution", "ant_colony", "hill_climbing",
            "bayesian"})
    void findsThePlantedOptimumOfC40x4AtDefaults(String name) {
        // random search is left out: 1,000 samples of 91,390 portfolios find it by luck alone
        SearchResult r = run(PLANTED, name, SearchSettings.seed(2).withThreads(1));
        assertThat(r.members()).as(name).containsExactly(PLANTED_OPTIMUM);
        assertThat(r.fitness()).isEqualTo(PLANTED.evaluate(PLANTED_OPTIMUM).fitness());
    }

    @ParameterizedTest
    @ValueSource(strings = {"genetic", "pso", "annealing", "differential_evolution", "ant_colony", "hill_climbing",
            "bayesian", "random_search"})
    void staysValidUnderZonesAndACorrelationCap(String name) {
        SearchResult r = run(CONSTRAINED, name, SearchSettings.seed(3).withThreads(2));
        int[] m = r.members();
        assertThat(m).hasSize(6).doesNotHaveDuplicates();
        Zones zones = CONSTRAINED.zones().orElseThrow();
        int[] counts = new int[zones.count()];
        for (int s : m) {
            counts[zones.zoneOf(s)]++;
        }
        assertThat(IntStream.of(counts).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(1, 3));
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                assertThat(CONSTRAINED.correlation(m[i], m[j])).isLessThanOrEqualTo(0.5);
            }
        }
        assertThat(CONSTRAINED.isValid(m)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"genetic", "pso", "annealing", "differential_evolution", "ant_colony", "hill_climbing",
            "bayesian", "random_search"})
    void theSameSeedGivesTheSameResultWhateverTheThreads(String name) {
        SearchResult one = run(CONSTRAINED, name, SearchSettings.seed(42).withThreads(1));
        SearchResult two = run(CONSTRAINED, name, SearchSettings.seed(42).withThreads(2));
        SearchResult four = run(CONSTRAINED, name, SearchSettings.seed(42).withThreads(4));
        assertThat(two.members()).as(name).containsExactly(one.members());
        assertThat(two.fitness()).isEqualTo(one.fitness());
        assertThat(two.evaluations()).isEqualTo(one.evaluations());
        assertThat(four.members()).containsExactly(one.members());
        assertThat(four.fitness()).isEqualTo(one.fitness());
    }

    @ParameterizedTest
    @ValueSource(strings = {"genetic", "pso", "annealing", "differential_evolution", "ant_colony", "hill_climbing",
            "bayesian", "random_search"})
    void anEvaluationBudgetStopsTheSearchWithinOneStep(String name) {
        long budget = 120;
        // the most evaluations one step of each algorithm makes on CONSTRAINED (size 6)
        long step = switch (name) {
            case "genetic" -> 30 * (1 + 6); // a generation: each child set once, at most every slot mutated
            case "pso" -> 25;
            case "annealing" -> 2; // a move and its rescoring; the budget is checked before every move
            case "differential_evolution" -> 30;
            case "ant_colony" -> 20;
            case "hill_climbing" -> 1 + 1; // checked before every neighbour; a restart or a move adds one
            case "bayesian" -> 10; // the initial points are one step
            case "random_search" -> RandomSearch.STEP;
            default -> throw new AssertionError(name);
        };
        Map<String, Double> overrides = name.equals("bayesian")
                ? Map.of("calls", 1000.0, "pool", 10.0) : Map.of();
        SearchResult r = run(CONSTRAINED, name, SearchSettings.seed(5).withThreads(2).withParameters(overrides)
                .withBudget(SearchBudget.UNLIMITED.withMaxEvaluations(budget)));
        assertThat(r.evaluations()).as(name).isGreaterThanOrEqualTo(budget).isLessThan(budget + step);
    }

    @ParameterizedTest
    @ValueSource(strings = {"genetic", "pso", "annealing", "differential_evolution", "ant_colony", "hill_climbing",
            "bayesian", "random_search"})
    void expectedEvaluationsAreAFairEstimate(String name) {
        PortfolioOptimizer o = Optimizers.get(name);
        long[] expected = new long[1];
        SearchSettings settings = SearchSettings.seed(8).withThreads(1).withListener(
                new dev.quiver.portfolio.search.SearchListener() {
                    @Override
                    public void onStart(String algorithm, long expectedEvaluations) {
                        expected[0] = expectedEvaluations;
                    }
                });
        SearchResult r = PortfolioSearch.run(CONSTRAINED, o, settings);
        assertThat((double) r.evaluations()).as(name).isBetween(0.5 * expected[0], 1.5 * expected[0]);
    }

    @Test
    void discoveryListsExactlyTheEightBuiltIns() {
        assertThat(Optimizers.all()).extracting(PortfolioOptimizer::name).containsExactlyInAnyOrder(NAMES);
        assertThat(Optimizers.get("genetic")).isInstanceOf(GeneticAlgorithm.class);
        assertThat(Optimizers.get("genetic").parameters()).extracting(OptimizerParameter::name)
                .containsExactly("population", "generations", "mutation", "crossover", "tournament", "elitism");
        assertThatThrownBy(() -> Optimizers.get("nope")).isInstanceOf(ProviderNotFoundException.class);
        for (PortfolioOptimizer o : Optimizers.all()) {
            assertThat(o.description()).isNotBlank();
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(defaults("genetic")).containsExactly(30.0, 50.0, 0.1, 0.8, 3.0, 0.1);
        assertThat(defaults("pso")).containsExactly(25.0, 50.0, 0.9, 0.4, 2.0, 2.0);
        assertThat(defaults("annealing")).containsExactly(1000.0, 0.01, 0.95, 1000.0);
        assertThat(defaults("differential_evolution")).containsExactly(30.0, 0.8, 0.7, 50.0);
        assertThat(defaults("ant_colony")).containsExactly(20.0, 1.0, 2.0, 0.5, 50.0);
        assertThat(defaults("hill_climbing")).containsExactly(200.0, 10.0, 10.0);
        assertThat(defaults("bayesian")).containsExactly(10.0, 50.0, 500.0);
        assertThat(defaults("random_search")).containsExactly(1000.0);
    }

    private static Double[] defaults(String name) {
        return Optimizers.get(name).parameters().stream().map(OptimizerParameter::defaultValue)
                .toArray(Double[]::new);
    }

    @Test
    void anUnknownParameterIsAnErrorNamingIt() {
        assertThatThrownBy(() -> run(SMALL, "genetic", SearchSettings.seed(1).withParameters(Map.of("popsize", 5.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("popsize")
                .hasMessageContaining("population");
    }

    @Test
    void anOutOfRangeParameterIsAnErrorNamingIt() {
        assertThatThrownBy(() -> run(SMALL, "annealing", SearchSettings.seed(1).withParameters(Map.of("cooling",
                1.5)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cooling");
    }

    @Test
    void randomKeysRankTheLargestFirstAndTiesByIndex() {
        double[] keys = {0.5, 0.9, 0.1, 0.9, 0.7, 0.0};
        assertThat(RandomKeys.top(keys, 4)).containsExactly(1, 3, 4, 0);
        assertThat(RandomKeys.top(keys, 10)).containsExactly(1, 3, 4, 0, 2, 5);
        double[] big = IntStream.range(0, 1000).mapToDouble(i -> (i * 7919) % 1000).toArray();
        assertThat(RandomKeys.top(big, 3)).containsExactly(IntStream.range(0, 1000).boxed()
                .sorted((a, b) -> Double.compare(big[b], big[a])).limit(3).mapToInt(Integer::intValue).toArray());
    }

    @Test
    void theGaussianProcessInterpolatesItsObservations() {
        double[][] x = {{0.0}, {1.0}, {2.0}, {3.0}};
        double[] y = {0.0, 1.0, 0.0, -1.0};
        BayesianOptimization.GaussianProcess gp = BayesianOptimization.GaussianProcess.fit(x, y);
        for (int i = 0; i < x.length; i++) {
            double[] p = gp.predict(x[i]);
            assertThat(p[0]).isCloseTo(y[i], org.assertj.core.api.Assertions.within(0.2));
            assertThat(p[1]).isLessThan(0.5);
        }
        assertThat(gp.predict(new double[] {50})[1]).isGreaterThan(0.9);
        assertThat(BayesianOptimization.normalCdf(0)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-7));
        assertThat(BayesianOptimization.normalCdf(1.959964)).isCloseTo(0.975,
                org.assertj.core.api.Assertions.within(1e-6));
    }
}
