package dev.quiver.cli;

import dev.quiver.api.store.AdviceOptions;
import dev.quiver.api.store.Identifiers;
import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.SchemaAdvice;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.api.store.Stores;
import dev.quiver.api.store.TableDescription;
import dev.quiver.api.store.TableProfile;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import dev.quiver.cli.io.OutputPaths;
import dev.quiver.cli.io.TablePrinter;
import dev.quiver.io.TableFiles;
import dev.quiver.io.TableReader;
import dev.quiver.io.panel.WideTables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver store}: tables in a database ({@code load}, {@code query}, {@code list}, {@code describe},
 * {@code drop}), chosen by {@code --store URL} (see docs/store.md).
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Load tables into a database, query them, list, describe and drop them.",
        subcommands = {StoreCommand.Load.class, StoreCommand.Query.class, StoreCommand.ListTables.class,
                StoreCommand.Describe.class, StoreCommand.Drop.class})
final class StoreCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every store subcommand takes: where the store is and how to log in. */
    static final class Connection {
        @Option(names = "--store", paramLabel = "URL", defaultValue = "${env:QUIVER_STORE}",
                description = "The store: duckdb:FILE, duckdb::memory: or heavydb://USER@HOST:PORT/DB "
                        + "(default: $QUIVER_STORE).")
        private String store;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the store's password from the first line of this file (else "
                        + "$QUIVER_STORE_PASSWORD).")
        private Path passwordFile;

        /** Creates the mixin; picocli fills its fields. */
        Connection() {
        }

        Store open() {
            if (store == null || store.isBlank()) {
                throw new IllegalArgumentException("no store given: use --store URL (for example "
                        + "--store duckdb:research.duckdb) or set QUIVER_STORE");
            }
            StoreSettings settings = StoreSettings.of(store);
            if (passwordFile != null) {
                settings = settings.with("passwordFile", passwordFile.toString());
            }
            return Stores.open(settings);
        }
    }

    /** What the schema advisor cannot see in the data: devices and query shape. */
    static final class AdviceFlags {
        @Option(names = "--gpus", paramLabel = "N", defaultValue = "0",
                description = "Advice: the GPUs that will query the table (default: unknown, taken as one).")
        private int gpus;

        @Option(names = "--gpu-memory-gib", paramLabel = "GIB", defaultValue = "0",
                description = "Advice: the memory of one GPU in GiB (default: unknown).")
        private double gpuMemoryGib;

        @Option(names = "--join-key", paramLabel = "COLUMN", defaultValue = "",
                description = "Advice: the column the table is joined on (a GPU store may shard by it).")
        private String joinKey;

        @Option(names = "--range-column", paramLabel = "COLUMNS", split = ",",
                description = "Advice: the columns range filters use, most used first (default: the date or "
                        + "timestamp column).")
        private List<String> rangeColumns = new ArrayList<>();

        /** Creates the mixin; picocli fills its fields. */
        AdviceFlags() {
        }

        AdviceOptions options() {
            return new AdviceOptions(gpus, (long) (gpuMemoryGib * (1L << 30)), joinKey, rangeColumns);
        }

        /** Prints the advice for a profile, and the statements that apply what a load cannot. */
        void print(Store store, String table, TableProfile profile, PrintWriter out) {
            SchemaAdvice advice = store.advisor().advise(profile, options());
            List<String> lines = advice.lines();
            int statements = lines.indexOf("to apply after loading");
            (statements < 0 ? lines : lines.subList(0, statements)).forEach(out::println);
            if (statements >= 0) {
                out.println("to apply after loading");
                advice.statements(table).forEach(sql -> out.println("  " + sql + ";"));
            }
        }
    }

    /** {@code quiver store load}. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Load a table file (CSV, Parquet or Arrow) into a table, batch by batch and atomically: "
                    + "if anything fails, the table is as it was."})
    static final class Load implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Mixin
        private TableFileOptions files;

        @Option(names = "--table", required = true, paramLabel = "NAME", description = "The table to load into.")
        private String table;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The file to load.")
        private Path input;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "create",
                description = "create (the table must not exist), append (it must, with the same columns) or "
                        + "replace (create or replace it whole).")
        private String mode;

        @Option(names = "--sort-key", paramLabel = "COLUMNS", split = ",",
                description = "Keep the rows in the order of these columns (comma-separated), so scans that filter "
                        + "on them skip data.")
        private List<String> sortKey = new ArrayList<>();

        @Option(names = "--option", paramLabel = "KEY=VALUE",
                description = "A table option of the store (HeavyDB's fragment_size, shard_count, ...); "
                        + "repeatable. A store refuses options it does not have.")
        private List<String> options = new ArrayList<>();

        @Option(names = "--wide", paramLabel = "ID:KEY=VALUE",
                description = "The input is wide (column ID, then one numeric column per key): load it in long "
                        + "form ID, KEY, VALUE, e.g. --wide date:strategy=pnl.")
        private String wide;

        @Option(names = "--advise", description = "Before loading, read the input once and print the schema "
                + "advisor's advice for it (encodings, table options, reasons).")
        private boolean advise;

        @Mixin
        private AdviceFlags adviceFlags;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Identifiers.require(table, "table");
            LoadMode loadMode = mode(mode);
            StorageOptions storage = StorageOptions.defaults().withSortKey(sortKey.toArray(String[]::new));
            for (String o : options) {
                int eq = o.indexOf('=');
                if (eq <= 0 || eq == o.length() - 1) {
                    throw new IllegalArgumentException("--option '" + o + "': expected KEY=VALUE, e.g. "
                            + "fragment_size=32000000");
                }
                storage = storage.withProperty(o.substring(0, eq).strip(), o.substring(eq + 1).strip());
            }
            long t0 = System.nanoTime();
            try (Store store = connection.open();
                 TableStream data = open()) {
                if (advise) {
                    try (TableStream first = open()) {
                        adviceFlags.print(store, table, TableProfile.of(first), out);
                    }
                    t0 = System.nanoTime();
                }
                long rows = store.load(new LoadRequest(table, loadMode, java.util.Optional.empty(), storage), data);
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "%s: %,d rows loaded into %s (%s) in %.2f s%n", input, rows, table,
                        loadMode.name().toLowerCase(Locale.ROOT), seconds);
            }
            return 0;
        }

        /** The input, melted to long form if it is wide; closing the stream closes the file. */
        private TableStream open() {
            TableReader reader = TableFiles.openReader(input, files.read().build());
            try {
                return wide == null ? reader : melted(reader, wide);
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        }

        private static TableStream melted(TableReader reader, String spec) {
            int colon = spec.indexOf(':');
            int eq = spec.indexOf('=');
            if (colon <= 0 || eq <= colon + 1 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--wide '" + spec + "': expected ID:KEY=VALUE, e.g. "
                        + "date:strategy=pnl");
            }
            return WideTables.melt(reader, spec.substring(0, colon), spec.substring(colon + 1, eq),
                    spec.substring(eq + 1));
        }

        private static LoadMode mode(String text) {
            try {
                return LoadMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mode '" + text + "': expected create, append or replace");
            }
        }
    }

    /** {@code quiver store query}. */
    @Command(name = "query", mixinStandardHelpOptions = true,
            description = {"Run a SQL statement; ? placeholders take the --param values in order. The rows go to "
                    + "--output (CSV, Parquet or Arrow by its extension) or to the console."})
    static final class Query implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Mixin
        private TableFileOptions files;

        @Option(names = "--sql", required = true, paramLabel = "TEXT", description = "The statement.")
        private String sql;

        @Option(names = "--param", paramLabel = "VALUE",
                description = "A value for the next ? placeholder: an integer, a decimal number, a date "
                        + "(2020-01-31), true or false, else text; prefix with text: to force text. Repeatable.")
        private List<String> params = new ArrayList<>();

        @Option(names = "--output", paramLabel = "FILE", description = "Write the rows to this file.")
        private Path output;

        @Option(names = "--max-rows", paramLabel = "N", defaultValue = "50",
                description = "Print at most this many rows on the console.")
        private int maxRows;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Object[] values = params.stream().map(Query::value).toArray();
            long t0 = System.nanoTime();
            try (Store store = connection.open();
                 TableStream rows = store.query(sql, values);
                 Table result = rows.readAll()) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (output != null) {
                    OutputPaths.checkFile(output, List.of(), "--output");
                    TableFiles.write(result, output, files.write().build());
                    out.printf(Locale.ROOT, "%,d rows -> %s (query %.2f s)%n", result.rowCount(), output, seconds);
                } else {
                    TablePrinter.print(result, maxRows, out);
                    out.printf(Locale.ROOT, "(%,d rows, %.2f s)%n", result.rowCount(), seconds);
                }
            }
            return 0;
        }

        /** A parameter's value by its look: integer, decimal, date, boolean, else text. */
        static Object value(String text) {
            if (text.startsWith("text:")) {
                return text.substring(5);
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // not an integer
            }
            try {
                double d = Double.parseDouble(text);
                if (!Double.isNaN(d) && !text.strip().isEmpty() && Character.isDigit(text.charAt(text.length() - 1))) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // not a number
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--param '" + text + "' looks like a date but is none ("
                            + e.getMessage() + ")");
                }
            }
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            return text;
        }
    }

    /** {@code quiver store list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tables, with their row counts.")
    static final class ListTables implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = connection.open()) {
                List<String> tables = store.list();
                if (tables.isEmpty()) {
                    out.println("no tables");
                }
                for (String t : tables) {
                    TableDescription d = store.describe(t);
                    out.printf(Locale.ROOT, "%-32s %,14d rows  %d columns%n", d.name(), d.rows(),
                            d.schema().fields().size());
                }
            }
            return 0;
        }
    }

    /** {@code quiver store describe}. */
    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Print a table's columns (types, nullability, encodings), row count and options, and the "
                    + "schema advisor's advice from one scan of its rows.")
    static final class Describe implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Option(names = "--table", required = true, paramLabel = "NAME", description = "The table.")
        private String table;

        @Option(names = "--no-advice", description = "Leave out the schema advisor's advice (which reads the whole "
                + "table once).")
        private boolean noAdvice;

        @Mixin
        private AdviceFlags adviceFlags;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Identifiers.require(table, "table");
            try (Store store = connection.open()) {
                TableDescription d = store.describe(table);
                out.printf(Locale.ROOT, "table %s: %,d rows%n", d.name(), d.rows());
                for (StoreField f : d.schema().fields()) {
                    out.printf(Locale.ROOT, "  %-28s %-10s %-9s %s%n", f.name(),
                            f.type().name().toLowerCase(Locale.ROOT) + (f.type()
                                    == dev.quiver.api.table.LogicalType.TIMESTAMP ? "(" + unit(f) + ")" : ""),
                            f.nullable() ? "null" : "not null", f.encoding());
                }
                Map<String, String> options = new TreeMap<>(d.options());
                if (!options.isEmpty()) {
                    out.println("options");
                    options.forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %s%n", k, v));
                }
                if (!noAdvice) {
                    TableProfile profile;
                    try (TableStream rows = store.scan(ScanRequest.of(d.name()))) {
                        profile = TableProfile.of(rows);
                    }
                    adviceFlags.print(store, d.name(), profile, out);
                }
            }
            return 0;
        }

        private static String unit(StoreField f) {
            return switch (f.unit()) {
                case SECOND -> "s";
                case MILLISECOND -> "ms";
                case MICROSECOND -> "us";
                case NANOSECOND -> "ns";
            };
        }
    }

    /** {@code quiver store drop}. */
    @Command(name = "drop", mixinStandardHelpOptions = true, description = "Drop a table.")
    static final class Drop implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Connection connection;

        @Option(names = "--table", required = true, paramLabel = "NAME", description = "The table.")
        private String table;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Identifiers.require(table, "table");
            try (Store store = connection.open()) {
                out.println(store.drop(table) ? "dropped " + table : "no table " + table + "; nothing dropped");
            }
            return 0;
        }
    }
}
