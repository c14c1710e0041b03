package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.objective.Objective;
import dev.quiver.portfolio.search.Optimizers;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.PortfolioSearch;
import dev.quiver.portfolio.search.SearchResult;
import dev.quiver.portfolio.search.Zones;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Portfolio searches on Spark ({@code local[2]}) against {@link PortfolioSearch#run} in one JVM: the same portfolio,
 * fitness and evaluation count for every (universe, algorithm, seed), and a failing search reported as a failed row.
 */
class QuiverSparkPortfolioTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("quiver-spark-portfolio-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void searchesEqualTheSingleJvmSearchesAndAFailingOneIsAFailedRow() {
        PnlMatrix matrix = PnlGenerator.generate(80, 300, 7, LocalDate.of(2020, 1, 2));
        List<String> firstHalf = matrix.names().subList(0, 40);
        List<String> lastFifty = matrix.names().subList(30, 80);
        PortfolioSetup setup = PortfolioSetup.of(10).withMaxEvaluations(1500);
        List<PortfolioSearchTask> searches = new ArrayList<>();
        for (String algorithm : List.of("genetic", "hill_climbing", "random_search")) {
            for (long seed : new long[] {1, 2}) {
                searches.add(new PortfolioSearchTask("first/" + algorithm + "/" + seed, firstHalf, algorithm, seed));
                searches.add(new PortfolioSearchTask("last/" + algorithm + "/" + seed, lastFifty, algorithm, seed));
            }
        }
        searches.add(PortfolioSearchTask.ofAll("genetic", 3));
        searches.add(PortfolioSearchTask.ofAll("no_such_algorithm", 1));

        List<Row> rows = QuiverSpark.portfolioSearches(spark, matrix, searches, setup, 4).collectAsList();

        assertThat(rows).hasSize(searches.size());
        for (int i = 0; i < searches.size() - 1; i++) {
            PortfolioSearchTask task = searches.get(i);
            Row row = rows.get(i);
            assertThat(row.getString(0)).isEqualTo(task.name());
            assertThat(row.<String>getAs("status")).as(task.name() + ": " + row.getAs("error")).isEqualTo("ok");
            PnlMatrix universe = task.universe().isEmpty() ? matrix : matrix.select(task.universe().stream()
                    .mapToInt(matrix.indexByName()::get).toArray());
            PortfolioProblem problem = setup.problem(universe);
            // the single-JVM search on two threads: the result does not depend on the thread count
            SearchResult want = PortfolioSearch.run(problem, Optimizers.get(task.algorithm()),
                    setup.settings(task.algorithm(), task.seed()).withThreads(2));
            List<String> names = new ArrayList<>();
            for (int m : want.members()) {
                names.add(universe.name(m));
            }
            assertThat(row.<scala.collection.Seq<String>>getAs("strategies")).isNotNull();
            assertThat(row.getList(row.fieldIndex("strategies"))).as(task.name()).containsExactlyElementsOf(names);
            assertThat(Double.doubleToRawLongBits(row.getAs("fitness"))).as(task.name())
                    .isEqualTo(Double.doubleToRawLongBits(problem.evaluate(want.members()).fitness()));
            assertThat(row.<Long>getAs("evaluations")).as(task.name()).isEqualTo(want.evaluations());
        }
        Row failed = rows.getLast();
        assertThat(failed.<String>getAs("status")).isEqualTo("failed");
        assertThat(failed.<String>getAs("error")).contains("no_such_algorithm");
        assertThat(failed.isNullAt(failed.fieldIndex("fitness"))).isTrue();
    }
    @Test
    void zonesAreCutForEachUniverseAndASearchOverTheMatrixUsesTheLocalZones() {
        PnlMatrix matrix = PnlGenerator.generate(60, 200, 11, LocalDate.of(2020, 1, 2));
        List<String> labels = new ArrayList<>();
        for (int s = 0; s < matrix.strategies(); s++) {
            labels.add(s < 20 ? "a" : s < 40 ? "b" : "c");
        }
        // what quiver portfolio --zones FILE --zone-max 3 --zone c=1:2 builds for the whole matrix
        Zones local = Zones.of(labels, 0, 3).withBounds("c", 1, 2);
        PortfolioSetup setup = PortfolioSetup.of(5).withMaxEvaluations(1200)
                .withZones(ZoneSetup.of(local, matrix.names()));
        List<String> withoutC = matrix.names().subList(0, 40);
        List<String> bAndC = matrix.names().subList(25, 60);
        List<PortfolioSearchTask> searches = List.of(PortfolioSearchTask.ofAll("genetic", 5),
                new PortfolioSearchTask("bc", bAndC, "hill_climbing", 2),
                new PortfolioSearchTask("no-c", withoutC, "genetic", 1));

        List<Row> rows = QuiverSpark.portfolioSearches(spark, matrix, searches, setup, 3).collectAsList();

        Row all = rows.get(0);
        assertThat(all.<String>getAs("status")).as(String.valueOf(all.<String>getAs("error"))).isEqualTo("ok");
        PortfolioProblem problem = PortfolioProblem.builder(matrix).size(5).objective(Objective.byName("ratio"))
                .correlationPenalty(0.1).maxCorrelation(Double.NaN).zones(local).build();
        SearchResult want = PortfolioSearch.run(problem, Optimizers.get("genetic"), setup.settings("genetic", 5));
        assertThat(all.getList(all.fieldIndex("strategies")))
                .containsExactlyElementsOf(names(matrix, want.members()));
        assertThat(all.<Long>getAs("evaluations")).isEqualTo(want.evaluations());

        Row bc = rows.get(1);
        assertThat(bc.<String>getAs("status")).as(String.valueOf(bc.<String>getAs("error"))).isEqualTo("ok");
        List<String> chosen = bc.getList(bc.fieldIndex("strategies"));
        long inC = chosen.stream().filter(n -> matrix.indexByName().get(n) >= 40).count();
        long inB = chosen.size() - inC;
        // five from b (at most 3) and c (at most 2): the bounds leave one way to fill the portfolio
        assertThat(inC).isEqualTo(2L);
        assertThat(inB).isEqualTo(3L);

        Row noC = rows.get(2);
        assertThat(noC.<String>getAs("status")).isEqualTo("failed");
        assertThat(noC.<String>getAs("error")).contains("zone 'c' needs at least 1").contains("none of it");
    }

    @Test
    void aTimeLimitStopsEachSearch() {
        PnlMatrix matrix = PnlGenerator.generate(200, 120, 3, LocalDate.of(2020, 1, 2));
        // a billion samples: only the time limit can end the search
        PortfolioSetup setup = new PortfolioSetup(20, "ratio", 0.1, Double.NaN,
                Map.of("random_search", Map.of("samples", 1e9)), Long.MAX_VALUE, null, Duration.ofMillis(300));

        List<Row> rows = QuiverSpark.portfolioSearches(spark, matrix,
                List.of(PortfolioSearchTask.ofAll("random_search", 1)), setup, 1).collectAsList();

        Row row = rows.getFirst();
        assertThat(row.<String>getAs("status")).as(String.valueOf(row.<String>getAs("error"))).isEqualTo("ok");
        assertThat(row.<Double>getAs("seconds")).isBetween(0.25, 10.0);
        assertThat(row.<Long>getAs("evaluations")).isPositive();
    }

    private static List<String> names(PnlMatrix matrix, int[] members) {
        List<String> names = new ArrayList<>();
        for (int m : members) {
            names.add(matrix.name(m));
        }
        return names;
    }
}
