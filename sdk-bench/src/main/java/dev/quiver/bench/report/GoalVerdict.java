package dev.quiver.bench.report;

import dev.quiver.bench.report.Goal.Criterion;
import dev.quiver.bench.report.Goal.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A goal judged against one run: a row per subject result (per parameter combination, after taking the fastest over
 * what the goal's selector merges), each met, not met or not measured (no peer result to compare with), and the
 * goal's status: not measured when no row is measured, else met when every measured row is.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param goal the goal
 * @param rows the rows, in result order
 */
record GoalVerdict(Goal goal, List<Row> rows) {
    /** A goal's or a row's outcome. */
    enum Status {
        /** Measured and met. */
        MET,
        /** Measured and missed. */
        NOT_MET,
        /** The run lacks a result the goal needs. */
        NOT_MEASURED;

        /** As the report prints it. */
        String text() {
            return switch (this) {
                case MET -> "met";
                case NOT_MET -> "**not met**";
                case NOT_MEASURED -> "not measured";
            };
        }
    }

    /**
     * One judged result.
     *
     * <p>Immutable.
     *
     * @param label    what tells it apart ({@code spec=sma}; "all" when the goal has one row)
     * @param status   its outcome
     * @param measured the figures compared, or why there are none
     * @param target   the criterion shown
     * @param ratio    the speed ratio for a speed-up, measured over target otherwise (at least 1 when met); NaN when
     *                 not measured
     * @param margin   the ratio over its threshold: at least 1 when met; NaN when not measured
     */
    record Row(String label, Status status, String measured, String target, double ratio, double margin) {
    }

    /** The goal's status. */
    Status status() {
        boolean measured = false;
        for (Row r : rows) {
            if (r.status() == Status.NOT_MET) {
                return Status.NOT_MET;
            }
            measured |= r.status() == Status.MET;
        }
        return measured ? Status.MET : Status.NOT_MEASURED;
    }

    /** The measured row furthest from (or least beyond) its target, or null when none is measured. */
    Row worst() {
        Row worst = null;
        for (Row r : rows) {
            if (r.status() != Status.NOT_MEASURED && (worst == null || r.margin() < worst.margin())) {
                worst = r;
            }
        }
        return worst;
    }

    /** Judges every goal against {@code results} (one run, any classes). */
    static List<GoalVerdict> evaluate(List<Goal> goals, List<JmhResult> results) {
        Map<String, String> counters = new HashMap<>();
        Map<String, List<JmhResult>> byClass = new LinkedHashMap<>();
        for (JmhResult r : results) {
            byClass.computeIfAbsent(r.benchmarkClass(), k -> new ArrayList<>()).add(r);
        }
        byClass.forEach((k, v) -> counters.put(k, ReportCharts.throughputCounter(v)));
        List<GoalVerdict> verdicts = new ArrayList<>();
        for (Goal g : goals) {
            verdicts.add(evaluate(g, results, counters));
        }
        return verdicts;
    }

    private static GoalVerdict evaluate(Goal goal, List<JmhResult> results, Map<String, String> counters) {
        Selector sel = goal.subject();
        List<JmhResult> subjects = results.stream().filter(sel::matches).toList();
        boolean mergeMethods = sel.fastestOver().contains(Selector.METHOD);
        boolean severalMethods = subjects.stream().map(JmhResult::method).distinct().count() > 1;
        Set<String> varying = Workloads.varyingParams(subjects);
        // one row per key: the fastest subject result of those the selector merges
        Map<String, JmhResult> fastest = new LinkedHashMap<>();
        for (JmhResult r : subjects) {
            StringBuilder key = new StringBuilder(!mergeMethods && severalMethods ? r.method() : "");
            r.params().forEach((k, v) -> {
                if (varying.contains(k) && !sel.fastestOver().contains(k)) {
                    key.append(key.isEmpty() ? "" : ", ").append(k).append('=').append(v);
                }
            });
            String label = key.isEmpty() ? "all" : key.toString();
            String counter = counters.get(r.benchmarkClass());
            JmhResult best = fastest.get(label);
            if (best == null || Workloads.rate(r, counter) > Workloads.rate(best, counter)) {
                fastest.put(label, r);
            }
        }
        List<Row> rows = new ArrayList<>();
        fastest.forEach((label, subject) -> rows.add(row(goal, label, subject, results,
                counters.get(subject.benchmarkClass()))));
        return new GoalVerdict(goal, List.copyOf(rows));
    }

    private static Row row(Goal goal, String label, JmhResult subject, List<JmhResult> results, String counter) {
        Row best = null;
        List<String> missing = new ArrayList<>();
        for (Criterion c : goal.criteria()) {
            Row r = judge(c, label, subject, results, counter);
            if (r == null) {
                missing.add(c.peerLabel());
                continue;
            }
            if (r.status() == Status.MET) {
                return r;
            }
            if (best == null || r.margin() > best.margin()) {
                best = r;
            }
        }
        if (best != null) {
            return best;
        }
        return new Row(label, Status.NOT_MEASURED, "no result of " + String.join(" or ", missing) + " in this run",
                target(goal.criteria().getFirst()), Double.NaN, Double.NaN);
    }

    /** One criterion on one subject result; null when the peer it needs is missing. */
    private static Row judge(Criterion c, String label, JmhResult subject, List<JmhResult> results, String counter) {
        String who = Implementation.of(subject.method()).label() + threadsText(subject);
        switch (c.kind()) {
            case SPEEDUP -> {
                JmhResult peer = null;
                for (JmhResult r : results) {
                    if (c.isPeer(r, subject.benchmarkClass(), subject.params())
                            && (peer == null || Workloads.rate(r, counter) > Workloads.rate(peer, counter))) {
                        peer = r;
                    }
                }
                if (peer == null) {
                    return null;
                }
                double s = Workloads.rate(subject, counter);
                double p = Workloads.rate(peer, counter);
                String unit = counter == null ? "ops" : counter;
                double ratio = s / p;
                return new Row(label, ratio >= c.threshold() ? Status.MET : Status.NOT_MET,
                        who + " " + Quantities.rate(s, unit) + " vs " + c.peerLabel() + " " + Quantities.rate(p, unit),
                        target(c), ratio, ratio / c.threshold());
            }
            case RATE_AT_LEAST -> {
                double work = 1;
                for (String p : c.workParams()) {
                    String v = subject.params().get(p);
                    if (v == null) {
                        return null;
                    }
                    work *= Double.parseDouble(v);
                }
                double rate = subject.opsPerSecond() * work;
                double ratio = rate / c.threshold();
                return new Row(label, ratio >= 1 ? Status.MET : Status.NOT_MET,
                        who + " " + Quantities.rate(rate, c.unit()), target(c), ratio, ratio);
            }
            case TIME_AT_MOST -> {
                double t = subject.secondsPerOp();
                double ratio = c.threshold() / t;
                return new Row(label, ratio >= 1 ? Status.MET : Status.NOT_MET, who + " " + Quantities.time(t),
                        target(c), ratio, ratio);
            }
            default -> throw new AssertionError(c.kind());
        }
    }

    private static String threadsText(JmhResult r) {
        String t = r.params().get("threads");
        return t == null ? "" : ", " + t + (t.equals("1") ? " thread" : " threads");
    }

    /** The criterion as the report states it. */
    static String target(Criterion c) {
        return switch (c.kind()) {
            case SPEEDUP -> "≥ " + Quantities.ratio(c.threshold()) + " " + c.peerLabel();
            case RATE_AT_LEAST -> "≥ " + Quantities.rate(c.threshold(), c.unit());
            case TIME_AT_MOST -> "≤ " + Quantities.time(c.threshold());
        };
    }
}
