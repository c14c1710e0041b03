package dev.quiver.cli;

import dev.quiver.api.table.Table;
import dev.quiver.cli.io.OutputPaths;
import dev.quiver.io.TableFiles;
import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver generate}: synthetic data sets for demos, tests and benchmarks.
 *
 * <pre>
 * quiver generate strategies --strategies 25544 --days 82 --seed 42 --output strategies.csv
 * </pre>
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate synthetic data sets (documented models, reproducible by seed).",
        subcommands = {GenerateCommand.Strategies.class})
final class GenerateCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name what to generate: strategies");
    }

    /**
     * {@code quiver generate strategies}: a wide daily P&amp;L matrix of intraday strategies ({@link PnlGenerator}).
     *
     * <p>Thread-safety: a command object serves one invocation.
     */
    @Command(name = "strategies", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Generate a wide daily P&L matrix of intraday strategies: Date plus one column per "
                    + "strategy,", "with clustered correlation, fat tails, zero days and a minority of winners "
                    + "(docs/portfolio.md)."})
    static final class Strategies implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--strategies", paramLabel = "N", defaultValue = "25544", description = "How many "
                + "strategies.")
        private int strategies;

        @Option(names = "--days", paramLabel = "D", defaultValue = "82", description = "How many trading days.")
        private int days;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "The seed: the same seed, "
                + "the same matrix.")
        private long seed;

        @Option(names = "--start", paramLabel = "YYYY-MM-DD", defaultValue = "2024-01-01",
                description = "The first day (weekends are skipped).")
        private LocalDate start;

        @Option(names = "--decimals", paramLabel = "N", defaultValue = "2",
                description = "Round values to N decimals (like currency); -1 keeps full doubles.")
        private int decimals;

        @Option(names = "--output", paramLabel = "FILE", required = true,
                description = "Output file; its extension picks the format (.csv, .parquet, .arrow, .arrows).")
        private Path output;

        @Mixin
        private TableFileOptions files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            OutputPaths.checkFile(output, List.of(), "--output");
            files.write().build().formatOf(output);
            long t0 = System.nanoTime();
            PnlMatrix m = PnlGenerator.generate(strategies, days, seed, start, decimals);
            long t1 = System.nanoTime();
            try (Table wide = m.toWide()) {
                TableFiles.write(wide, output, files.write().build());
            }
            long t2 = System.nanoTime();
            out.printf(Locale.ROOT, "%d strategies × %d days (%s to %s) -> %s%n", m.strategies(), m.days(),
                    LocalDate.ofEpochDay(m.date(0)), LocalDate.ofEpochDay(m.date(m.days() - 1)), output);
            out.printf(Locale.ROOT, "  generate %.1f ms, write %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
            return 0;
        }
    }
}
