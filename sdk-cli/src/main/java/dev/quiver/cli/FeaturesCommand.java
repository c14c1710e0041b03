package dev.quiver.cli;

import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.ParamType;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Table;
import dev.quiver.cli.io.OutputPaths;
import dev.quiver.features.Device;
import dev.quiver.features.ExecutorChoice;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.io.TableFiles;
import dev.quiver.io.TableFormat;
import dev.quiver.io.panel.PriceTable;
import dev.quiver.io.panel.PriceTableOptions;
import dev.quiver.io.panel.TableShape;
import dev.quiver.spark.SparkEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver features}: computes a feature set over a price file and writes the prices with the features, or
 * lists the operators, or explains a plan.
 *
 * <pre>
 * quiver features --input prices.csv --features "sma(20), rsi(14), xs_rank(roc(5))" --output features.parquet
 * quiver features --features "macd(12,26,9)" --explain
 * quiver features --list
 * </pre>
 *
 * <p>The input is any table file ({@code docs/io.md}) of any shape ({@link dev.quiver.io.panel}); only the columns
 * the features read must be in it. The output holds the input's columns under the input's names, in its row order
 * (a wide input becomes long: date, symbol, field), then one column per feature named by its canonical spec; warm-up
 * and other missing values are empty CSV fields or nulls. It is written to a temporary file and renamed, and an output
 * that is the input is refused before anything is read.
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute features over a price file and write the prices with them (CSV, Parquet, Arrow).",
                "Specs are composable: sma(20), ema(high,10), xs_rank(roc(5)), xs_zscore(rsi(14), ddof=1),",
                "name=expr. --list prints every operator; --explain prints the plan."})
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Price file: CSV, Parquet or Arrow; long (with a Symbol column), one series, or wide.")
    private Path input;

    @Option(names = "--features", paramLabel = "SPEC[,SPEC...]",
            description = "Feature specs, comma-separated (commas inside parentheses do not split); repeatable.")
    private List<String> features;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Output file; its extension picks the format (.csv, .parquet, .arrow, .arrows).")
    private Path output;

    @Option(names = "--shape", paramLabel = "SHAPE", converter = ShapeConverter.class,
            description = "long, series or wide (default: detected; see docs/io.md).")
    private TableShape shape;

    @Option(names = "--symbol-column", paramLabel = "NAME",
            description = "The symbol column (default: Symbol or Ticker, if present).")
    private String symbolColumn;

    @Option(names = "--date-column", paramLabel = "NAME",
            description = "The date column (default: Date, Time, Timestamp or Datetime).")
    private String dateColumn;

    @Option(names = "--symbol", paramLabel = "NAME",
            description = "The symbol of a single series (default: the file name without its extension).")
    private String symbol;

    @Option(names = "--field", paramLabel = "NAME", defaultValue = "close",
            description = "What the columns of a wide table hold.")
    private String field;

    @Option(names = "--no-check-prices",
            description = "Do not check prices (positive, high above low, close within them): for data that are "
                    + "not prices, or that have gaps.")
    private boolean noCheck;

    @Mixin
    private TableFileOptions files;

    @Mixin
    private SparkOptions engineOptions;

    @Option(names = "--list", description = "List every operator with its parameters, defaults and outputs.")
    private boolean list;

    @Option(names = "--explain", description = "Print the plan: each kernel, its stage and its inputs (with no "
            + "--input, only that).")
    private boolean explain;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "Where the plan runs: auto (the GPU when CUDA is available and the panel is large enough), "
                    + "cpu, or gpu (the CPU, with one line saying why, when the GPU cannot take it). Default: auto.")
    private String device;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Device chosenDevice = Device.parse(device);
        FeatureEngine engine = QuiverApplication.injector(CacheSettings.defaults(), chosenDevice)
                .getInstance(FeatureEngine.class);
        if (list) {
            list(engine, out);
            return 0;
        }
        if (features == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--features is required (or --list); with --input and --output it computes them");
        }
        List<String> specs = features.stream().flatMap(f -> FeatureEngine.splitSpecs(f).stream()).toList();
        if (specs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--features lists no feature");
        }
        FeaturePlan plan = engine.plan(specs);
        if (explain) {
            out.print(plan.explain());
            if (input == null && output == null) {
                return 0;
            }
        }
        if (input == null || output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--input, --features and --output are required (or --list, or --explain alone)");
        }
        OutputPaths.checkFile(output, List.of(input), "--output");
        files.write().build().formatOf(output); // an unknown output extension fails before the input is read
        PriceTableOptions options = PriceTableOptions.builder().shape(shape).dateColumn(dateColumn)
                .symbolColumn(symbolColumn).seriesSymbol(symbol).wideField(field).required(plan.inputColumns())
                .validate(!noCheck).build();

        long t0 = System.nanoTime();
        try (PriceTable prices = PriceTable.read(input, files.read().build(), options)) {
            for (String name : plan.columns()) {
                for (String column : prices.columns()) {
                    if (prices.inputName(column).equalsIgnoreCase(name)) {
                        throw new IllegalArgumentException("feature column '" + name + "' has the name of the input "
                                + "column '" + prices.inputName(column) + "'; name the feature with label=expr");
                    }
                }
            }
            long t1 = System.nanoTime();
            boolean onSpark = engineOptions.spark();
            ExecutorChoice ran = onSpark ? null : plan.executor(prices.panel());
            try (Table computed = onSpark ? onSpark(plan, specs, prices) : plan.compute(prices.panel())) {
                long t2 = System.nanoTime();
                List<Column> columns = new ArrayList<>();
                for (Column c : prices.table().columns()) {
                    columns.add(c.renamed(prices.inputName(c.name())));
                }
                columns.addAll(computed.columns());
                try (Table ordered = prices.inInputOrder(Table.of(columns))) {
                    TableFiles.write(ordered, output, files.write().build());
                }
                long t3 = System.nanoTime();
                TableFormat format = files.write().build().formatOf(output);
                out.printf(Locale.ROOT, "%d rows, %d symbols: %d features (%d kernels) -> %s (%s)%n",
                        prices.table().rowCount(), prices.panel().symbolCount(), plan.columns().size(),
                        plan.kernelCount(), output, format);
                out.printf(Locale.ROOT, "  read %.1f ms, compute %.1f ms, write %.1f ms%n", (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6, (t3 - t2) / 1e6);
                if (onSpark) {
                    out.printf(Locale.ROOT, "  engine spark: %s%n", engineOptions.master());
                } else {
                    // a GPU asked for and not used has been said in a warning already: name the executor only
                    out.printf(Locale.ROOT, "  device %s: %s%n", chosenDevice.label(), chosenDevice == Device.GPU
                            && !ran.reason().isEmpty() ? ran.executor().name() + " (see the warning above)" : ran);
                }
            }
        }
        return 0;
    }

    /** The plan computed on Spark ({@code --engine spark}): the same columns and values as {@code plan.compute}. */
    private Table onSpark(FeaturePlan plan, List<String> specs, PriceTable prices) {
        try (SparkEngine spark = engineOptions.start("features")) {
            double[][] values = spark.features(prices.panel(), specs, engineOptions.partitions(spark));
            List<Column> columns = new ArrayList<>();
            for (int j = 0; j < values.length; j++) {
                columns.add(Float64Column.wrap(plan.columns().get(j), values[j]));
            }
            return Table.of(columns);
        }
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

    static String range(ParamSpec p) {
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

    /** Parses a shape name for picocli. */
    static final class ShapeConverter implements CommandLine.ITypeConverter<TableShape> {
        @Override
        public TableShape convert(String value) {
            try {
                return TableShape.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
