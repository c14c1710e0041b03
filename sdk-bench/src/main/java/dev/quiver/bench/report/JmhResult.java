package dev.quiver.bench.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * One entry of a JMH JSON result file: a benchmark method at one parameter combination.
 *
 * <p>Immutable.
 *
 * @param file             the file the entry came from
 * @param benchmark        the fully qualified method name, {@code pkg.Class.method}
 * @param mode             JMH's mode ({@code thrpt}, {@code avgt}, ...)
 * @param params           the parameters in file order; empty when the benchmark has none
 * @param primary          the benchmark's score
 * @param secondary        the secondary metrics (user counters such as {@code values}, profiler metrics) in file order
 * @param jdkVersion       the JDK version JMH recorded, or "" when absent
 * @param vm               the VM name and version JMH recorded, or "" when absent
 * @param jvm              the path of the {@code java} the forks ran, or "" when absent
 * @param threads          the benchmark threads
 * @param forks            the forks
 */
record JmhResult(Path file, String benchmark, String mode, Map<String, String> params, Metric primary,
        Map<String, Metric> secondary, String jdkVersion, String vm, String jvm, int threads, int forks) {

    /** The class part of {@link #benchmark()}: everything before the last dot. */
    String benchmarkClass() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? "" : benchmark.substring(0, dot);
    }

    /** The method part of {@link #benchmark()}. */
    String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The parameters as {@code k=v, k=v}; "" when there are none. */
    String paramsText() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * Operations per second: the primary score of a throughput run converted to per second, or the inverse of a
     * time-per-operation score (average, sample or single-shot time) converted to seconds.
     *
     * @throws IllegalArgumentException if the unit is neither {@code ops/<time>} nor {@code <time>/op}
     */
    double opsPerSecond() {
        String unit = primary.unit();
        int slash = unit.indexOf('/');
        if (slash > 0 && unit.substring(0, slash).equals("ops")) {
            return primary.score() / seconds(unit.substring(slash + 1));
        }
        if (slash > 0 && unit.substring(slash + 1).equals("op")) {
            return 1 / (primary.score() * seconds(unit.substring(0, slash)));
        }
        throw new IllegalArgumentException(benchmark + ": unit '" + unit + "' is neither ops/<time> nor <time>/op");
    }

    /** Seconds per operation: the inverse of {@link #opsPerSecond()}. */
    double secondsPerOp() {
        return 1 / opsPerSecond();
    }

    /** The seconds in one of JMH's time units: ns, us, ms, s, min. */
    static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us", "\u00b5s" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("not a JMH time unit: '" + unit + "'");
        };
    }

    /**
     * A score with its error (the 99.9% confidence half-width JMH reports; NaN when JMH could not compute one, e.g.
     * from a single iteration).
     *
     * <p>Immutable.
     */
    record Metric(double score, double error, String unit) {
    }
}
