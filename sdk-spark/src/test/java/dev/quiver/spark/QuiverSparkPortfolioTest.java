package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.search.Optimizers;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.PortfolioSearch;
import dev.quiver.portfolio.search.SearchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
}
