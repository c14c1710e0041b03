package dev.quiver.bench.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A performance goal: which results it judges ({@link Selector}) and the criteria a result meets it by (any one
 * suffices). {@link GoalTable#GOALS} lists the project's; {@link GoalVerdict#evaluate} judges a run against them.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param id       a short stable name ({@code headline-six})
 * @param name     what it measures, in a few words, for the headline table ({@code indicator vs TA-Lib})
 * @param title    what the goal says, for the report
 * @param subject  the results judged; each parameter combination is judged on its own (one row per spec)
 * @param criteria the ways to meet it; a row meets the goal when it meets any one
 * @param headline whether its rows go into the README's headline table
 */
record Goal(String id, String name, String title, Selector subject, List<Criterion> criteria, boolean headline) {

    /**
     * Results of one benchmark class: any of {@code methods}, with each parameter in {@code where} one of its values
     * (a parameter not named may have any value).
     *
     * <p>Immutable.
     *
     * @param benchmarkClass the class, relative to {@code dev.quiver.bench.} ({@code features.FeatureSetBenchmark})
     * @param methods        the methods
     * @param where          parameter filters
     * @param fastestOver    what the goal takes the fastest over rather than judging apart: {@value #METHOD} (Quiver's
     *                       faster of scalar and vector) and parameter names ({@code threads}: the machine's best)
     */
    record Selector(String benchmarkClass, Set<String> methods, Map<String, Set<String>> where,
            Set<String> fastestOver) {
        /** In {@link #fastestOver}: the fastest of {@link #methods} counts. */
        static final String METHOD = "method";

        boolean matches(JmhResult r) {
            if (!BenchmarkReport.shortName(r.benchmarkClass()).equals(benchmarkClass)
                    || !methods.contains(r.method())) {
                return false;
            }
            for (Map.Entry<String, Set<String>> e : where.entrySet()) {
                if (!e.getValue().contains(r.params().get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** How a criterion measures. */
    enum Kind {
        /** The subject's rate over the peer's at least {@code threshold}. */
        SPEEDUP,
        /** The subject's operations per second, times its work per operation, at least {@code threshold}. */
        RATE_AT_LEAST,
        /** The subject's seconds per operation at most {@code threshold}. */
        TIME_AT_MOST
    }

    /**
     * One way to meet a goal.
     *
     * <p>Immutable.
     *
     * @param kind          what is measured
     * @param threshold     the bound: a speed ratio, a rate in {@code unit} per second, or seconds
     * @param peerMethods   for {@link Kind#SPEEDUP}: the peer's methods in the subject's class (the fastest counts)
     * @param peerParams    for {@link Kind#SPEEDUP}: the peer's parameters where they differ from the subject's,
     *                      {@code "*"} for any value; the others must equal the subject's
     * @param peerLabel     the peer as the report names it ({@code TA-Lib}, {@code the copy ceiling})
     * @param workParams    for {@link Kind#RATE_AT_LEAST}: parameters whose product is the work per operation (none:
     *                      one unit per operation, as {@code @OperationsPerInvocation} counts it)
     * @param unit          for {@link Kind#RATE_AT_LEAST}: the work's unit ({@code bar-steps})
     */
    record Criterion(Kind kind, double threshold, Set<String> peerMethods, Map<String, String> peerParams,
            String peerLabel, List<String> workParams, String unit) {

        static Criterion speedup(double atLeast, String peerLabel, Set<String> peerMethods,
                Map<String, String> peerParams) {
            return new Criterion(Kind.SPEEDUP, atLeast, peerMethods, peerParams, peerLabel, List.of(), "");
        }

        static Criterion rateAtLeast(double perSecond, String unit, List<String> workParams) {
            return new Criterion(Kind.RATE_AT_LEAST, perSecond, Set.of(), Map.of(), "", workParams, unit);
        }

        static Criterion timeAtMost(double seconds) {
            return new Criterion(Kind.TIME_AT_MOST, seconds, Set.of(), Map.of(), "", List.of(), "");
        }

        /** Whether {@code peer} is this criterion's peer for a subject with {@code subjectParams}. */
        boolean isPeer(JmhResult peer, String subjectClass, Map<String, String> subjectParams) {
            if (!peer.benchmarkClass().equals(subjectClass) || !peerMethods.contains(peer.method())) {
                return false;
            }
            for (Map.Entry<String, String> e : subjectParams.entrySet()) {
                String wanted = peerParams.getOrDefault(e.getKey(), e.getValue());
                if (!wanted.equals("*") && !wanted.equals(peer.params().get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }
}
