package dev.quiver.cli;

import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.ParamType;
import dev.quiver.api.table.Table;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver features}: computes a feature set over a price file and writes the prices with the features, or
 * lists the operators.
 *
 * <pre>
 * quiver features --input prices.csv --features "sma(20), rsi(14), xs_rank(roc(5))" --output features.csv
 * quiver features --list
 * </pre>
 *
 * <p>The input is CSV or Arrow IPC (see {@link FeatureFiles}): a date column, a symbol column for a panel, and
 * numeric columns ({@code Open, High, Low, Close, Volume}, any case). The output holds the input's columns in its row
 * order, then one column per feature named by its canonical spec text; warm-up and other missing values are empty
 * fields in CSV and nulls in Arrow. It is written to a temporary file and renamed.
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Compute features over a price file (CSV or Arrow IPC) and write the prices with them.",
                "Specs are composable: sma(20), ema(high,10), xs_rank(roc(5)), xs_zscore(rsi(14), ddof=1),",
                "name=expr. --list prints every operator with its parameters, defaults and outputs."})
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "Price file: CSV, or Arrow IPC.")
    private Path input;

    @Option(names = "--features", paramLabel = "SPEC[,SPEC...]",
            description = "Feature specs, comma-separated (commas inside parentheses do not split); repeatable.")
    private List<String> features;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Output file: CSV, or Arrow IPC if the name ends with .arrow.")
    private Path output;

    @Option(names = "--symbol-column", paramLabel = "NAME",
            description = "The symbol column (default: Symbol or Ticker, if present; without one the file is one "
                    + "series).")
    private String symbolColumn;

    @Option(names = "--date-column", paramLabel = "NAME",
            description = "The date column (default: Date, Time or Timestamp).")
    private String dateColumn;

    @Option(names = "--list", description = "List every operator with its parameters, defaults and outputs.")
    private boolean list;

    @Option(names = "--explain", description = "Print the plan: each kernel, its stage and its inputs.")
    private boolean explain;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FeatureEngine engine = QuiverApplication.injector(CacheSettings.defaults()).getInstance(FeatureEngine.class);
        if (list) {
            list(engine, out);
            return 0;
        }
        if (input == null || features == null || output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--input, --features and --output are required (or --list)");
        }
        List<String> specs = features.stream().flatMap(f -> FeatureEngine.splitSpecs(f).stream()).toList();
        if (specs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--features lists no feature");
        }
        FeaturePlan plan = engine.plan(specs);
        if (explain) {
            out.print(plan.explain());
        }
        long t0 = System.nanoTime();
        FeatureFiles.Input in = FeatureFiles.read(input, dateColumn, symbolColumn);
        try (Table prices = in.table()) {
            for (String name : plan.columns()) {
                for (String column : in.columns()) {
                    if (column.equalsIgnoreCase(name)) {
                        throw new IllegalArgumentException("feature column '" + name + "' has the name of the input "
                                + "column '" + column + "'; name the feature with label=expr");
                    }
                }
            }
            long t1 = System.nanoTime();
            try (Table computed = plan.compute(in.panel())) {
                long t2 = System.nanoTime();
                FeatureFiles.write(output, in, computed);
                long t3 = System.nanoTime();
                out.printf(Locale.ROOT, "%d rows, %d symbols: %d features (%d kernels) in %.1f ms "
                                + "(read %.1f ms, write %.1f ms) -> %s%n", prices.rowCount(),
                        in.panel().symbolCount(), plan.columns().size(), plan.kernelCount(), (t2 - t1) / 1e6,
                        (t1 - t0) / 1e6, (t3 - t2) / 1e6, output);
            }
        }
        return 0;
    }

    /** One block per operator: its call with defaults, kind, inputs, outputs, then one line per parameter. */
    static void list(FeatureEngine engine, PrintWriter out) {
        String family = null;
        for (OperatorDescriptor d : engine.operators()) {
            if (!d.family().equals(family)) {
                family = d.family();
                out.println(family);
            }
            StringBuilder call = new StringBuilder(d.name()).append('(').append(String.join(",", d.inputs()));
            for (ParamSpec p : d.params()) {
                call.append(',').append(p.name()).append('=').append(p.hasDefault() ? p.defaultValue() : "?");
            }
            call.append(')');
            String outputs = d.singleOutput() ? "one column" : "parts " + String.join(", ", d.outputs());
            out.printf("  %-44s %s; %s%n", call, d.kind() == dev.quiver.api.feature.OperatorKind.CROSS_SECTIONAL
                    ? "cross-sectional" : "time series", outputs);
            out.printf("      %s%n", d.description());
            for (ParamSpec p : d.params()) {
                out.printf("      %-10s %-7s default %-8s %-18s %s%n", p.name(), p.type().name().toLowerCase(
                        Locale.ROOT), p.hasDefault() ? p.defaultValue() : "(required)", range(p), p.description());
            }
        }
    }

    private static String range(ParamSpec p) {
        if (p.type() == ParamType.CHOICE) {
            return String.join("|", p.choices());
        }
        if (p.type() == ParamType.BOOLEAN) {
            return "true|false";
        }
        String lo = p.min() == Double.NEGATIVE_INFINITY ? "(-inf" : "[" + number(p, p.min());
        String hi = p.max() == Double.POSITIVE_INFINITY ? "+inf)" : number(p, p.max()) + "]";
        return lo + ", " + hi;
    }

    private static String number(ParamSpec p, double v) {
        return p.type() == ParamType.INT || v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
