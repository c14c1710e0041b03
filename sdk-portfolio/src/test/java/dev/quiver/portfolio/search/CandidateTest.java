package dev.quiver.portfolio.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidateTest {
    private static SearchContext context(PortfolioProblem problem) {
        PortfolioOptimizer none = new PortfolioOptimizer() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public java.util.List<OptimizerParameter> parameters() {
                return java.util.List.of();
            }

            @Override
            public long expectedEvaluations(SearchContext context) {
                return 0;
            }

            @Override
            public void search(SearchContext context) {
            }
        };
        return new SearchContext(problem, none, SearchSettings.seed(1).withThreads(1), null);
    }

    private static void checkManySwaps(PortfolioProblem problem) {
        SearchContext ctx = context(problem);
        SplittableRandom r = new SplittableRandom(7);
        Candidate c = ctx.newCandidate().set(problem.random(r));
        int swaps = 0;
        for (int t = 0; t < 20_000 && swaps < 2_000; t++) {
            int slot = r.nextInt(problem.size());
            int incoming = r.nextInt(problem.strategies());
            if (!c.canSwap(slot, incoming)) {
                continue;
            }
            double predicted = c.fitnessIfSwapped(slot, incoming);
            c.swap(slot, incoming);
            swaps++;
            assertThat(problem.isValid(c.members())).isTrue();
            double exact = problem.evaluate(c.members()).fitness();
            assertThat(c.fitness()).isCloseTo(exact, within(1e-9 * Math.max(1, Math.abs(exact))));
            assertThat(predicted).isCloseTo(exact, within(1e-9 * Math.max(1, Math.abs(exact))));
        }
        assertThat(swaps).isEqualTo(2_000);
        assertThat(ctx.evaluations()).isEqualTo(1 + 2L * swaps);
        Candidate copy = ctx.newCandidate().copyFrom(c);
        assertThat(copy.fitness()).isEqualTo(c.fitness());
        assertThat(ctx.evaluations()).isEqualTo(1 + 2L * swaps);
    }

    @Test
    void incrementalFitnessMatchesEvaluateAfterManySwaps() {
        checkManySwaps(PortfolioProblem.builder(SearchProblems.clustered(120, 61, 3)).size(9).build());
    }

    @Test
    void incrementalFitnessMatchesEvaluateWithZonesAndCap() {
        PortfolioProblem problem = PortfolioProblem.builder(SearchProblems.clustered(120, 61, 4)).size(7)
                .zones(SearchProblems.zones(120, 3, 1, 4)).maxCorrelation(0.5).build();
        checkManySwaps(problem);
    }

    @Test
    void everySwapKeepsTheBestOfferedToTheContext() {
        PortfolioProblem problem = PortfolioProblem.builder(SearchProblems.planted(30, 3, 40, 5)).size(3).build();
        SearchContext ctx = context(problem);
        Candidate c = ctx.newCandidate().set(new int[] {10, 11, 12});
        double before = c.fitness();
        c.swap(0, 0);
        c.swap(1, 1);
        c.swap(2, 2);
        assertThat(ctx.best()).containsExactly(0, 1, 2);
        assertThat(ctx.bestFitness()).isEqualTo(Math.max(before, ctx.bestFitness()));
    }
}
