package dev.quiver.bench.report;

import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns JMH JSON result files ({@code -rf json}) into a Markdown report with one table per benchmark class and one PNG
 * bar chart per benchmark class.
 *
 * <pre>
 * java -cp sdk-bench/target/benchmarks.jar dev.quiver.bench.report.BenchmarkReport --out DIR result.json [more.json ...]
 * </pre>
 *
 * <p>{@code DIR/report.md} starts with the JDK and JVM the results came from and the input files, then has a section per
 * benchmark class: a table of method, parameters, score &plusmn; error and unit, with a column per secondary metric
 * (JMH user counters such as {@code values} or {@code rows}, profiler metrics) when the class has any, and a file
 * column when there are several inputs. Each section links its chart, {@code DIR/<class>.png}: a bar per (method,
 * parameters) with its error bar, showing the class's throughput counter (a secondary metric every entry of the class
 * has, not a profiler metric, in a per-second unit) when there is one, else the primary score. A class whose entries
 * have different units gets a chart per unit ({@code <class>-<unit>.png}). Every file is written atomically
 * ({@link AtomicFiles}); the charts render headless.
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
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println(usage());
                return 0;
            } else if (a.equals("--out") || a.equals("-o")) {
                if (i + 1 >= args.length) {
                    err.println("BenchmarkReport: " + a + " needs a directory\n" + usage());
                    return 2;
                }
                outDir = Path.of(args[++i]);
            } else if (a.startsWith("--out=")) {
                outDir = Path.of(a.substring("--out=".length()));
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
            for (Path p : write(outDir, inputs)) {
                out.println(p);
            }
            return 0;
        } catch (IOException e) {
            err.println("BenchmarkReport: " + e.getMessage());
            return 1;
        }
    }

    private static String usage() {
        return "usage: java -cp benchmarks.jar " + BenchmarkReport.class.getName()
                + " --out DIR result.json [result.json ...]";
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
        for (Path in : inputs) {
            byFile.put(in, JmhResultReader.read(in));
        }
        boolean multipleFiles = byFile.size() > 1;
        Map<String, List<JmhResult>> byClass = new LinkedHashMap<>();
        for (List<JmhResult> rs : byFile.values()) {
            for (JmhResult r : rs) {
                byClass.computeIfAbsent(r.benchmarkClass(), k -> new ArrayList<>()).add(r);
            }
        }

        List<Path> charts = new ArrayList<>();
        Map<String, List<Path>> chartsByClass = new LinkedHashMap<>();
        for (Map.Entry<String, List<JmhResult>> e : byClass.entrySet()) {
            List<Path> written = ReportCharts.write(outDir, shortName(e.getKey()), e.getValue(), multipleFiles);
            chartsByClass.put(e.getKey(), written);
            charts.addAll(written);
        }
        Path report = outDir.resolve(REPORT_FILE);
        String markdown = markdown(byFile, byClass, chartsByClass, multipleFiles);
        AtomicFiles.writeText(report, w -> w.write(markdown));

        List<Path> all = new ArrayList<>();
        all.add(report);
        all.addAll(charts);
        return all;
    }

    private static String markdown(Map<Path, List<JmhResult>> byFile, Map<String, List<JmhResult>> byClass,
            Map<String, List<Path>> chartsByClass, boolean multipleFiles) {
        StringBuilder md = new StringBuilder("# Benchmark report\n\n");
        Set<String> jdks = new LinkedHashSet<>();
        Set<String> jvms = new LinkedHashSet<>();
        for (List<JmhResult> rs : byFile.values()) {
            for (JmhResult r : rs) {
                jdks.add(r.jdkVersion().isEmpty() ? "unknown" : r.jdkVersion()
                        + (r.vm().isEmpty() ? "" : " (" + r.vm() + ")"));
                if (!r.jvm().isEmpty()) {
                    jvms.add(r.jvm());
                }
            }
        }
        md.append("- JDK: ").append(jdks.isEmpty() ? "unknown" : String.join("; ", jdks)).append('\n');
        md.append("- JVM: ").append(jvms.isEmpty() ? "unknown" : "`" + String.join("`; `", jvms) + "`").append('\n');
        md.append("- Input files:");
        for (Map.Entry<Path, List<JmhResult>> e : byFile.entrySet()) {
            md.append(byFile.size() > 1 ? "\n  - " : " ").append('`').append(e.getKey()).append("` (")
                    .append(e.getValue().size()).append(e.getValue().size() == 1 ? " result)" : " results)");
        }
        md.append("\n\nScores are JMH's: the mean over measurement iterations and forks, ± the half-width of its 99.9% "
                + "confidence interval (absent after a single iteration).\n");

        for (Map.Entry<String, List<JmhResult>> e : byClass.entrySet()) {
            List<JmhResult> rows = e.getValue();
            md.append("\n## ").append(shortName(e.getKey())).append("\n\n");
            Set<String> modes = new LinkedHashSet<>();
            Set<Integer> threads = new LinkedHashSet<>();
            Set<Integer> forks = new LinkedHashSet<>();
            Set<String> secondary = new LinkedHashSet<>();
            for (JmhResult r : rows) {
                modes.add(r.mode());
                threads.add(r.threads());
                forks.add(r.forks());
                secondary.addAll(r.secondary().keySet());
            }
            md.append('`').append(e.getKey()).append("`: mode ").append(join(modes)).append(", threads ")
                    .append(join(threads)).append(", forks ").append(join(forks)).append(".\n\n");

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
            for (Path chart : chartsByClass.getOrDefault(e.getKey(), List.of())) {
                String name = String.valueOf(chart.getFileName());
                md.append("\n![").append(name).append("](").append(name).append(")\n");
            }
        }
        return md.toString();
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

    private static void row(StringBuilder md, List<String> cells) {
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
