package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.Panel;
import dev.quiver.backtest.sweep.SweepTable;
import dev.quiver.features.FeatureEngine;
import dev.quiver.portfolio.search.PortfolioSearch;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * How this module's tests load their code, which is how a Spark application loads Quiver: Spark's own jars on the plain
 * class path, Quiver's modules as plain (unnamed, unshaded) dependencies beside them, and the JVM started with the
 * opens Spark needs on JDK 25 ({@code quiver.spark.jvm.flags}). The other tests of the module run Spark this way.
 */
class ClassPathTest {

    @Test
    void sparkAndQuiverLoadFromTheirOwnJarsOnThePlainClassPath() {
        assertThat(location(SparkSession.class)).containsPattern("spark-sql(-api)?_2\\.13-[0-9.]+\\.jar$");
        assertThat(location(org.apache.spark.SparkContext.class)).containsPattern("spark-core_2\\.13-[0-9.]+\\.jar$");
        for (Class<?> quiver : List.of(Panel.class, FeatureEngine.class, SweepTable.class, PortfolioSearch.class,
                QuiverSpark.class)) {
            assertThat(quiver.getModule().isNamed()).as("%s in a named module", quiver).isFalse();
            // no copy of Quiver inside another jar: each class comes from its own module's jar or classes folder
            assertThat(location(quiver)).as(quiver.getName()).containsPattern("sdk-[a-z]+");
        }
    }

    @Test
    void theJvmHasTheOpensSparkNeeds() {
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertThat(flags).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-modules=jdk.incubator.vector");
    }

    private static String location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().toString();
    }
}
