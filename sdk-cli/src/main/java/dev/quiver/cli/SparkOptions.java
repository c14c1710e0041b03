package dev.quiver.cli;

import dev.quiver.spark.SparkEngine;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options that run a command on Spark instead of this JVM ({@code --engine spark --master local[2]}), shared by
 * {@code features}, {@code backtest} and {@code portfolio}. Spark's jars are not in the default application: the
 * application built with {@code -Pspark} has them in {@code lib/}, and the {@code quiver} launcher adds the JVM options
 * Spark needs on JDK 25 when it sees {@code --engine spark} (docs/spark.md).
 *
 * <p>Thread-safety: a mixin serves one invocation.
 */
final class SparkOptions {
    /** The class whose absence means Spark's jars are not on the class path. */
    static final String SPARK_CLASS = "org.apache.spark.sql.SparkSession";

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (this JVM, the default) or spark (a Spark master, --master; the application must "
                    + "be built with -Pspark, see docs/spark.md).")
    private String engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "With --engine spark: the Spark master (local[2], spark://host:7077, yarn). Default "
                    + "local[*].")
    private String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "With --engine spark: the tasks to spread the work over (default: twice the master's "
                    + "cores).")
    private Integer partitions;

    SparkOptions() {
    }

    /** Whether the command runs on Spark. */
    boolean spark() {
        return switch (engine.strip().toLowerCase(Locale.ROOT)) {
            case "local" -> false;
            case "spark" -> true;
            default -> throw new IllegalArgumentException("--engine '" + engine + "': expected local or spark");
        };
    }

    /**
     * Starts the Spark session.
     *
     * @throws IllegalStateException saying how to build the application with Spark if its jars are missing
     */
    SparkEngine start(String command) {
        try {
            Class.forName(SPARK_CLASS, false, SparkOptions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("--engine spark: Spark's jars are not on the class path; build the "
                    + "application with them (./mvnw -Pspark -pl sdk-cli -am package -DskipTests) or add them to "
                    + "lib/ (docs/spark.md)");
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, not " + partitions);
        }
        return SparkEngine.start(master, "quiver " + command);
    }

    /** The partitions to use on this engine. */
    int partitions(SparkEngine spark) {
        return partitions != null ? partitions : spark.defaultPartitions();
    }

    /** The master, for the console. */
    String master() {
        return master;
    }
}
