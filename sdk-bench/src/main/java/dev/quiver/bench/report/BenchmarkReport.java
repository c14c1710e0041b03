package dev.quiver.bench.report;

import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns JMH JSON result files ({@code -rf json}) into a Markdown report people read at a glance, with a grouped bar
 * chart per benchmark class.
 *
 * <pre>
 * java -cp sdk-bench/target/benchmarks.jar dev.quiver.bench.report.BenchmarkReport --out DIR [--readme README.md] \
 *     result.json [more.json ...]
 * </pre>
 *
 * <p>{@code DIR/report.md} has, in order:
 * <ul>
 *   <li>the machine: CPU model, cores, the Vector API's preferred width, JDK and OS, from the {@link MachineInfo}
 *       file the suite wrote beside the first input ({@value MachineInfo#FILE_NAME}), else what JMH recorded;</li>
 *   <li>the goals ({@link GoalTable}): each met, not met or not measured, with its worst ratio, then a row per judged
 *       result;</li>
 *   <li>a section per benchmark class: a table with a row per workload and a column per implementation (Quiver's
 *       paths, the peers, the ceilings; {@link Implementation}) giving the time per operation, then Quiver's fastest
 *       over the best peer and as a fraction of the ceiling; the chart ({@link ReportCharts}); and JMH's raw figures
 *       (score &plusmn; error, secondary metrics, a file column when there are several inputs) folded away.</li>
 * </ul>
 * With {@code --readme FILE} the generator also rewrites the headline block of that Markdown file
 * ({@link HeadlineBlock}). Every file is written atomically ({@link AtomicFiles}); the charts render headless.
 *
 * <p>Thread-safety: stateless; {@link #write} may run on several threads at once for different output directories.
 */
public final class BenchmarkReport {
    static {
        // charts render without a display (servers, CI) unless the application chose otherwise before AWT started
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The report's file name in the output directory. */
    public static final String REPORT_FILE = "report.md";

    private static final String PACKAGE_PREFIX = "dev.quiver.bench.";

    private BenchmarkReport() {
    }

    /**
     * Runs the generator: {@code --out DIR FILE...}. Prints the files written; on bad arguments or input prints the
     * error to standard error and exits with status 2 (usage) or 1 (input or output).
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path outDir = null;
        Path readme = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println(usage());
                return 0;
            } else if (a.equals("--out") || a.equals("-o") || a.equals("--readme")) {
                if (i + 1 >= args.length) {
                    err.println("BenchmarkReport: " + a + " needs a " + (a.equals("--readme") ? "file" : "directory")
                            + "\n" + usage());
                    return 2;
                }
                Path p = Path.of(args[++i]);
                if (a.equals("--readme")) {
                    readme = p;
                } else {
                    outDir = p;
                }
            } else if (a.startsWith("--out=")) {
                outDir = Path.of(a.substring("--out=".length()));
            } else if (a.startsWith("--readme=")) {
                readme = Path.of(a.substring("--readme=".length()));
            } else if (a.startsWith("-")) {
                err.println("BenchmarkReport: unknown option " + a + "\n" + usage());
                return 2;
            } else {
                inputs.add(Path.of(a));
            }
        }
        if (outDir == null || inputs.isEmpty()) {
            err.println("BenchmarkReport: " + (outDir == null ? "--out DIR is required" : "no result files given")
                    + "\n" + usage());
            return 2;
        }
        try {
            List<Path> written = write(outDir, inputs);
            for (Path p : written) {
                out.println(p);
            }
            if (readme != null) {
                List<JmhResult> all = new ArrayList<>();
                for (Path in : inputs) {
                    all.addAll(JmhResultReader.read(in));
                }
                HeadlineBlock.rewrite(readme, GoalVerdict.evaluate(GoalTable.GOALS, all), machine(inputs, all),
                        written.getFirst());
                out.println(readme);
            }
            return 0;
        } catch (IOException e) {
            err.println("BenchmarkReport: " + e.getMessage());
            return 1;
        }
    }

    private static String usage() {
        return "usage: java -cp benchmarks.jar " + BenchmarkReport.class.getName()
                + " --out DIR [--readme README.md] result.json [result.json ...]";
    }

    /**
     * Reads {@code inputs} (JMH JSON results) and writes {@code report.md} and the charts into {@code outDir}, creating
     * it if needed. Every input is read before anything is written, so bad input writes nothing.
     *
     * @return the files written, the report first
     * @throws IllegalArgumentException if {@code inputs} is empty
     * @throws IOException              if an input cannot be read or is malformed (the message names the file and
     *                                  the entry), or an output cannot be written
     */
    public static List<Path> write(Path outDir, List<Path> inputs) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no result files given");
        }
        Map<Path, List<JmhResult>> byFile = new LinkedHashMap<>();
        List<JmhResult> all = new ArrayList<>();
        for (Path in : inputs) {
            List<JmhResult> rs = JmhResultReader.read(in);
            byFile.put(in, rs);
            all.addAll(rs);
        }
        MachineInfo machine = machine(inputs, all);
        boolean multipleFiles = byFile.size() > 1;
        Map<String, List<JmhResult>> byClass = new LinkedHashMap<>();
        for (JmhResult r : all) {
            byClass.computeIfAbsent(r.benchmarkClass(), k -> new ArrayList<>()).add(r);
        }

        List<Path> charts = new ArrayList<>();
        Map<String, List<Path>> chartsByClass = new LinkedHashMap<>();
        for (Map.Entry<String, List<JmhResult>> e : byClass.entrySet()) {
            List<Path> written = ReportCharts.write(outDir, shortName(e.getKey()), e.getValue());
            chartsByClass.put(e.getKey(), written);
            charts.addAll(written);
        }
        Path report = outDir.resolve(REPORT_FILE);
        String markdown = markdown(byFile, byClass, chartsByClass, multipleFiles, machine,
                GoalVerdict.evaluate(GoalTable.GOALS, all));
        AtomicFiles.writeText(report, w -> w.write(markdown));

        List<Path> written = new ArrayList<>();
        written.add(report);
        written.addAll(charts);
        return written;
    }

    /**
     * The machine of the run: the suite's {@value MachineInfo#FILE_NAME} beside the first input, or, without one, the
     * JDK JMH recorded and nothing else (a report made elsewhere cannot know the CPU that ran).
     */
    static MachineInfo machine(List<Path> inputs, List<JmhResult> results) throws IOException {
        Path parent = inputs.getFirst().toAbsolutePath().getParent();
        Path file = parent == null ? null : parent.resolve(MachineInfo.FILE_NAME);
        if (file != null && Files.isRegularFile(file)) {
            return MachineInfo.read(file);
        }
        Set<String> jdks = new LinkedHashSet<>();
        for (JmhResult r : results) {
            jdks.add(r.jdkVersion().isEmpty() ? "unknown" : r.jdkVersion() + (r.vm().isEmpty() ? "" : " (" + r.vm()
                    + ")"));
        }
        return new MachineInfo("not recorded (no " + MachineInfo.FILE_NAME + " beside the results)", 0, 0,
                jdks.isEmpty() ? "unknown" : String.join("; ", jdks), "not recorded");
    }

    private static String markdown(Map<Path, List<JmhResult>> byFile, Map<String, List<JmhResult>> byClass,
            Map<String, List<Path>> chartsByClass, boolean multipleFiles, MachineInfo machine,
            List<GoalVerdict> goals) {
        StringBuilder md = new StringBuilder("# Benchmark report\n\n## Machine\n\n");
        md.append("- CPU: ").append(machine.cpu()).append(machine.cores() > 0 ? ", " + machine.cores()
                + " cores visible to the JVM" : "").append('\n');
        if (machine.cores() > 0) {
            md.append("- Vector width: ").append(machine.vectorText()).append('\n');
        }
        md.append("- JDK: ").append(machine.jdk()).append('\n');
        md.append("- OS: ").append(machine.os()).append('\n');
        Set<String> jvms = new LinkedHashSet<>();
        for (List<JmhResult> rs : byFile.values()) {
            for (JmhResult r : rs) {
                if (!r.jvm().isEmpty()) {
                    jvms.add(r.jvm());
                }
            }
        }
        md.append("- JVM: ").append(jvms.isEmpty() ? "unknown" : "`" + String.join("`; `", jvms) + "`").append('\n');
        md.append("- Input files:");
        for (Map.Entry<Path, List<JmhResult>> e : byFile.entrySet()) {
            md.append(byFile.size() > 1 ? "\n  - " : " ").append('`').append(e.getKey()).append("` (")
                    .append(e.getValue().size()).append(e.getValue().size() == 1 ? " result)" : " results)");
        }
        md.append("\n\nRatios compare implementations measured in the same run (a class's throughput counter, such as "
                + "`values` rows/s, where it has one, so panels of different sizes compare); absolute figures depend on"
                + " the machine and its load.\n");
        goals(md, goals);
        for (Map.Entry<String, List<JmhResult>> e : byClass.entrySet()) {
            List<JmhResult> rows = e.getValue();
            md.append("\n## ").append(shortName(e.getKey())).append("\n\n");
            Set<String> modes = new LinkedHashSet<>();
            Set<Integer> threads = new LinkedHashSet<>();
            Set<Integer> forks = new LinkedHashSet<>();
            for (JmhResult r : rows) {
                modes.add(r.mode());
                threads.add(r.threads());
                forks.add(r.forks());
            }
            md.append('`').append(e.getKey()).append("`: mode ").append(join(modes)).append(", threads ")
                    .append(join(threads)).append(", forks ").append(join(forks)).append(".\n\n");
            workloads(md, rows);
            for (Path chart : chartsByClass.getOrDefault(e.getKey(), List.of())) {
                String name = String.valueOf(chart.getFileName());
                md.append("\n![").append(name).append("](").append(name).append(")\n");
            }
            md.append("\n<details><summary>JMH's figures</summary>\n\n");
            raw(md, rows, multipleFiles);
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    private static void goals(StringBuilder md, List<GoalVerdict> goals) {
        md.append("\n## Goals\n\n| goal | status | worst ratio | target |\n|---|---|---|---|\n");
        for (GoalVerdict g : goals) {
            GoalVerdict.Row worst = g.worst();
            long measured = g.rows().stream().filter(r -> r.status() != GoalVerdict.Status.NOT_MEASURED).count();
            String status = g.status().text() + (g.rows().isEmpty() || measured == g.rows().size() ? ""
                    : " (" + measured + " of " + g.rows().size() + " measured)");
            row(md, List.of(g.goal().title(), status,
                    worst == null ? "-" : Quantities.ratio(worst.ratio()) + " (" + worst.label() + ")",
                    GoalVerdict.target(g.goal().criteria().getFirst())
                            + (g.goal().criteria().size() > 1 ? " or " + GoalVerdict.target(g.goal().criteria().get(1))
                            : "")));
        }
        for (GoalVerdict g : goals) {
            md.append("\n### ").append(g.goal().title()).append("\n\n");
            if (g.rows().isEmpty()) {
                Goal.Selector s = g.goal().subject();
                md.append("Not measured: the run has no result of `").append(s.benchmarkClass()).append('.')
                        .append(String.join("|", new TreeSet<>(s.methods()))).append("`")
                        .append(s.where().isEmpty() ? "" : " with " + s.where()).append(".\n");
                continue;
            }
            md.append("| workload | status | measured | target | ratio |\n|---|---|---|---|---|\n");
            for (GoalVerdict.Row r : g.rows()) {
                row(md, List.of(r.label(), r.status().text(), r.measured(), r.target(), Quantities.ratio(r.ratio())));
            }
        }
    }

    /** The class's workloads: time per operation of each implementation, Quiver against the best peer. */
    private static void workloads(StringBuilder md, List<JmhResult> results) {
        Workloads w = Workloads.of(results);
        List<String> header = new ArrayList<>(List.of("workload"));
        header.addAll(w.series().keySet());
        boolean peers = w.series().values().stream().anyMatch(i -> i.role() == Implementation.Role.PEER);
        boolean ceilings = w.series().values().stream().anyMatch(i -> i.role() == Implementation.Role.CEILING);
        if (peers) {
            header.add("Quiver vs best peer");
        }
        if (ceilings) {
            header.add("Quiver of ceiling");
        }
        md.append("Time per operation").append(w.counter() == null ? "" : "; ratios of `" + w.counter() + "`/s")
                .append(":\n\n");
        row(md, header);
        md.append('|').append("---|".repeat(header.size())).append('\n');
        for (Workloads.Row r : w.rows()) {
            List<String> cells = new ArrayList<>(List.of(r.label()));
            for (String s : w.series().keySet()) {
                Workloads.Cell c = r.cells().get(s);
                cells.add(c == null ? "" : Quantities.time(c.result().secondsPerOp()));
            }
            if (peers) {
                Workloads.Cell q = r.best(Implementation.Role.QUIVER);
                Workloads.Cell p = r.best(Implementation.Role.PEER);
                cells.add(q == null || p == null ? "-" : Quantities.ratio(r.speedupOverBestPeer()) + " ("
                        + q.implementation().label() + " vs " + p.implementation().label() + ")");
            }
            if (ceilings) {
                cells.add(Quantities.percent(r.fractionOfCeiling()));
            }
            row(md, cells);
        }
    }

    /** JMH's own figures: method, parameters, score ± error, unit and the secondary metrics. */
    private static void raw(StringBuilder md, List<JmhResult> rows, boolean multipleFiles) {
        Set<String> secondary = new LinkedHashSet<>();
        for (JmhResult r : rows) {
            secondary.addAll(r.secondary().keySet());
        }
        List<String> header = new ArrayList<>();
        if (multipleFiles) {
            header.add("file");
        }
        header.addAll(List.of("method", "params", "score ± error", "unit"));
        for (String s : secondary) {
            header.add(s + unitSuffix(rows, s));
        }
        row(md, header);
        md.append('|').append("---|".repeat(header.size())).append('\n');
        for (JmhResult r : rows) {
            List<String> cells = new ArrayList<>();
            if (multipleFiles) {
                cells.add(String.valueOf(r.file().getFileName()));
            }
            cells.add(r.method());
            cells.add(r.paramsText());
            cells.add(scoreText(r.primary()));
            cells.add(r.primary().unit());
            for (String s : secondary) {
                JmhResult.Metric m = r.secondary().get(s);
                cells.add(m == null ? "" : scoreText(m) + (unitSuffix(rows, s).isEmpty() ? " " + m.unit() : ""));
            }
            row(md, cells);
        }
    }

    /** " (unit)" when every row that has secondary metric {@code name} has it in one unit, else "". */
    private static String unitSuffix(List<JmhResult> rows, String name) {
        Set<String> units = new LinkedHashSet<>();
        for (JmhResult r : rows) {
            JmhResult.Metric m = r.secondary().get(name);
            if (m != null) {
                units.add(m.unit());
            }
        }
        return units.size() == 1 ? " (" + units.iterator().next() + ")" : "";
    }

    static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String c : cells) {
            md.append(' ').append(c.replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        md.append('\n');
    }

    private static String join(Set<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            sb.append(sb.isEmpty() ? "" : ", ").append(v);
        }
        return sb.toString();
    }

    /** The score and, where JMH computed one, its error, both to the score's precision. */
    static String scoreText(JmhResult.Metric m) {
        String pattern = pattern(m.score());
        String score = number(pattern, m.score());
        return Double.isFinite(m.error()) ? score + " ± " + number(pattern, m.error()) : score;
    }

    /** Four or so significant digits, thousands grouped: readable in a table without hiding the magnitude. */
    private static String pattern(double v) {
        double a = Math.abs(v);
        if (!Double.isFinite(a) || a >= 1000) {
            return "%,.0f";
        } else if (a >= 100) {
            return "%.1f";
        } else if (a >= 10) {
            return "%.2f";
        } else if (a >= 1 || a == 0) {
            return "%.3f";
        }
        return "%.4g";
    }

    private static String number(String pattern, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, pattern, v) : String.valueOf(v);
    }

    /** The class name without the benchmarks' common package: {@code features.IndicatorBenchmark}. */
    static String shortName(String benchmarkClass) {
        return benchmarkClass.startsWith(PACKAGE_PREFIX) ? benchmarkClass.substring(PACKAGE_PREFIX.length())
                : benchmarkClass;
    }
}
