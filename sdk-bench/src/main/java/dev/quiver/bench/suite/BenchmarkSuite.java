package dev.quiver.bench.suite;

import dev.quiver.bench.report.BenchmarkReport;
import dev.quiver.bench.report.MachineInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a {@link SuiteProfile} and writes, into one directory, {@value #RESULTS} (JMH's JSON, every step's results in
 * one array), {@value MachineInfo#FILE_NAME} and the report ({@link BenchmarkReport}: {@code report.md} and the
 * charts). {@code sdk-bench/run} builds the jar and starts this class; run by hand:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp sdk-bench/target/benchmarks.jar dev.quiver.bench.suite.BenchmarkSuite \
 *     --profile quick --output DIR [--only REGEX]
 * </pre>
 *
 * A benchmark that fails (an operator a peer lacks) is left out of the results, as JMH does, and its goal reads "not
 * measured"; the suite goes on. {@code --only REGEX} keeps, of each step's benchmarks, those whose name matches.
 *
 * <p>Thread-safety: {@link #run} is not reentrant within one JVM (JMH's runner is not); the class holds no state.
 */
public final class BenchmarkSuite {
    /** The results file's name. */
    public static final String RESULTS = "results.json";

    private BenchmarkSuite() {
    }

    /**
     * {@code --profile smoke|quick|full --output DIR [--only REGEX]}. Exits with status 2 on bad arguments, 1 when no
     * benchmark produced a result or the report could not be written.
     */
    public static void main(String[] args) {
        String profile = null;
        Path out = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--profile") || a.equals("--output") || a.equals("--only")) && i + 1 < args.length) {
                String v = args[++i];
                switch (a) {
                    case "--profile" -> profile = v;
                    case "--output" -> out = Path.of(v);
                    default -> only = v;
                }
            } else {
                usage("unexpected argument " + a);
            }
        }
        if (profile == null || out == null) {
            usage(profile == null ? "--profile is required" : "--output is required");
        }
        SuiteProfile p;
        try {
            p = SuiteProfile.named(profile);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        try {
            List<Path> written = run(p, Map.of(), only, out, System.out);
            written.forEach(System.out::println);
        } catch (IOException | RunnerException e) {
            System.err.println("BenchmarkSuite: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("BenchmarkSuite: " + problem + "\nusage: java -cp benchmarks.jar "
                + BenchmarkSuite.class.getName() + " --profile smoke|quick|full --output DIR [--only REGEX]");
        System.exit(2);
    }

    /**
     * Runs {@code profile}'s steps (with {@code extraParams} over each step's parameters, and the smoke inputs for the
     * smoke profile), then writes the results, the machine and the report into {@code out}.
     *
     * @param only a pattern a benchmark's name must also contain a match of, or null for all
     * @return the files written: results, machine, report, charts
     * @throws IOException     if no benchmark produced a result (the message says which steps ran) or a file could
     *                         not be written
     * @throws RunnerException if JMH could not start a run
     */
    public static List<Path> run(SuiteProfile profile, Map<String, List<String>> extraParams, String only, Path out,
            PrintStream log) throws IOException, RunnerException {
        return run(profile.steps(), profile.settings(),
                profile == SuiteProfile.SMOKE ? merge(SuiteProfile.SMOKE_PARAMS, extraParams) : extraParams, only,
                out, log);
    }

    /** {@link #run(SuiteProfile, Map, String, Path, PrintStream)} for any steps and settings. */
    static List<Path> run(List<SuiteProfile.Step> steps, SuiteProfile.Settings settings,
            Map<String, List<String>> extraParams, String only, Path out, PrintStream log)
            throws IOException, RunnerException {
        Files.createDirectories(out);
        // recorded first: the machine as the run found it, even if the run dies
        List<Path> written = new ArrayList<>();
        Path machine = out.resolve(MachineInfo.FILE_NAME);
        MachineInfo.current().write(machine);
        List<RunResult> results = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (SuiteProfile.Step step : steps) {
            List<String> names = benchmarks(step, only);
            if (names.isEmpty()) {
                log.println("BenchmarkSuite: no benchmark matches " + step.include()
                        + (only == null ? "" : " and " + only) + "; skipped");
                continue;
            }
            ran.add(step.include() + " (" + names.size() + ")");
            Collection<RunResult> r = new Runner(options(names, step, settings, extraParams)).run();
            results.addAll(r);
        }
        if (results.isEmpty()) {
            throw new IOException("no benchmark produced a result (steps run: " + ran + ")");
        }
        Path json = out.resolve(RESULTS);
        try (PrintStream ps = new PrintStream(Files.newOutputStream(json), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
        }
        written.add(json);
        written.add(machine);
        written.addAll(BenchmarkReport.write(out, List.of(json)));
        return written;
    }

    /** The benchmarks (JMH's {@code Class.method} names) a step runs, filtered by {@code only}. */
    static List<String> benchmarks(SuiteProfile.Step step, String only) {
        SortedSet<BenchmarkListEntry> found = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(step.include()),
                step.exclude());
        Pattern filter = only == null ? null : Pattern.compile(only);
        List<String> names = new ArrayList<>();
        for (BenchmarkListEntry e : found) {
            String name = e.getUsername();
            if ((filter == null || filter.matcher(name).find()) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Options options(List<String> names, SuiteProfile.Step step, SuiteProfile.Settings profile,
            Map<String, List<String>> extraParams) {
        ChainedOptionsBuilder b = new OptionsBuilder().shouldFailOnError(false);
        for (String n : names) {
            b.include("^" + Pattern.quote(n) + "$");
        }
        merge(step.params(), extraParams).forEach((k, v) -> b.param(k, v.toArray(String[]::new)));
        SuiteProfile.Settings s = step.settings(profile);
        if (s.forks() >= 0) {
            b.forks(s.forks());
        }
        if (s.warmups() >= 0) {
            b.warmupIterations(s.warmups());
        }
        if (s.iterations() >= 0) {
            b.measurementIterations(s.iterations());
        }
        if (s.warmup() != null) {
            b.warmupTime(s.warmup());
        }
        if (s.measurement() != null) {
            b.measurementTime(s.measurement());
        }
        return b.build();
    }

    private static Map<String, List<String>> merge(Map<String, List<String>> base, Map<String, List<String>> over) {
        Map<String, List<String>> m = new HashMap<>(base);
        m.putAll(over);
        return m;
    }
}
